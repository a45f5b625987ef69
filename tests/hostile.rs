//! Hostile documents: each must give a result (every span valid) or a clear error, and finish.
//! No timing assertions: a test that hangs is the failure.

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)] // each test binary uses a different part
mod checks;
mod common;

use std::process::Command;

use serde_json::json;
use whosaid::engine::{analyze, Analysis, Format, Options};
use whosaid::positions::Encoding;
use whosaid::server::testing::{analyze_document, code_actions, lsp};

use common::LspClient;

/// Analyse in both formats, check every span, and return the plain-text analysis.
fn analyze_both(text: &str) -> Analysis {
    let mut plain = None;
    for format in [Format::Plain, Format::Markdown] {
        let options = Options {
            format,
            ..Options::default()
        };
        let analysis = analyze(text, &options);
        if let Err(broken) = checks::check_analysis(text, &analysis) {
            panic!("{format:?}: {broken}");
        }
        plain.get_or_insert(analysis);
    }
    plain.unwrap()
}

fn repeat_to(unit: &str, bytes: usize) -> (String, usize) {
    let count = bytes / unit.len();
    (unit.repeat(count), count)
}

#[test]
fn ten_megabyte_single_line() {
    let (text, count) = repeat_to("Smith said “the line goes on and on” to them. ", 10 << 20);
    assert!(!text.contains('\n'));
    let analysis = analyze_both(&text);
    assert_eq!(analysis.quotes.len(), count);
}

#[test]
fn code_actions_on_one_long_line_of_unattributed_quotes() {
    let (tail, _) = repeat_to(
        "Then silence. “This will never work, not at all.” ",
        1 << 20,
    );
    // Narration of nobody between, so Holt is too far back to be their likely speaker.
    let text = format!(
        "“We will rebuild,” said Mayor Jane Holt.\n\nNo one spoke.\n\nNo one moved.\n\nNo one left.\n\n{tail}"
    );
    let doc = analyze_document(&text, Format::Plain, Encoding::Utf16);
    let unattributed = doc
        .diagnostics
        .iter()
        .filter(|d| d.data.as_ref().is_some_and(|v| v.get("quote").is_some()))
        .count();
    let uri: lsp::Uri = "file:///work/long.txt".parse().unwrap();
    let everything = lsp::Range::new(lsp::Position::new(0, 0), lsp::Position::new(12, 0));
    // Each unattributed quote: "Attribute to Holt" and "Mark as intentionally unattributed".
    let actions = code_actions(&uri, &doc, Format::Plain, everything);
    assert!(unattributed > 1000, "{unattributed}");
    assert_eq!(actions.len(), 2 * unattributed);
}

#[test]
fn a_hundred_thousand_quotation_marks() {
    for mark in ["\"", "“", "”", "“”", "«»", "'"] {
        let text = mark.repeat(100_000 / mark.chars().count());
        let analysis = analyze_both(&text);
        assert!(analysis.quotes.len() <= 100_000, "{mark}");
        assert!(analysis.actors.is_empty(), "{mark}: {:?}", analysis.actors);
    }
}

#[test]
fn only_opening_marks_leave_quotes_unclosed() {
    let text = "“Nothing closes here, said Smith. ".repeat(20_000);
    let analysis = analyze_both(&text);
    assert!(!analysis.quotes.is_empty());
    assert!(analysis.quotes.iter().all(|q| !q.closed));
}

#[test]
fn deeply_nested_quotes() {
    let depth = 20_000;
    let text = format!(
        "Smith said: {}deep{}",
        "“‘«‹".repeat(depth / 4),
        "›»’”".repeat(depth / 4)
    );
    let analysis = analyze_both(&text);
    // Quotes are flat (in order, never overlapping): the marks that open the nest come out
    // as short unclosed quotes, and the innermost word lies in a closed one.
    let innermost = analysis
        .quotes
        .iter()
        .find(|q| q.content.slice(&text).contains("deep"))
        .expect("a quote around the innermost word");
    assert!(innermost.closed);
    assert_eq!(analysis.quotes[0].span.start, "Smith said: ".len());
}

#[test]
fn nul_and_other_control_characters() {
    let controls: String = (0u32..0x20)
        .chain(0x7f..0xa0)
        .filter_map(char::from_u32)
        .collect();
    let text = format!(
        "\u{feff}{controls}\n\n“Hello\0 world, this is fine,” said Ada\u{0} Lovelace.\u{2028}\u{2029}\u{200b}\u{fffe}{controls}"
    );
    let analysis = analyze_both(&text);
    assert!(!analysis.quotes.is_empty());
    let quote = analysis
        .quotes
        .iter()
        .find(|q| q.content.slice(&text).starts_with("Hello\0"))
        .expect("the quote with a NUL inside");
    assert!(quote.closed);
}

#[test]
fn right_to_left_text() {
    let text = "\u{5d0}\u{5de}\u{5e8} \u{5d3}\u{5e0}\u{5d4}: „\u{5e9}\u{5dc}\u{5d5}\u{5dd} \u{5dc}\u{5db}\u{5dd}“.\n\n\
                قال أحمد: «مرحبا بكم جميعا».\n\n\
                \u{202e}“Reversed words, said Smith,” he said.\u{202c} \u{200f}“Mixed \u{5e9}\u{5dc}\u{5d5}\u{5dd} text here.”\u{200e}\n";
    let analysis = analyze_both(text);
    assert!(analysis.quotes.len() >= 3, "{:?}", analysis.quotes);
}

#[test]
fn a_document_of_only_emoji() {
    let text = "😀👩‍👩‍👧‍👦🇺🇦👍🏽🏳️‍🌈\u{fe0f}\n".repeat(20_000);
    let analysis = analyze_both(&text);
    assert_eq!(analysis.quotes, Vec::new());
    assert_eq!(analysis.actors, Vec::new());
    assert_eq!(analysis.findings, Vec::new());
}

#[test]
fn crlf_and_lone_cr_line_endings_read_like_lf() {
    let lf = common::seed_text();
    let summary = |a: &Analysis| -> Vec<(bool, Option<String>, String)> {
        a.quotes
            .iter()
            .map(|q| {
                (
                    q.closed,
                    q.speaker.map(|s| a.actors[s].name.clone()),
                    q.kind.as_str().to_owned(),
                )
            })
            .collect()
    };
    let expected = summary(&analyze_both(&lf));
    assert!(!expected.is_empty());
    for ending in ["\r\n", "\r"] {
        let text = lf.replace('\n', ending);
        assert_eq!(summary(&analyze_both(&text)), expected, "{ending:?}");
    }
}

#[test]
fn check_names_a_file_that_is_not_utf8_and_checks_the_others() {
    let dir = std::env::temp_dir().join(format!("whosaid-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("latin1.txt");
    std::fs::write(&bad, b"\xabBonjour\xbb, dit-il. caf\xe9\n").unwrap();
    let good = dir.join("good.txt");
    std::fs::write(&good, "“This will never work, not in a million years.”\n").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .arg("check")
        .arg(&bad)
        .arg(&good)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stdout}{stderr}");
    assert_eq!(
        stderr.trim_end(),
        format!(
            "whosaid: {}: not UTF-8 text (invalid byte at offset 0)",
            bad.display()
        )
    );
    assert!(
        stdout.starts_with(&format!(
            "{}:1:1: warning[unattributed-quote]",
            good.display()
        )),
        "{stdout}"
    );
    assert!(stdout.trim_end().ends_with("in 1 file"), "{stdout}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_huge_document_does_not_stall_a_small_one() {
    let huge_uri = "file:///work/huge.txt";
    let small_uri = "file:///work/small.txt";
    let (huge, _) = repeat_to("Smith said “the line goes on and on” to them.\n", 10 << 20);
    let mut client = LspClient::ready();
    client.open(huge_uri, "plaintext", &huge);
    client.open(small_uri, "plaintext", "“This will never work.”\n");
    let hover = client.hover(small_uri, json!({"line": 0, "character": 3}));
    let contents = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(contents.contains("Unattributed quote"), "{hover}");
    // Requests that do not wait on an analysis are answered meanwhile too.
    let symbols = client.call("workspace/symbol", json!({"query": "nobody"}));
    assert_eq!(symbols, json!([]));
    assert_eq!(client.shutdown_and_exit(), 0);
}

#[test]
fn reported_speech_with_no_full_stop_in_two_megabytes() {
    // Every "said" reports a clause; with no sentence end, each clause read is bounded.
    let (text, _) = repeat_to("Smith said the plan was good and ", 2 << 20);
    let analysis = analyze_both(&text);
    assert!(!analysis.quotes.is_empty());
    assert!(analysis
        .quotes
        .iter()
        .all(|q| q.kind == whosaid::engine::QuoteKind::Indirect));
}
