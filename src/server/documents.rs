//! Open documents: a rope per document, its version, and edits applied in arrival order.

use std::sync::Arc;

use ropey::Rope;
use tokio::sync::watch;

use super::analysis::{Analyzed, JobMessage};
use super::lsp;
use crate::engine::Format;
use crate::positions::{rope_byte_offset, rope_char_index, Encoding, LineCol};

pub struct Document {
    pub uri: lsp::Uri,
    pub language_id: String,
    pub format: Format,
    pub rope: Rope,
    pub version: i32,
    /// Bumped on every change of text or settings; results carry the generation they saw.
    pub generation: u64,
    /// Byte offset just after the last edit, in the current text (the cursor, roughly).
    pub last_edit: Option<usize>,
    pub jobs: watch::Sender<JobMessage>,
    pub results: watch::Receiver<Option<Arc<Analyzed>>>,
}

const MARKDOWN_EXTENSIONS: &[&str] = &[".md", ".markdown", ".mdown", ".mkd"];
const TEXT_EXTENSIONS: &[&str] = &[".txt", ".text"];

/// The URI's path in lower case, without query or fragment.
fn lower_path(uri: &str) -> String {
    uri.split(['?', '#'])
        .next()
        .unwrap_or(uri)
        .to_ascii_lowercase()
}

/// Markdown for the `markdown` (or `gfm`) language or a Markdown file name; plain text otherwise.
pub fn format_of(language_id: &str, uri: &str) -> Format {
    let path = lower_path(uri);
    let markdown_ext = MARKDOWN_EXTENSIONS.iter().any(|e| path.ends_with(e));
    if matches!(language_id, "markdown" | "gfm") || markdown_ext {
        Format::Markdown
    } else {
        Format::Plain
    }
}

/// A file name that says prose (`.txt`, `.md`, …): analysed whatever language id it came with.
pub fn prose_file(uri: &str) -> bool {
    let path = lower_path(uri);
    MARKDOWN_EXTENSIONS
        .iter()
        .chain(TEXT_EXTENSIONS)
        .any(|e| path.ends_with(e))
}

/// What applying one content change did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EditOutcome {
    /// The range lay (partly) outside the document, or inside a character, and was clamped.
    pub clamped: bool,
    /// Byte offset just after the inserted text.
    pub end: usize,
}

fn line_col(p: lsp::Position) -> LineCol {
    LineCol {
        line: p.line,
        col: p.character,
    }
}

/// Apply one change (ranged, or the whole text when `range` is absent) to the rope.
pub fn apply_change(
    rope: &mut Rope,
    change: &lsp::TextDocumentContentChangeEvent,
    enc: Encoding,
) -> EditOutcome {
    let Some(range) = change.range else {
        let end = replace_all(rope, &change.text);
        return EditOutcome {
            clamped: false,
            end,
        };
    };
    let (a, a_exact) = rope_char_index(rope, line_col(range.start), enc);
    let (b, b_exact) = rope_char_index(rope, line_col(range.end), enc);
    let (start, end) = if a <= b { (a, b) } else { (b, a) };
    rope.remove(start..end);
    rope.insert(start, &change.text);
    let inserted_end = start + change.text.chars().count();
    EditOutcome {
        clamped: !(a_exact && b_exact) || a > b,
        end: rope_byte_offset(rope, inserted_end),
    }
}

/// Replace the whole text; the edit position is where old and new first differ from the end.
fn replace_all(rope: &mut Rope, new_text: &str) -> usize {
    let old = rope.to_string();
    let (old_b, new_b) = (old.as_bytes(), new_text.as_bytes());
    let prefix = old_b.iter().zip(new_b).take_while(|(a, b)| a == b).count();
    let max_suffix = old_b.len().min(new_b.len()) - prefix;
    let suffix = old_b
        .iter()
        .rev()
        .zip(new_b.iter().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    *rope = Rope::from_str(new_text);
    crate::positions::floor_char_boundary(new_text, new_b.len() - suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(
        l1: u32,
        c1: u32,
        l2: u32,
        c2: u32,
        text: &str,
    ) -> lsp::TextDocumentContentChangeEvent {
        lsp::TextDocumentContentChangeEvent {
            range: Some(lsp::Range::new(
                lsp::Position::new(l1, c1),
                lsp::Position::new(l2, c2),
            )),
            range_length: None,
            text: text.into(),
        }
    }

    #[test]
    fn utf16_edit_after_an_emoji_and_clamped_edit() {
        let mut rope = Rope::from_str("a😀b\nc");
        let out = apply_change(&mut rope, &change(0, 3, 0, 4, "X"), Encoding::Utf16);
        assert_eq!(rope.to_string(), "a😀X\nc");
        assert_eq!(
            out,
            EditOutcome {
                clamped: false,
                end: 6
            }
        );
        let out = apply_change(&mut rope, &change(7, 0, 9, 9, "!"), Encoding::Utf16);
        assert_eq!(rope.to_string(), "a😀X\nc!");
        assert!(out.clamped);
    }

    #[test]
    fn full_replacement_finds_the_edit() {
        let mut rope = Rope::from_str("hello world");
        let end = replace_all(&mut rope, "hello, world");
        assert_eq!(rope.to_string(), "hello, world");
        assert_eq!(end, 6);
    }

    #[test]
    fn markdown_by_language_or_extension() {
        assert_eq!(format_of("markdown", "file:///a.txt"), Format::Markdown);
        assert_eq!(format_of("plaintext", "file:///a.MD"), Format::Markdown);
        assert_eq!(format_of("plaintext", "file:///a.txt"), Format::Plain);
    }
}
