//! Latency of the real release binary over stdio, as an editor sees it.
//!
//! `cargo bench --bench lsp_latency` (set `WHOSAID_NOVEL=/path/to/novel.txt` to add a novel).
//! Measures didOpen -> first diagnostics, single-character edit -> diagnostics (200 edits
//! spread over the document),
//! hover and documentSymbol round trips, 200 hovers on the seed while the novel re-analyses, and
//! the server's resident memory.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use common::{range, seed_text, LspClient};
use serde_json::json;

const EDITS: usize = 200;
const HOVERS: usize = 200;
const SYMBOL_CALLS: usize = 50;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Median and 95th percentile, in milliseconds.
fn summary(mut samples: Vec<Duration>) -> String {
    samples.sort();
    let n = samples.len();
    let p95 = samples[((n as f64 * 0.95).ceil() as usize).clamp(1, n) - 1];
    format!(
        "median {:7.3} ms  p95 {:7.3} ms  (n={n})",
        ms(samples[n / 2]),
        ms(p95)
    )
}

fn rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// About `words` words made of the seed's paragraphs, each copy numbered so it differs.
fn long_article(words: usize) -> String {
    let seed = seed_text();
    let mut out = String::new();
    let mut part = 1;
    while out.split_whitespace().count() < words {
        out.push_str(&format!("Part {part}.\n\n{seed}\n\n"));
        part += 1;
    }
    out
}

/// A line in the middle of the text with at least one character, for edits and hovers.
fn middle_line(text: &str) -> u32 {
    let lines: Vec<&str> = text.lines().collect();
    let mid = lines.len() / 2;
    (mid..lines.len())
        .find(|&i| !lines[i].trim().is_empty())
        .unwrap_or(0) as u32
}

/// The lines with text on them, for edits spread over the document.
fn text_lines(text: &str) -> Vec<u32> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, _)| i as u32)
        .collect()
}

struct Doc {
    name: &'static str,
    uri: String,
    text: String,
}

fn measure(client: &mut LspClient, doc: &Doc) {
    let uri = doc.uri.as_str();
    println!(
        "\n{} ({} bytes, {} words)",
        doc.name,
        doc.text.len(),
        doc.text.split_whitespace().count()
    );

    // The engine alone, in this process: the floor under every edit's latency.
    let runs = if doc.text.len() > 200_000 { 10 } else { 30 };
    let engine = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(whosaid::analyze(&doc.text, &whosaid::Options::default()));
            start.elapsed()
        })
        .collect();
    println!("  engine analyze alone        {}", summary(engine));

    let start = Instant::now();
    client.open(uri, "plaintext", &doc.text);
    client.diagnostics(uri, 1);
    println!(
        "  didOpen -> diagnostics      {:8.3} ms",
        ms(start.elapsed())
    );

    // Type a character at the start of a line, then delete it, at lines spread over the
    // whole document: one edit per version, each in a different paragraph.
    let lines = text_lines(&doc.text);
    let mut edits = Vec::with_capacity(EDITS);
    for i in 0..EDITS {
        let version = i as i32 + 2;
        let line = lines[(i / 2) * lines.len() / EDITS.div_ceil(2)];
        let change = if i % 2 == 0 {
            json!([{"range": range(line, 0, line, 0), "text": "x"}])
        } else {
            json!([{"range": range(line, 0, line, 1), "text": ""}])
        };
        let start = Instant::now();
        client.change(uri, version, change);
        client.diagnostics(uri, version);
        edits.push(start.elapsed());
    }
    println!("  edit -> diagnostics         {}", summary(edits));
    let line = middle_line(&doc.text);

    // Hover on the first quote mark on that line, or its start.
    let col = doc
        .text
        .lines()
        .nth(line as usize)
        .and_then(|l| l.find('“'))
        .map_or(0, |b| {
            doc.text.lines().nth(line as usize).unwrap()[..b]
                .encode_utf16()
                .count() as u32
                + 2
        });
    let hovers = (0..HOVERS)
        .map(|_| {
            let start = Instant::now();
            client.call(
                "textDocument/hover",
                json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": col}}),
            );
            start.elapsed()
        })
        .collect();
    println!("  hover                       {}", summary(hovers));

    let symbols = (0..SYMBOL_CALLS)
        .map(|_| {
            let start = Instant::now();
            client.call(
                "textDocument/documentSymbol",
                json!({"textDocument": {"uri": uri}}),
            );
            start.elapsed()
        })
        .collect();
    println!("  documentSymbol              {}", summary(symbols));
    client.clear_backlog();
}

fn main() {
    // `cargo bench` passes `--bench`; ignore arguments.
    let binary = std::path::PathBuf::from(env!("CARGO_BIN_EXE_whosaid"));
    println!("binary: {}", binary.display());
    let mut client = LspClient::start_binary(&binary, &[]);
    client.initialize(&["utf-16"]);

    let seed = Doc {
        name: "seed article",
        uri: "file:///bench/seed.txt".into(),
        text: seed_text(),
    };
    measure(&mut client, &seed);
    let long = Doc {
        name: "10,000-word article",
        uri: "file:///bench/long.txt".into(),
        text: long_article(10_000),
    };
    measure(&mut client, &long);

    match std::env::var("WHOSAID_NOVEL") {
        Ok(path) => {
            let text = std::fs::read_to_string(&path).expect("read WHOSAID_NOVEL");
            let novel = Doc {
                name: "novel",
                uri: "file:///bench/novel.txt".into(),
                text,
            };
            measure(&mut client, &novel);
            blocking_check(&mut client, &novel, &seed);
        }
        Err(_) => println!("\n(set WHOSAID_NOVEL=/path/to/novel.txt to measure a novel)"),
    }
    let mb = |kb: Option<u64>| {
        kb.map_or("unavailable".to_owned(), |kb| {
            format!("{:.1} MB", kb as f64 / 1024.0)
        })
    };
    println!(
        "\nserver VmRSS with all documents open, right after the edits: {}",
        mb(rss_kb(client.pid()))
    );
    // The analysis threads hand memory back after 0.5 s idle.
    std::thread::sleep(Duration::from_secs(2));
    println!("server VmRSS after 2 s idle: {}", mb(rss_kb(client.pid())));
    assert_eq!(client.shutdown_and_exit(), 0);
}

/// Hover on the seed right after each edit of the novel, while the novel re-analyses.
fn blocking_check(client: &mut LspClient, novel: &Doc, seed: &Doc) {
    let line = middle_line(&novel.text);
    let seed_line = middle_line(&seed.text);
    let mut hovers = Vec::new();
    let mut version = EDITS as i32 + 100;
    for i in 0..HOVERS {
        version += 1;
        let change = if i % 2 == 0 {
            json!([{"range": range(line, 0, line, 0), "text": "x"}])
        } else {
            json!([{"range": range(line, 0, line, 1), "text": ""}])
        };
        client.change(&novel.uri, version, change);
        let start = Instant::now();
        client.call(
            "textDocument/hover",
            json!({"textDocument": {"uri": seed.uri}, "position": {"line": seed_line, "character": 3}}),
        );
        hovers.push(start.elapsed());
        client.diagnostics(&novel.uri, version);
    }
    println!("\nseed hover during novel edits {}", summary(hovers));
}
