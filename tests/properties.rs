//! Properties of positions, edits and analysis on random documents, through the same
//! functions the server runs (`whosaid::server::testing`).

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)] // each test binary uses a different part
mod checks;

use proptest::prelude::*;
use whosaid::engine::{analyze, analyze_with, Format, Memo, Options};
use whosaid::positions::{rope_char_index, Encoding, LineCol, LineIndex};
use whosaid::server::testing::{
    analyze_document, apply_change, code_actions, document_symbols, hover, inlay_hints, lsp,
    Analyzed, Rope,
};

const ENCODINGS: [Encoding; 3] = [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32];

/// Text with emoji, CJK, combining marks, right-to-left letters and every line ending.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "word ",
        " ",
        "\n",
        "\r\n",
        "\r",
        "😀",
        "👩‍👩‍👧",
        "漢字",
        "e\u{301}",
        "\u{5e9}\u{5c1}",
        "مرحبا",
        "\u{2028}",
        "\t",
        "“",
        "”",
    ]);
    let short = prop::collection::vec(pieces.clone(), 0..40).prop_map(|v| v.concat());
    // Lines longer than the line index's checkpoint stride, for the walks from checkpoints.
    let long = prop::collection::vec(pieces, 200..600).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, p)| {
                if i % 150 == 0 || !p.contains(['\n', '\r']) {
                    p
                } else {
                    "x"
                }
            })
            .collect::<String>()
    });
    prop_oneof![short, long]
}

/// Prose with quotes, names and cues, so that analysis finds things. No lone CR: an edit
/// cannot be placed between a CR and an LF (no LSP position lies there).
fn story_pieces() -> impl Strategy<Value = Vec<&'static str>> {
    let pieces = prop::sample::select(vec![
        "“It works,” ",
        "said Ada Lovelace. ",
        "“We will see.” ",
        "Smith told reporters: ",
        "“Never,” he added. ",
        "Officials said the plan failed. ",
        "according to a source familiar with the talks, ",
        "“Unclosed ",
        "‘single’ ",
        "\"straight\" ",
        "The minister, Yoav Gallant, ",
        "she replied. ",
        "😀 ",
        "\n\n",
        "\r\n\r\n",
        "\n",
        "# Heading\n",
        "> ",
        "`code “x”` ",
        // A title in lower case before a one-word name ("chief Malemia said").
        "chief ",
        "Malemia said the plan failed. ",
    ]);
    prop::collection::vec(pieces, 1..24)
}

/// True when a position names a char boundary of the text exactly (no clamping needed).
fn exact(frame_text: &str, index: &LineIndex, pos: lsp::Position, enc: Encoding) -> bool {
    let lc = LineCol {
        line: pos.line,
        col: pos.character,
    };
    index.offset(frame_text, lc, enc).1
}

fn check_range(doc: &Analyzed, range: lsp::Range, what: &str) -> Result<(), TestCaseError> {
    let (text, index, enc) = (&doc.frame.text, &doc.frame.index, doc.frame.encoding);
    prop_assert!(
        exact(text, index, range.start, enc) && exact(text, index, range.end, enc),
        "{what} {range:?} is not inside the document"
    );
    prop_assert!(
        (range.start.line, range.start.character) <= (range.end.line, range.end.character),
        "{what} {range:?} ends before it starts"
    );
    Ok(())
}

fn check_symbols(doc: &Analyzed, symbols: &[lsp::DocumentSymbol]) -> Result<(), TestCaseError> {
    for s in symbols {
        check_range(doc, s.range, &format!("symbol {}", s.name))?;
        check_range(
            doc,
            s.selection_range,
            &format!("symbol {} selection", s.name),
        )?;
        let inside =
            (s.range.start <= s.selection_range.start) && (s.selection_range.end <= s.range.end);
        prop_assert!(inside, "symbol {} selection outside its range", s.name);
        check_symbols(doc, s.children.as_deref().unwrap_or_default())?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// byte -> line/column -> byte, in every encoding, for every char boundary that is not
    /// between the CR and LF of one line ending (no position lies there).
    #[test]
    fn positions_round_trip(text in tricky_text()) {
        let index = LineIndex::new(&text);
        let rope = Rope::from_str(&text);
        for byte in (0..=text.len()).filter(|&b| text.is_char_boundary(b)) {
            prop_assert_eq!(index.char_index(&text, byte), text[..byte].chars().count());
            if byte > 0 && text[..byte].ends_with('\r') && text[byte..].starts_with('\n') {
                continue;
            }
            for enc in ENCODINGS {
                let lc = index.line_col(&text, byte, enc);
                prop_assert_eq!(index.offset(&text, lc, enc), (byte, true), "{:?} {:?}", enc, lc);
                let (ch, exact) = rope_char_index(&rope, lc, enc);
                prop_assert_eq!((rope.char_to_byte(ch), exact), (byte, true));
            }
        }
    }

    /// Any position, in range or not, resolves to a char boundary, the same in the line index
    /// and the rope, and as the reference says.
    #[test]
    fn any_position_clamps_to_a_boundary(
        text in tricky_text(),
        line in prop_oneof![0u32..8, Just(u32::MAX)],
        col in prop_oneof![0u32..24, Just(u32::MAX)],
    ) {
        let index = LineIndex::new(&text);
        let rope = Rope::from_str(&text);
        for enc in ENCODINGS {
            let lc = LineCol { line, col };
            let (byte, exact) = index.offset(&text, lc, enc);
            prop_assert!(text.is_char_boundary(byte));
            let (ch, rope_exact) = rope_char_index(&rope, lc, enc);
            prop_assert_eq!((rope.char_to_byte(ch), rope_exact), (byte, exact));
            prop_assert_eq!(checks::reference_offset(&text, (line, col), enc), (byte, exact));
        }
    }

    /// Random LSP edits (some out of range, some inside characters) keep the rope equal to a
    /// plain string edited the same way.
    #[test]
    fn edits_match_the_reference(data in prop::collection::vec(any::<u8>(), 0..200)) {
        if let Err(broken) = checks::check_edits_input(&data) {
            return Err(TestCaseError::fail(broken));
        }
    }

    /// The ranged edit between two texts and a full replacement give the same text.
    #[test]
    fn incremental_edit_equals_full_replace(
        old in tricky_text(),
        new in tricky_text(),
        enc in prop::sample::select(ENCODINGS.to_vec()),
    ) {
        // The differing middle, in chars, as positions in the old text.
        let prefix: usize = old.chars().zip(new.chars()).take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8()).sum();
        let suffix: usize = old[prefix..].chars().rev().zip(new[prefix..].chars().rev())
            .take_while(|(a, b)| a == b).map(|(a, _)| a.len_utf8()).sum();
        let (old_end, new_end) = (old.len() - suffix, new.len() - suffix);
        // A position between CR and LF does not exist: widen the range over the CR.
        let mut start = prefix;
        if start > 0 && old[..start].ends_with('\r') && old[start..].starts_with('\n') {
            start -= 1;
        }
        let mut end = old_end;
        if end > 0 && old[..end].ends_with('\r') && old[end..].starts_with('\n') {
            end += 1;
        }
        let replacement = format!("{}{}{}", &old[start..prefix], &new[prefix..new_end],
            &old[old_end..end]);
        let index = LineIndex::new(&old);
        let (s, e) = index.range(&old, start, end, enc);
        let position = |lc: LineCol| lsp::Position::new(lc.line, lc.col);
        let ranged = lsp::TextDocumentContentChangeEvent {
            range: Some(lsp::Range::new(position(s), position(e))),
            range_length: None,
            text: replacement.clone(),
        };
        let mut incremental = Rope::from_str(&old);
        let outcome = apply_change(&mut incremental, &ranged, enc);
        prop_assert!(!outcome.clamped);
        prop_assert_eq!(outcome.end, start + replacement.len());
        let full = lsp::TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: new.clone(),
        };
        let mut replaced = Rope::from_str(&old);
        let outcome = apply_change(&mut replaced, &full, enc);
        prop_assert!(new.is_char_boundary(outcome.end));
        prop_assert_eq!(incremental.to_string(), new.clone());
        prop_assert_eq!(replaced.to_string(), new);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// A text typed piece by piece in any order, through the server's edit function, is the
    /// text, and analyses the same as the text given whole (and the same every time).
    #[test]
    fn analysis_is_the_same_whichever_way_the_text_was_edited(
        pieces in story_pieces(),
        order in prop::collection::vec(any::<prop::sample::Index>(), 24),
        markdown in any::<bool>(),
        enc in prop::sample::select(ENCODINGS.to_vec()),
    ) {
        let text = pieces.concat();
        // Insert piece k where it belongs among the pieces placed so far.
        let mut placed = vec![false; pieces.len()];
        let mut remaining: Vec<usize> = (0..pieces.len()).collect();
        let mut rope = Rope::new();
        for pick in order.iter().cycle().take(pieces.len()) {
            let k = remaining.remove(pick.index(remaining.len()));
            let at: usize = (0..k).filter(|&i| placed[i]).map(|i| pieces[i].len()).sum();
            let current = rope.to_string();
            let lc = LineIndex::new(&current).line_col(&current, at, enc);
            let here = lsp::Position::new(lc.line, lc.col);
            let insert = lsp::TextDocumentContentChangeEvent {
                range: Some(lsp::Range::new(here, here)),
                range_length: None,
                text: pieces[k].to_owned(),
            };
            let outcome = apply_change(&mut rope, &insert, enc);
            prop_assert!(!outcome.clamped, "inserting {:?} at {}", pieces[k], at);
            placed[k] = true;
        }
        let edited = rope.to_string();
        prop_assert_eq!(&edited, &text);
        let options = Options {
            format: if markdown { Format::Markdown } else { Format::Plain },
            ..Options::default()
        };
        let direct = analyze(&text, &options);
        prop_assert_eq!(&analyze(&edited, &options), &direct);
        prop_assert_eq!(&analyze(&text, &options), &direct);
        if let Err(broken) = checks::check_analysis(&text, &direct) {
            return Err(TestCaseError::fail(broken));
        }
    }

    /// Versions of a document a random edit apart, analysed in turn with one memo (as the
    /// server does), analyse exactly as each version does alone.
    #[test]
    fn analysis_with_the_memo_equals_a_fresh_one_after_any_edits(
        pieces in story_pieces(),
        edits in prop::collection::vec(
            (any::<prop::sample::Index>(), 0..12usize, prop::sample::select(vec![
                "", "x", " ", "\n\n", "“", "”", "said Smith. ", "Ada ", "’s", "\n",
                // A capitalised word is no name where the document writes it in lower case.
                "Lovelace ", "lovelace ", "SMITH ", "smith ", "Gallant. ", "gallant ",
                // LaTeX-style pairs, read as quotes only with `apostrophe_pairs`.
                "``Yes,'' ", "''",
                // Single marks that run over paragraphs: a paragraph's quotes hang on the next.
                "He said: 'It ", "\n\n'Then ",
                "chief ", "cook ",
            ]), any::<bool>()),
            1..12,
        ),
        markdown in any::<bool>(),
    ) {
        let options = Options {
            format: if markdown { Format::Markdown } else { Format::Plain },
            ..Options::default()
        };
        let mut text = pieces.concat();
        let mut memo = Memo::default();
        prop_assert_eq!(analyze_with(&text, &options, &mut memo), analyze(&text, &options));
        for (at, removed, inserted, apostrophe_pairs) in edits {
            // The memo's quotes hold for one setting: a changed one must not reuse them.
            let options = Options { apostrophe_pairs, ..options.clone() };
            let start = at.index(text.len() + 1);
            let start = (0..=start).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            let end = (start + removed).min(text.len());
            let end = (end..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
            text.replace_range(start..end, inserted);
            prop_assert_eq!(
                analyze_with(&text, &options, &mut memo),
                analyze(&text, &options),
                "after replacing {}..{} with {:?}: {:?}", start, end, inserted, text
            );
        }
    }

    /// Hovers, symbols, code actions and inlay hints only name positions inside the document.
    #[test]
    fn server_answers_stay_inside_the_document(
        pieces in story_pieces(),
        markdown in any::<bool>(),
        enc in prop::sample::select(ENCODINGS.to_vec()),
    ) {
        let text = pieces.concat();
        let format = if markdown { Format::Markdown } else { Format::Plain };
        let doc = analyze_document(&text, format, enc);
        let lines = doc.frame.index.line_count() as u32;
        for line in 0..=lines {
            for character in [0, 1, 3, 7, 12, 20, 40, 80, 200, u32::MAX] {
                if let Some(h) = hover(&doc, lsp::Position::new(line, character), true) {
                    let range = h.range.expect("a hover names its range");
                    check_range(&doc, range, "hover")?;
                }
            }
        }
        check_symbols(&doc, &document_symbols(&doc))?;
        let everything = lsp::Range::new(lsp::Position::new(0, 0), lsp::Position::new(lines, 0));
        let uri: lsp::Uri = "file:///doc.md".parse().unwrap();
        for action in code_actions(&uri, &doc, format, everything) {
            let lsp::CodeActionOrCommand::CodeAction(action) = action else { continue };
            for edits in action.edit.and_then(|e| e.changes).unwrap_or_default().values() {
                for edit in edits {
                    check_range(&doc, edit.range, &action.title)?;
                }
            }
        }
        for hint in inlay_hints(&doc, everything) {
            let at = lsp::Range::new(hint.position, hint.position);
            check_range(&doc, at, "inlay hint")?;
        }
        for d in &doc.diagnostics {
            check_range(&doc, d.range, "diagnostic")?;
        }
    }

    /// The tagger's early-stopping search answers as tagging every word would, for any tag
    /// it is asked about, on word runs long enough to need several prefixes.
    #[test]
    fn tag_search_agrees_with_full_tagging(
        words in prop::collection::vec(prop::sample::select(vec![
            "the", "said", "is", "Ryder", "budget", "over", "run", "quickly", "“", ",", ".",
            "she", "would", "not", "wall", "Build", "and", "of", "'s", "42", "Ottawa",
        ]), 0..80),
        wanted in 0usize..17,
    ) {
        let tagger = whosaid::engine::tagger::tagger();
        let mut all = Vec::new();
        tagger.tag(&words, &mut all);
        let is = |t: whosaid::engine::tagger::Upos| t as usize == wanted;
        prop_assert_eq!(tagger.any(&words, is), all.iter().any(|&t| is(t)));
    }
}

/// A paragraph's names read nothing of the paragraph before: a title word ending one
/// paragraph ("… chief") is no role of a name opening the next, so a kept paragraph's
/// names stay right when only the one before it changes.
#[test]
fn a_title_in_the_paragraph_before_is_no_role_for_a_kept_paragraph() {
    let options = Options::default();
    let before = "Floods hit the valley.\n\nThey asked the chief\n\nMalemia said the people must move upland.\n";
    let after = before.replace("the chief\n", "the cook\n");
    let mut memo = Memo::default();
    assert_eq!(
        analyze_with(before, &options, &mut memo),
        analyze(before, &options)
    );
    assert_eq!(
        analyze_with(&after, &options, &mut memo),
        analyze(&after, &options)
    );
    let roles = |text: &str| {
        analyze(text, &options)
            .actors
            .iter()
            .map(|a| (a.name.clone(), a.role.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(roles(before), roles(&after));
}
