//! The checks behind the fuzz targets, shared with `tests/fuzz_regressions.rs` (which
//! includes this file by path), so a crash input replays the very same checks in the test
//! suite. Each check takes the raw fuzz input and returns a description of the first broken
//! invariant; panics inside whosaid surface as panics.

use whosaid::engine::{analyze_with, Analysis, Format, Memo, Mode, Options, Span};
use whosaid::positions::Encoding;
use whosaid::server::testing::{
    apply_change, attribution_edit, ignore_marker_edit, judge, lsp, read_frames, Rope, Verdict,
};

/// Run the check for fuzz target `target` on one input.
pub fn check_input(target: &str, data: &[u8]) -> Result<(), String> {
    match target {
        "engine_spans" => check_engine_input(data),
        "lsp_edits" => check_edits_input(data),
        "jsonrpc_frames" => check_frames_input(data),
        _ => Err(format!("unknown fuzz target {target}")),
    }
}

// ---------------------------------------------------------------------------------------
// Engine spans

/// The first byte chooses the options, the rest is the text (invalid UTF-8 replaced).
pub fn decode_engine_input(data: &[u8]) -> (String, Options) {
    let (flags, rest) = data.split_first().map_or((0, data), |(f, r)| (*f, r));
    let options = Options {
        format: if flags & 1 == 1 {
            Format::Markdown
        } else {
            Format::Plain
        },
        mode: match (flags >> 1) & 3 {
            1 => Mode::News,
            2 => Mode::Fiction,
            _ => Mode::Auto,
        },
        apostrophe_pairs: flags & 8 != 0,
        min_quote_words: usize::from(flags >> 4),
        ..Options::default()
    };
    (String::from_utf8_lossy(rest).into_owned(), options)
}

pub fn check_engine_input(data: &[u8]) -> Result<(), String> {
    let (text, options) = decode_engine_input(data);
    let analysis = whosaid::analyze(&text, &options);
    check_analysis(&text, &analysis)?;
    check_action_edits(&text, &analysis)
}

fn check_span(text: &str, span: Span, what: &str) -> Result<(), String> {
    let ok = span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end);
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{what} {span:?} is not a char-aligned range of the {}-byte text",
            text.len()
        ))
    }
}

fn check_inside(inner: Span, outer: Span, what: &str) -> Result<(), String> {
    if outer.start <= inner.start && inner.end <= outer.end {
        Ok(())
    } else {
        Err(format!("{what} {inner:?} lies outside {outer:?}"))
    }
}

/// Every span on char boundaries inside the text, nesting and order as `model.rs` documents.
pub fn check_analysis(text: &str, analysis: &Analysis) -> Result<(), String> {
    if analysis.mode == Mode::Auto {
        return Err("the analysis mode is still auto".into());
    }
    let mut previous_end = 0;
    for (i, q) in analysis.quotes.iter().enumerate() {
        check_span(text, q.span, &format!("quote {i} span"))?;
        check_span(text, q.content, &format!("quote {i} content"))?;
        check_inside(q.content, q.span, &format!("quote {i} content"))?;
        if q.span.start < previous_end {
            return Err(format!(
                "quote {i} {:?} starts before the previous quote ends at {previous_end}",
                q.span
            ));
        }
        previous_end = q.span.end;
        if q.parts.is_empty() {
            return Err(format!("quote {i} has no parts"));
        }
        let mut part_end = q.span.start;
        for (j, p) in q.parts.iter().enumerate() {
            check_span(text, *p, &format!("quote {i} part {j}"))?;
            check_inside(*p, q.span, &format!("quote {i} part {j}"))?;
            if p.start < part_end {
                return Err(format!("quote {i} part {j} {p:?} overlaps the part before"));
            }
            part_end = p.end;
        }
        if let Some(m) = q.mention {
            check_span(text, m, &format!("quote {i} mention"))?;
        }
        if let Some(cue) = &q.cue {
            check_span(text, cue.span, &format!("quote {i} cue"))?;
        }
        if let Some(s) = q.speaker {
            if s >= analysis.actors.len() {
                return Err(format!("quote {i} speaker {s} is not an actor"));
            }
        }
    }
    for (a, actor) in analysis.actors.iter().enumerate() {
        let mut previous = 0;
        for m in &actor.mentions {
            check_span(text, m.span, &format!("actor {a} ({}) mention", actor.name))?;
            if m.span.start < previous {
                return Err(format!("actor {a} mentions are not in text order"));
            }
            previous = m.span.start;
        }
    }
    let mut previous = 0;
    for (i, f) in analysis.findings.iter().enumerate() {
        check_span(text, f.span, &format!("finding {i} ({})", f.code))?;
        if f.span.start < previous {
            return Err(format!("finding {i} ({}) is out of text order", f.code));
        }
        previous = f.span.start;
        if let Some(q) = f.quote {
            if q >= analysis.quotes.len() {
                return Err(format!("finding {i} names quote {q}, which does not exist"));
            }
        }
    }
    Ok(())
}

/// The code actions' edits must replace a char-aligned range, or applying them corrupts text.
fn check_action_edits(text: &str, analysis: &Analysis) -> Result<(), String> {
    for (i, q) in analysis.quotes.iter().enumerate() {
        let edits = [
            ("attribution edit", attribution_edit(text, q, "Ryder")),
            ("ignore marker edit", ignore_marker_edit(text, q)),
        ];
        for (what, (span, _)) in edits {
            check_span(text, span, &format!("quote {i} {what}"))?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// LSP edits

/// Characters that make positions interesting: multi-unit in UTF-16 and UTF-8, combining,
/// every line ending, a separator that is not a line ending, quotation marks.
pub const PALETTE: [&str; 16] = [
    "a",
    " ",
    "\n",
    "\r",
    "\r\n",
    "😀",
    "é",
    "e\u{301}",
    "漢",
    "“",
    "”",
    "\"",
    "\u{2028}",
    "\0",
    "Ryder said",
    "\u{5d0}",
];

/// One LSP content change, positions as (line, character).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub range: Option<((u32, u32), (u32, u32))>,
    pub text: String,
}

fn decode_line(b: u8) -> u32 {
    match b {
        0..=239 => u32::from(b % 6),
        _ => u32::MAX - u32::from(b - 240),
    }
}

fn decode_col(b: u8) -> u32 {
    match b {
        0..=239 => u32::from(b % 14),
        _ => u32::MAX - u32::from(b - 240) * 1000,
    }
}

/// The first byte chooses the encoding; then each edit is a kind byte (every eighth kind is a
/// full replacement), four position bytes for a ranged edit, a length and that many palette
/// indices. Decoding stops where the input does.
pub fn decode_edits(data: &[u8]) -> (Encoding, Vec<Edit>) {
    let mut bytes = data.iter().copied();
    let encoding = match bytes.next().unwrap_or(0) % 3 {
        0 => Encoding::Utf8,
        1 => Encoding::Utf16,
        _ => Encoding::Utf32,
    };
    let mut edits = Vec::new();
    while edits.len() < 64 {
        let Some(kind) = bytes.next() else { break };
        let range = if kind % 8 == 0 {
            None
        } else {
            let mut next = || bytes.next().unwrap_or(0);
            let start = (decode_line(next()), decode_col(next()));
            let end = (decode_line(next()), decode_col(next()));
            Some((start, end))
        };
        let len = bytes.next().unwrap_or(0) % 16;
        let text = (0..len)
            .map_while(|_| bytes.next())
            .map(|b| PALETTE[usize::from(b) % PALETTE.len()])
            .collect();
        edits.push(Edit { range, text });
    }
    (encoding, edits)
}

fn units(c: char, encoding: Encoding) -> usize {
    match encoding {
        Encoding::Utf8 => c.len_utf8(),
        Encoding::Utf16 => c.len_utf16(),
        Encoding::Utf32 => 1,
    }
}

/// The content (without line ending) of each line, as byte ranges: LSP's lines end at
/// `\n`, `\r\n` or a lone `\r`.
fn reference_lines(text: &str) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut rest = text;
    while let Some(at) = rest.find(['\n', '\r']) {
        let ending = if rest[at..].starts_with("\r\n") { 2 } else { 1 };
        lines.push((start, start + at));
        start += at + ending;
        rest = &text[start..];
    }
    lines.push((start, text.len()));
    lines
}

/// The byte offset of a position, and whether it was exact. A line past the end is the end of
/// the text; a column past the line's end is the line's end; a column inside a character is
/// that character's start.
pub fn reference_offset(text: &str, (line, col): (u32, u32), enc: Encoding) -> (usize, bool) {
    let lines = reference_lines(text);
    let Some(&(start, end)) = lines.get(line as usize) else {
        return (text.len(), false);
    };
    // Every char boundary of the line with the units before it.
    let mut boundaries = vec![(0usize, start)];
    let mut counted = 0;
    for (i, c) in text[start..end].char_indices() {
        counted += units(c, enc);
        boundaries.push((counted, start + i + c.len_utf8()));
    }
    let col = col as usize;
    if let Some(&(_, byte)) = boundaries.iter().find(|(u, _)| *u == col) {
        return (byte, true);
    }
    let (_, byte) = boundaries
        .iter()
        .rev()
        .find(|(u, _)| *u < col)
        .copied()
        .unwrap_or((0, start));
    (byte, false)
}

/// Apply an edit to a plain string: `(clamped, byte offset after the inserted text)`.
pub fn reference_apply(text: &mut String, edit: &Edit, enc: Encoding) -> (bool, usize) {
    let Some((start, end)) = edit.range else {
        *text = edit.text.clone();
        return (false, usize::MAX); // where a full replacement "ends" is checked apart
    };
    let (a, a_exact) = reference_offset(text, start, enc);
    let (b, b_exact) = reference_offset(text, end, enc);
    let (from, to) = (a.min(b), a.max(b));
    text.replace_range(from..to, &edit.text);
    (!(a_exact && b_exact) || a > b, from + edit.text.len())
}

fn lsp_change(edit: &Edit) -> lsp::TextDocumentContentChangeEvent {
    let position = |(line, character): (u32, u32)| lsp::Position { line, character };
    lsp::TextDocumentContentChangeEvent {
        range: edit
            .range
            .map(|(s, e)| lsp::Range::new(position(s), position(e))),
        range_length: None,
        text: edit.text.clone(),
    }
}

/// Apply edits through the server's `apply_change` and to a reference string: the texts,
/// the clamping verdicts and the edit ends must agree after every edit, and each version's
/// analysis through the document's memo must equal a from-scratch analysis.
pub fn check_edits(encoding: Encoding, edits: &[Edit]) -> Result<(), String> {
    let mut rope = Rope::new();
    let mut reference = String::new();
    let mut memo = Memo::default();
    for (i, edit) in edits.iter().enumerate() {
        let outcome = apply_change(&mut rope, &lsp_change(edit), encoding);
        let (clamped, end) = reference_apply(&mut reference, edit, encoding);
        let text = rope.to_string();
        if text != reference {
            return Err(format!(
                "edit {i} {edit:?} ({encoding:?}): rope {text:?} but reference {reference:?}"
            ));
        }
        if edit.range.is_some() && (outcome.clamped, outcome.end) != (clamped, end) {
            return Err(format!(
                "edit {i} {edit:?} ({encoding:?}): outcome {outcome:?} but reference \
                 clamped {clamped}, end {end}"
            ));
        }
        if outcome.end > text.len() || !text.is_char_boundary(outcome.end) {
            return Err(format!(
                "edit {i}: end {} is not a char boundary",
                outcome.end
            ));
        }
        if rope.len_lines() != reference_lines(&reference).len() {
            return Err(format!(
                "edit {i}: the rope has {} lines, the reference {}",
                rope.len_lines(),
                reference_lines(&reference).len()
            ));
        }
        let options = Options::default();
        if analyze_with(&text, &options, &mut memo) != whosaid::analyze(&text, &options) {
            return Err(format!(
                "edit {i}: the analysis with the memo differs from a fresh one on {text:?}"
            ));
        }
    }
    Ok(())
}

pub fn check_edits_input(data: &[u8]) -> Result<(), String> {
    let (encoding, edits) = decode_edits(data);
    check_edits(encoding, &edits)
}

// ---------------------------------------------------------------------------------------
// JSON-RPC frames

/// Larger frames are refused by the reader (`MAX_FRAME` in `transport.rs`).
const MAX_FRAME: usize = 64 << 20;

fn contains_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

/// The first byte chooses a mode: 0 reads the rest as a raw stream and judges every frame;
/// 1 splits the rest at 0xFF into bodies, frames them, and expects them back exactly;
/// 2 does the same behind a first piece of junk (which must not hold a header).
pub fn check_frames_input(data: &[u8]) -> Result<(), String> {
    let (mode, rest) = data.split_first().map_or((0, data), |(m, r)| (*m, r));
    match mode % 3 {
        0 => {
            for (i, frame) in read_frames(rest).iter().enumerate() {
                if frame.len() > MAX_FRAME {
                    return Err(format!("frame {i} has {} bytes", frame.len()));
                }
                check_verdict(frame).map_err(|e| format!("frame {i}: {e}"))?;
            }
            Ok(())
        }
        m => {
            let mut pieces: Vec<&[u8]> = rest.split(|&b| b == 0xFF).collect();
            let junk: &[u8] = if m == 2 { pieces.remove(0) } else { b"" };
            if contains_ignore_case(junk, b"content-length:") {
                return Ok(());
            }
            let mut stream = junk.to_vec();
            for body in &pieces {
                stream.extend_from_slice(&whosaid::server::testing::encode_frame(body));
            }
            let frames = read_frames(&stream);
            if frames != pieces {
                return Err(format!(
                    "framed {pieces:?} behind junk {junk:?} but read back {frames:?}"
                ));
            }
            frames.iter().try_for_each(|f| check_verdict(f))
        }
    }
}

/// A forwarded frame is JSON; a rejected one is answered by a JSON-RPC error of the right kind.
fn check_verdict(frame: &[u8]) -> Result<(), String> {
    match judge(frame) {
        Verdict::Forward => serde_json::from_slice::<serde_json::Value>(frame)
            .map(drop)
            .map_err(|e| format!("forwarded a frame that is not JSON: {e}")),
        Verdict::Reject(reply) => {
            let reply: serde_json::Value = serde_json::from_slice(&reply)
                .map_err(|e| format!("the error reply is not JSON: {e}"))?;
            let code = reply["error"]["code"].as_i64();
            let json_ok = serde_json::from_slice::<serde_json::Value>(frame).is_ok();
            let expected = if json_ok { -32600 } else { -32700 };
            let id = &reply["id"];
            if reply["jsonrpc"] != "2.0" || code != Some(expected) {
                return Err(format!(
                    "reply {reply} to {frame:?}, expected code {expected}"
                ));
            }
            if !(id.is_null() || id.is_number() || id.is_string()) {
                return Err(format!("reply {reply} has a bad id"));
            }
            Ok(())
        }
    }
}
