//! What of a document is prose, and where its paragraphs are.
//!
//! Markdown's non-prose parts (code, HTML, link targets, front matter, markup characters) are
//! blanked out with spaces in a copy of the text, so that every later pass works on prose
//! while every offset still points into the original.

use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag, TagEnd};

use super::model::{Format, Span};

pub struct Prose {
    /// The text with non-prose bytes replaced by spaces; same length, same line breaks.
    pub text: String,
    /// Paragraphs in order, trimmed of surrounding white space, never empty.
    pub paragraphs: Vec<Span>,
}

pub fn prose(text: &str, format: Format) -> Prose {
    let mut prose = match format {
        Format::Plain => Prose {
            text: text.to_string(),
            paragraphs: paragraphs(text, &[]),
        },
        Format::Markdown => markdown(text),
    };
    // Page furniture ("READ MORE: …") is no paragraph of the story: read past it.
    let lex = super::lexicon::lexicon();
    prose
        .paragraphs
        .retain(|p| !lex.is_furniture(p.slice(&prose.text)));
    prose
}

fn markdown(text: &str) -> Prose {
    let mut keep = vec![false; text.len()];
    let mut breaks = Vec::new();
    let mut opaque_depth = 0usize; // inside code blocks or front matter
    let options = MdOptions::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | MdOptions::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | MdOptions::ENABLE_TABLES
        | MdOptions::ENABLE_FOOTNOTES
        | MdOptions::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if matches!(tag, Tag::CodeBlock(_) | Tag::MetadataBlock(_)) {
                    opaque_depth += 1;
                }
                if is_block(&tag) {
                    breaks.push(range.start);
                }
            }
            Event::End(end) => {
                if matches!(end, TagEnd::CodeBlock | TagEnd::MetadataBlock(_)) {
                    opaque_depth = opaque_depth.saturating_sub(1);
                }
                if is_block_end(&end) {
                    breaks.push(range.end);
                }
            }
            Event::Text(_) if opaque_depth == 0 => {
                for k in &mut keep[range] {
                    *k = true;
                }
            }
            _ => {}
        }
    }
    let mut bytes = text.as_bytes().to_vec();
    for (b, &k) in bytes.iter_mut().zip(&keep) {
        if !k && *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
    // Whole characters are either kept or blanked, so the bytes stay valid UTF-8.
    let masked = String::from_utf8(bytes).unwrap_or_else(|e| {
        String::from_utf8_lossy(e.as_bytes())
            .chars()
            .map(|c| if c.len_utf8() == 1 { c } else { ' ' })
            .collect()
    });
    let paragraphs = paragraphs(&masked, &breaks);
    Prose {
        text: masked,
        paragraphs,
    }
}

fn is_block(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::Item
            | Tag::TableCell
            | Tag::FootnoteDefinition(_)
            | Tag::MetadataBlock(_)
    )
}

fn is_block_end(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::Item
            | TagEnd::TableCell
            | TagEnd::FootnoteDefinition
            | TagEnd::MetadataBlock(_)
    )
}

/// Paragraphs are separated by blank lines and by `breaks`; a text with no blank line at all
/// (one paragraph a line, as some feeds send it) is split at every line break.
fn paragraphs(text: &str, breaks: &[usize]) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut cuts: Vec<usize> = breaks.to_vec();
    let mut line_starts = vec![0];
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
            line_starts.push(i + 1);
        }
    }
    let mut any_blank = false;
    for w in line_starts.windows(2) {
        if bytes[w[0]..w[1]].iter().all(|b| b.is_ascii_whitespace()) {
            any_blank = true;
            cuts.push(w[0]);
        }
    }
    if !any_blank {
        cuts.extend(line_starts.iter().copied());
    }
    cuts.push(0);
    cuts.push(text.len());
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    for w in cuts.windows(2) {
        let (mut s, mut e) = (w[0], w[1]);
        while s < e && bytes[s].is_ascii_whitespace() {
            s += 1;
        }
        while e > s && bytes[e - 1].is_ascii_whitespace() {
            e -= 1;
        }
        if s < e {
            out.push(Span::new(s, e));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_masks_code_and_links_but_keeps_offsets() {
        let md = "---\ntitle: \"x\"\n---\n\n# Head\n\nSee [the “report”](http://a.b/\"c\") and `\"code\"`.\n\n```\n\"quoted code\"\n```\n";
        let p = prose(md, Format::Markdown);
        assert_eq!(p.text.len(), md.len());
        assert!(!p.text.contains("title"));
        assert!(!p.text.contains("http"));
        assert!(!p.text.contains("code"));
        assert!(p.text.contains("the “report”"));
        let texts: Vec<String> = p
            .paragraphs
            .iter()
            .map(|s| s.slice(&p.text).to_string())
            .collect();
        let link_and_code = format!("See  the “report”{}and{}.", " ".repeat(18), " ".repeat(9));
        assert_eq!(texts, vec!["Head".to_string(), link_and_code]);
    }

    #[test]
    fn markdown_list_items_are_paragraphs() {
        let md = "- one\n- two\n";
        let p = prose(md, Format::Markdown);
        assert_eq!(p.paragraphs.len(), 2);
    }

    #[test]
    fn plain_paragraphs_by_blank_lines_or_lines() {
        let p = prose("a\nb\n\n  \nc", Format::Plain);
        assert_eq!(p.paragraphs, vec![Span::new(0, 3), Span::new(8, 9)]);
        let p = prose("a\nb\r\nc", Format::Plain);
        assert_eq!(p.paragraphs.len(), 3);
    }
}
