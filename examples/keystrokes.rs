//! Keystrokes on a document, analysed in turn with one memo as the language server does:
//! the engine's cost of an edit, for wall time or for an instruction count.
//!
//! `cargo run --release --example keystrokes -- BOOK.txt [EDITS]` prints the median and
//! 95th percentile of `EDITS` one-character insertions spread over the text. Set
//! `WHOSAID_CHECK=1` to compare every result with a fresh analysis (slow). Instructions of
//! the edits alone, without the first analysis:
//! `valgrind --tool=callgrind --collect-atstart=no --toggle-collect=keystrokes::edit
//! target/release/examples/keystrokes BOOK.txt 4`.

use std::time::Instant;

use whosaid::engine::{analyze, analyze_with, Analysis, Memo, Options};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: keystrokes FILE [EDITS]");
        std::process::exit(2);
    };
    let edits: usize = match args.next().map(|n| n.parse()) {
        None => 50,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("EDITS must be a positive number");
            std::process::exit(2);
        }
    };
    let mut text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2);
    });
    let check = std::env::var_os("WHOSAID_CHECK").is_some();
    let opts = Options::default();
    let mut memo = Memo::default();
    analyze_with(&text, &opts, &mut memo);
    let mut times = Vec::with_capacity(edits);
    for i in 0..edits {
        let mut at = (text.len() / edits) * i + 17;
        while at < text.len() && !text.is_char_boundary(at) {
            at += 1;
        }
        text.insert(at.min(text.len()), 'x');
        let start = Instant::now();
        let analysis = edit(&text, &opts, &mut memo);
        times.push(start.elapsed().as_secs_f64() * 1e3);
        if check && analysis != analyze(&text, &opts) {
            eprintln!("edit {i}: the memo's analysis differs from a fresh one");
            std::process::exit(1);
        }
    }
    times.sort_by(f64::total_cmp);
    let p95 = times[((edits as f64 * 0.95).ceil() as usize).clamp(1, edits) - 1];
    println!(
        "{edits} keystrokes: median {:.2} ms, p95 {p95:.2} ms",
        times[edits / 2]
    );
}

/// One analysis after an edit, kept out of line so callgrind can count it alone.
#[inline(never)]
fn edit(text: &str, opts: &Options, memo: &mut Memo) -> Analysis {
    analyze_with(text, opts, memo)
}
