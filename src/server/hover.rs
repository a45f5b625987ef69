//! Hover text for quotes (who said it, how we know) and for mentions of actors.

use super::analysis::Analyzed;
use super::lsp;
use crate::engine::{ActorId, Analysis, Quote, QuoteKind, Span};

/// Markdown or plain text, as the client takes it.
struct Writer {
    markdown: bool,
    lines: Vec<String>,
}

impl Writer {
    fn strong(&self, s: &str) -> String {
        if self.markdown {
            format!("**{}**", escape(s))
        } else {
            s.to_owned()
        }
    }
    fn plain(&self, s: &str) -> String {
        if self.markdown {
            escape(s)
        } else {
            s.to_owned()
        }
    }
    fn push(&mut self, line: String) {
        self.lines.push(line);
    }
    fn finish(self, range: lsp::Range) -> lsp::Hover {
        // Two spaces before a newline: a Markdown line break.
        let sep = if self.markdown { "  \n" } else { "\n" };
        let kind = if self.markdown {
            lsp::MarkupKind::Markdown
        } else {
            lsp::MarkupKind::PlainText
        };
        lsp::Hover {
            contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                kind,
                value: self.lines.join(sep),
            }),
            range: Some(range),
        }
    }
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// One-based paragraph number of a byte offset (paragraphs are separated by blank lines).
pub fn paragraph_number(text: &str, offset: usize) -> usize {
    let mut number = 0;
    let mut in_paragraph = false;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if line_start > offset {
            break;
        }
        let blank = line.trim().is_empty();
        if !blank && !in_paragraph {
            number += 1;
        }
        in_paragraph = !blank;
        line_start += line.len();
    }
    number.max(1)
}

/// The one-based position of quote `index` among its speaker's quotes, and their count.
fn rank_among(analysis: &Analysis, actor: ActorId, index: usize) -> (usize, usize) {
    let mut rank = 0;
    let mut total = 0;
    for (i, _) in analysis.quotes_of(actor) {
        total += 1;
        if i == index {
            rank = total;
        }
    }
    (rank, total)
}

fn quote_hover(doc: &Analyzed, index: usize, quote: &Quote, w: &mut Writer) {
    let (analysis, text) = (&doc.analysis, &doc.frame.text);
    let Some(actor) = quote
        .speaker
        .and_then(|a| analysis.actors.get(a).map(|x| (a, x)))
    else {
        if let Some(mention) = quote.mention {
            w.push(w.strong(if quote.kind == QuoteKind::Indirect {
                "Reported speech"
            } else {
                "Speaker unresolved"
            }));
            w.push(w.plain(&format!(
                "The source “{}” could not be resolved to a person.",
                mention.slice(text)
            )));
            return;
        }
        let names: Vec<&str> = quote
            .candidates
            .iter()
            .filter_map(|&c| analysis.actors.get(c).map(|a| a.name.as_str()))
            .collect();
        if !names.is_empty() {
            w.push(w.strong("Speaker unsure"));
            w.push(w.plain(&format!(
                "Quote {} of the document has no cue of its own; it may be {}.",
                index + 1,
                or_list(&names)
            )));
            return;
        }
        w.push(w.strong("Unattributed quote"));
        w.push(w.plain(&format!(
            "Quote {} of the document: no speaker found.",
            index + 1
        )));
        return;
    };
    let (id, actor) = actor;
    let mut head = w.strong(&actor.name);
    match &actor.role {
        Some(role) => head.push_str(&w.plain(&format!(" — {role}"))),
        None => head.push_str(&w.plain(&format!(" ({})", actor.kind.as_str()))),
    }
    w.push(head);
    match quote.kind {
        QuoteKind::Indirect => w.push(w.plain("Reported speech (not a quotation)")),
        QuoteKind::Mixed => w.push(w.plain("Reported speech with quoted words")),
        QuoteKind::Direct | QuoteKind::Term => {}
    }
    if let Some(cue) = &quote.cue {
        w.push(w.plain(&format!("Cue: “{}”", cue.text)));
    }
    let mut how = format!("Attributed by {}", quote.method.describe());
    if let Some(mention) = quote.mention {
        let said = Span::slice(&mention, text);
        how.push_str(&format!(
            ": “{said}” in paragraph {} → {}",
            paragraph_number(text, mention.start),
            actor.name
        ));
    }
    w.push(w.plain(&how));
    let (rank, total) = rank_among(analysis, id, index);
    w.push(w.plain(&format!("Quote {rank} of {total} by {}", actor.name)));
}

fn actor_hover(doc: &Analyzed, id: ActorId, w: &mut Writer) {
    let analysis = &doc.analysis;
    let Some(actor) = analysis.actors.get(id) else {
        return;
    };
    w.push(format!(
        "{}{}",
        w.strong(&actor.name),
        w.plain(&format!(" ({})", actor.kind.as_str()))
    ));
    if let Some(role) = &actor.role {
        w.push(w.plain(&format!("Role: {role}")));
    }
    if !actor.aliases.is_empty() {
        w.push(w.plain(&format!("Also: {}", actor.aliases.join(", "))));
    }
    let quotes = analysis.quotes_of(id).count();
    let noun = if quotes == 1 { "quote" } else { "quotes" };
    w.push(w.plain(&format!(
        "{quotes} {noun}, {} mentions",
        actor.mentions.len()
    )));
}

pub fn hover(doc: &Analyzed, pos: lsp::Position, markdown: bool) -> Option<lsp::Hover> {
    let offset = doc.frame.offset(pos);
    let analysis = &doc.analysis;
    let mut w = Writer {
        markdown,
        lines: Vec::new(),
    };
    // A mention is the more specific target, even inside a quote.
    let mention = analysis.actors.iter().enumerate().find_map(|(id, a)| {
        a.mentions
            .iter()
            .find(|m| m.span.contains(offset))
            .map(|m| (id, m.span))
    });
    if let Some((id, span)) = mention {
        actor_hover(doc, id, &mut w);
        return Some(w.finish(doc.frame.range(span)));
    }
    let (index, quote) = analysis.quote_at(offset)?;
    quote_hover(doc, index, quote, &mut w);
    Some(w.finish(doc.frame.range(quote.span)))
}

/// "A", "A or B", "A, B or C".
fn or_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_count_blank_line_groups() {
        let text = "one\n\ntwo\nstill two\n\n\nthree";
        assert_eq!(paragraph_number(text, 0), 1);
        assert_eq!(paragraph_number(text, text.find("still").unwrap()), 2);
        assert_eq!(paragraph_number(text, text.find("three").unwrap()), 3);
    }
}
