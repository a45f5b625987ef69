//! Engine byte spans to LSP ranges and back, always through `crate::positions`.

use std::sync::Arc;

use super::lsp;
use crate::engine::Span;
use crate::positions::{Encoding, LineCol, LineIndex};

/// A text with its line index and the negotiated encoding: what a conversion needs.
#[derive(Debug)]
pub struct Frame {
    pub text: Arc<str>,
    pub index: LineIndex,
    pub encoding: Encoding,
}

fn position(lc: LineCol) -> lsp::Position {
    lsp::Position::new(lc.line, lc.col)
}

impl Frame {
    pub fn position(&self, byte: usize) -> lsp::Position {
        position(self.index.line_col(&self.text, byte, self.encoding))
    }

    pub fn range(&self, span: Span) -> lsp::Range {
        let (start, end) = self
            .index
            .range(&self.text, span.start, span.end, self.encoding);
        lsp::Range::new(position(start), position(end))
    }

    /// The byte offset of a client position (clamped into the text).
    pub fn offset(&self, pos: lsp::Position) -> usize {
        let lc = LineCol {
            line: pos.line,
            col: pos.character,
        };
        self.index.offset(&self.text, lc, self.encoding).0
    }

    /// The zero-based line of a byte offset.
    pub fn line_of(&self, byte: usize) -> u32 {
        self.index.line_col(&self.text, byte, self.encoding).line
    }

    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }
}
