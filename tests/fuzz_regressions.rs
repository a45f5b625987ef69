//! Replays fuzz inputs through the fuzz targets' own checks: the committed seed corpus
//! (`fuzz/seeds/<target>/`) and every input that once broke an invariant
//! (`tests/fuzz-regressions/<target>/`, each named after what it broke).

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)] // each test binary uses a different part
mod checks;

use std::path::Path;

const TARGETS: [&str; 3] = ["engine_spans", "lsp_edits", "jsonrpc_frames"];

/// Run the target's check on every file in `dir`; the number of files checked.
fn replay(target: &str, dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut files: Vec<_> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_none_or(|e| e != "md"))
        .collect();
    files.sort();
    for file in &files {
        let data = std::fs::read(file).unwrap();
        if let Err(broken) = checks::check_input(target, &data) {
            panic!("{}: {broken}", file.display());
        }
    }
    files.len()
}

#[test]
fn seeds_and_past_crashes_pass_every_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for target in TARGETS {
        let seeds = replay(target, &root.join("fuzz/seeds").join(target));
        assert!(seeds >= 4, "only {seeds} seeds for {target}");
        replay(target, &root.join("tests/fuzz-regressions").join(target));
    }
}

#[test]
fn the_checks_catch_a_bad_span() {
    // The checker must be able to fail: a quote that ends inside a character.
    let text = "“Hi”";
    let mut analysis = whosaid::analyze(text, &whosaid::Options::default());
    assert_eq!(analysis.quotes.len(), 1);
    analysis.quotes[0].span.end -= 1;
    let broken = checks::check_analysis(text, &analysis).unwrap_err();
    assert_eq!(
        broken,
        "quote 0 span Span { start: 0, end: 7 } is not a char-aligned range of the 8-byte text"
    );
}

#[test]
fn the_reference_editor_clamps_like_lsp_says() {
    use whosaid::positions::Encoding::Utf16;
    let text = "a😀b\r\nc";
    // Inside the surrogate pair: the emoji's start, not exact.
    assert_eq!(checks::reference_offset(text, (0, 2), Utf16), (1, false));
    // Past the line's end: before the CR.
    assert_eq!(checks::reference_offset(text, (0, 40), Utf16), (6, false));
    assert_eq!(checks::reference_offset(text, (1, 1), Utf16), (9, true));
    assert_eq!(checks::reference_offset(text, (7, 0), Utf16), (9, false));
}
