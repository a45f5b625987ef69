//! The one place where positions are converted.
//!
//! The engine speaks byte offsets. The language server speaks `(line, character)` where
//! `character` counts UTF-8 bytes, UTF-16 code units or code points, as negotiated with the
//! client. The CLI's JSON speaks code point indices (Python string indices). Lines end at
//! `\n`, `\r\n` or a lone `\r`, as LSP says; U+2028 and friends do not end lines.

use ropey::Rope;

/// How a column is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
    Utf32,
}

impl Encoding {
    /// The LSP name of the encoding (`PositionEncodingKind`).
    pub fn as_lsp_str(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16 => "utf-16",
            Encoding::Utf32 => "utf-32",
        }
    }
    pub fn from_lsp_str(s: &str) -> Option<Encoding> {
        match s {
            "utf-8" => Some(Encoding::Utf8),
            "utf-16" => Some(Encoding::Utf16),
            "utf-32" => Some(Encoding::Utf32),
            _ => None,
        }
    }
    fn units(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf32 => 1,
        }
    }
}

/// A zero-based line and a column counted in some [`Encoding`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Line starts of one text, with the code point count at each line start, and checkpoints
/// inside long lines, so that any conversion costs a binary search plus a walk of at most
/// [`CHECKPOINT_STRIDE`] bytes (a one-line novel must not cost its length per conversion).
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset of each line's first byte.
    line_starts: Vec<usize>,
    /// Code points before each line's first byte.
    chars_before: Vec<usize>,
    /// Char boundaries every [`CHECKPOINT_STRIDE`] bytes or so inside lines, in text order.
    checkpoints: Vec<Checkpoint>,
    len: usize,
}

/// The length of the run of ASCII at the start of `bytes` that holds no line break, read
/// eight bytes at a time (a novel's line index is built on every keystroke).
fn ascii_run(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    // Non-zero exactly when some byte of `x` is zero.
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let mut n = 0;
    for chunk in bytes.chunks_exact(8) {
        let w = u64::from_ne_bytes(chunk.try_into().expect("eight bytes"));
        let stop = (w & HIGH)
            | has_zero(w ^ u64::from_ne_bytes([b'\n'; 8]))
            | has_zero(w ^ u64::from_ne_bytes([b'\r'; 8]));
        if stop != 0 {
            break;
        }
        n += 8;
    }
    n + bytes[n..]
        .iter()
        .position(|&b| !b.is_ascii() || b == b'\n' || b == b'\r')
        .unwrap_or(bytes.len() - n)
}

/// Bytes between checkpoints inside a line.
pub const CHECKPOINT_STRIDE: usize = 256;

/// A char boundary inside a line with the columns before it on its line.
#[derive(Debug, Clone, Copy)]
struct Checkpoint {
    byte: usize,
    utf16: usize,
    chars: usize,
}

impl Checkpoint {
    fn col(&self, line_start: usize, enc: Encoding) -> usize {
        match enc {
            Encoding::Utf8 => self.byte - line_start,
            Encoding::Utf16 => self.utf16,
            Encoding::Utf32 => self.chars,
        }
    }
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        let mut chars_before = vec![0];
        let mut checkpoints = Vec::new();
        let bytes = text.as_bytes();
        let mut chars = 0usize;
        // Columns before byte `i` on its line, and where the last checkpoint (or line) began.
        let (mut line_utf16, mut line_chars, mut last_mark) = (0usize, 0usize, 0usize);
        let mut i = 0;
        while i < bytes.len() {
            // A run of ASCII inside a line: every byte a char and a UTF-16 unit, with a
            // checkpoint every CHECKPOINT_STRIDE bytes, as the byte-by-byte walk below makes.
            let run = ascii_run(&bytes[i..]);
            if run > 0 {
                let end = i + run;
                let mut mark = (last_mark + CHECKPOINT_STRIDE).max(i);
                while mark < end {
                    checkpoints.push(Checkpoint {
                        byte: mark,
                        utf16: line_utf16 + (mark - i),
                        chars: line_chars + (mark - i),
                    });
                    last_mark = mark;
                    mark += CHECKPOINT_STRIDE;
                }
                chars += run;
                line_chars += run;
                line_utf16 += run;
                i = end;
                continue;
            }
            let b = bytes[i];
            if b & 0xC0 != 0x80 {
                if i - last_mark >= CHECKPOINT_STRIDE {
                    checkpoints.push(Checkpoint {
                        byte: i,
                        utf16: line_utf16,
                        chars: line_chars,
                    });
                    last_mark = i;
                }
                chars += 1;
                line_chars += 1;
                line_utf16 += if b >= 0xF0 { 2 } else { 1 };
            }
            let line_end = match b {
                b'\n' => Some(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    chars += 1;
                    i += 1;
                    Some(i + 1)
                }
                b'\r' => Some(i + 1),
                _ => None,
            };
            if let Some(start) = line_end {
                line_starts.push(start);
                chars_before.push(chars);
                (line_utf16, line_chars, last_mark) = (0, 0, start);
            }
            i += 1;
        }
        LineIndex {
            line_starts,
            chars_before,
            checkpoints,
            len: text.len(),
        }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// The last checkpoint in `[start, at]`: where a walk to `at` can begin.
    fn checkpoint_before(&self, start: usize, at: usize) -> Option<&Checkpoint> {
        let after = self.checkpoints.partition_point(|c| c.byte <= at);
        self.checkpoints[..after].last().filter(|c| c.byte >= start)
    }

    /// The byte range of a line's content, without its line ending.
    fn line_content(&self, text: &str, line: usize) -> (usize, usize) {
        let start = self.line_starts[line];
        let mut end = self
            .line_starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.len)
            .min(text.len());
        let bytes = text.as_bytes();
        if end > start && bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        (start, end)
    }

    /// The line and column of a byte offset. An offset past the end is clamped to the end,
    /// and one inside a character counts as the start of that character.
    pub fn line_col(&self, text: &str, offset: usize, enc: Encoding) -> LineCol {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        let (from, before) = self
            .checkpoint_before(start, offset)
            .map_or((start, 0), |c| (c.byte, c.col(start, enc)));
        let col: usize = before
            + text[from..offset]
                .chars()
                .map(|c| enc.units(c))
                .sum::<usize>();
        LineCol {
            line: line as u32,
            col: col as u32,
        }
    }

    /// The byte offset of a line and column. A line past the end gives the end of the text;
    /// a column past the line's end gives the line's end; a column inside a character (the
    /// second half of a surrogate pair, the middle of a UTF-8 sequence) gives its start.
    /// The bool is false when anything had to be clamped.
    pub fn offset(&self, text: &str, pos: LineCol, enc: Encoding) -> (usize, bool) {
        let line = pos.line as usize;
        if line >= self.line_starts.len() {
            return (text.len(), false);
        }
        let (start, end) = self.line_content(text, line);
        // Walk from the last checkpoint of the line at or before the column.
        let first = self.checkpoints.partition_point(|c| c.byte < start);
        let last = self.checkpoints.partition_point(|c| c.byte < end);
        let line_marks = &self.checkpoints[first..last.max(first)];
        let reached = line_marks.partition_point(|c| c.col(start, enc) <= pos.col as usize);
        let (from, units) = match reached.checked_sub(1) {
            Some(k) => (line_marks[k].byte, line_marks[k].col(start, enc)),
            None => (start, 0),
        };
        let rest = pos.col - units as u32;
        let (bytes, exact) = walk_to_column(text[from..end].chars(), rest, enc, char::len_utf8);
        (from + bytes, exact)
    }

    /// The start and end of a byte range as lines and columns (see [`LineIndex::line_col`]).
    pub fn range(&self, text: &str, start: usize, end: usize, enc: Encoding) -> (LineCol, LineCol) {
        (
            self.line_col(text, start, enc),
            self.line_col(text, end, enc),
        )
    }

    /// The code point index of a byte offset (what Python and JSON consumers index by).
    pub fn char_index(&self, text: &str, offset: usize) -> usize {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        let (from, before) = self
            .checkpoint_before(start, offset)
            .map_or((start, 0), |c| (c.byte, c.chars));
        self.chars_before[line] + before + text[from..offset].chars().count()
    }
}

/// The largest char boundary at or below `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    if offset >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The rope's char index of an LSP position, clamped like [`LineIndex::offset`].
/// The bool is false when anything had to be clamped.
pub fn rope_char_index(rope: &Rope, pos: LineCol, enc: Encoding) -> (usize, bool) {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return (rope.len_chars(), false);
    }
    let line_start = rope.line_to_char(line);
    let slice = rope.line(line);
    // The line's content without its line ending.
    let mut content_chars = slice.len_chars();
    while content_chars > 0 {
        let c = slice.char(content_chars - 1);
        if c == '\n' || c == '\r' {
            content_chars -= 1;
        } else {
            break;
        }
    }
    let (chars, exact) = walk_to_column(slice.chars().take(content_chars), pos.col, enc, |_| 1);
    (line_start + chars, exact)
}

/// Walk a line's characters to column `col` (counted in `enc`): how far in (each char
/// weighing `measure`) the first character at or past the column starts, and whether the
/// column fell exactly on it. A column inside a character or past the line's end clamps.
fn walk_to_column(
    chars: impl Iterator<Item = char>,
    col: u32,
    enc: Encoding,
    measure: impl Fn(char) -> usize,
) -> (usize, bool) {
    let col = col as usize;
    let (mut units, mut offset) = (0usize, 0usize);
    for c in chars {
        if units == col {
            return (offset, true);
        }
        let next = units + enc.units(c);
        if next > col {
            return (offset, false);
        }
        units = next;
        offset += measure(c);
    }
    (offset, units == col)
}

/// The byte offset of a rope's char index (for the end of an edit in the new text).
pub fn rope_byte_offset(rope: &Rope, char_idx: usize) -> usize {
    rope.char_to_byte(char_idx.min(rope.len_chars()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ascii_run_stops_at_the_first_break_or_non_ascii_byte() {
        let plain = |b: &[u8]| {
            b.iter()
                .position(|&c| !c.is_ascii() || c == b'\n' || c == b'\r')
                .unwrap_or(b.len())
        };
        let cases: [&[u8]; 7] = [
            b"",
            b"abc",
            b"0123456789abcdef\nxyz",
            b"01234567\r89",
            "abcdefghé".as_bytes(),
            b"abcdefgh\x7f\x00ijklmnop",
            b"a\nb",
        ];
        for case in cases {
            for start in 0..case.len() {
                assert_eq!(
                    ascii_run(&case[start..]),
                    plain(&case[start..]),
                    "{case:?} from {start}"
                );
            }
        }
    }

    fn lc(line: u32, col: u32) -> LineCol {
        LineCol { line, col }
    }

    #[test]
    fn utf16_counts_surrogate_pairs() {
        let text = "a😀b\nc";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 5, Encoding::Utf16), lc(0, 3));
        assert_eq!(idx.line_col(text, 5, Encoding::Utf8), lc(0, 5));
        assert_eq!(idx.line_col(text, 5, Encoding::Utf32), lc(0, 2));
        assert_eq!(idx.offset(text, lc(0, 3), Encoding::Utf16), (5, true));
        // Inside the surrogate pair: snaps to the emoji's start and says so.
        assert_eq!(idx.offset(text, lc(0, 2), Encoding::Utf16), (1, false));
        assert_eq!(idx.offset(text, lc(1, 0), Encoding::Utf16), (7, true));
    }

    #[test]
    fn crlf_and_lone_cr_end_lines_but_u2028_does_not() {
        let text = "ab\r\ncd\ref\u{2028}gh";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 3);
        assert_eq!(idx.line_col(text, 4, Encoding::Utf16), lc(1, 0));
        assert_eq!(idx.line_col(text, 7, Encoding::Utf16), lc(2, 0));
        // A column past a CRLF line's end clamps before the CR.
        assert_eq!(idx.offset(text, lc(0, 9), Encoding::Utf16), (2, false));
        // Line 2 is "ef\u{2028}gh" from byte 7: U+2028 is one UTF-16 unit but three bytes,
        // so column 3 (just after it) is byte 12, and column 2 is byte 9.
        assert_eq!(idx.offset(text, lc(2, 2), Encoding::Utf16), (9, true));
        assert_eq!(idx.offset(text, lc(2, 3), Encoding::Utf16), (12, true));
        // Python indices: "ab\r\ncd\r" is seven code points.
        assert_eq!(idx.char_index(text, 7), 7);
    }

    #[test]
    fn cjk_and_combining_marks() {
        let text = "漢字e\u{301}x";
        let idx = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(idx.line_col(text, x, Encoding::Utf16), lc(0, 4));
        assert_eq!(idx.line_col(text, x, Encoding::Utf8), lc(0, 9));
        assert_eq!(idx.char_index(text, x), 4);
        assert_eq!(idx.offset(text, lc(0, 4), Encoding::Utf32), (x, true));
    }

    #[test]
    fn rope_positions_match_line_index() {
        let text = "one 😀\r\ntwo\rthree\u{2028}four";
        let rope = Rope::from_str(text);
        let idx = LineIndex::new(text);
        for line in 0..4 {
            for col in 0..12 {
                for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
                    let (byte, ok1) = idx.offset(text, lc(line, col), enc);
                    let (ch, ok2) = rope_char_index(&rope, lc(line, col), enc);
                    assert_eq!(rope.char_to_byte(ch), byte, "{line}:{col} {enc:?}");
                    assert_eq!(ok1, ok2, "{line}:{col} {enc:?}");
                }
            }
        }
    }

    #[test]
    fn past_the_end_clamps() {
        let text = "abc";
        let idx = LineIndex::new(text);
        assert_eq!(idx.offset(text, lc(9, 0), Encoding::Utf16), (3, false));
        assert_eq!(idx.line_col(text, 99, Encoding::Utf16), lc(0, 3));
    }
}
