//! Code actions on unattributed quotes, the ignore command, and speaker inlay hints.

use std::collections::HashMap;

use serde_json::json;

use super::analysis::Analyzed;
use super::convert::Frame;
use super::lsp;
use crate::engine::{Actor, ActorId, ActorKind, Analysis, FindingCode, Format, Quote, Span};

pub const IGNORE_COMMAND: &str = "whosaid.ignoreQuote";
const IGNORE_MARKER: &str = "<!-- whosaid: ignore -->";

/// The speaker to suggest for a quote, and how to name them in a cue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub actor: ActorId,
    pub label: String,
}

/// How a cue names an actor: a person by the last word of their name ("Ryder").
pub fn cue_label(actor: &Actor) -> String {
    match actor.kind {
        ActorKind::Person => actor
            .name
            .split_whitespace()
            .last()
            .unwrap_or(&actor.name)
            .to_owned(),
        _ => actor.name.clone(),
    }
}

/// The speaker of the nearest attributed quote before `quote`.
pub fn nearby_speaker(analysis: &Analysis, quote: usize) -> Option<Speaker> {
    let actor = analysis
        .quotes
        .get(..quote)?
        .iter()
        .rev()
        .find_map(|q| q.speaker)?;
    let label = cue_label(analysis.actors.get(actor)?);
    Some(Speaker { actor, label })
}

/// The edit that adds `, Ryder said` after a quote in house style:
/// `“It works.”` becomes `“It works,” Ryder said.`
pub fn attribution_edit(text: &str, quote: &Quote, label: &str) -> (Span, String) {
    let closing = Span::new(quote.content.end, quote.span.end).slice(text);
    let last = quote.content.slice(text).chars().last();
    // Stops at the first non-blank character: on a one-line novel, splitting off the rest of
    // the line would walk the whole text for every quote.
    let ends_sentence = text[quote.span.end.min(text.len())..]
        .chars()
        .take_while(|c| !matches!(c, '\n' | '\r'))
        .all(char::is_whitespace);
    let at_end = Span::new(quote.span.end, quote.span.end);
    match last {
        Some('.') => (
            Span::new(quote.content.end - 1, quote.span.end),
            format!(",{closing} {label} said."),
        ),
        Some('?' | '!') => (at_end, format!(" {label} said.")),
        Some(',') => (at_end, format!(" {label} said")),
        _ => (
            at_end,
            format!(", {label} said{}", if ends_sentence { "." } else { "" }),
        ),
    }
}

/// The edit that marks a Markdown quote as intentionally unattributed: an inline marker, or a
/// marker line when the quote starts its line (an HTML comment opening a line would turn it
/// into an HTML block and hide the quote).
pub fn ignore_marker_edit(text: &str, quote: &Quote) -> (Span, String) {
    let at = Span::new(quote.span.start, quote.span.start);
    let starts_line =
        quote.span.start == 0 || matches!(text.as_bytes()[quote.span.start - 1], b'\n' | b'\r');
    if starts_line {
        (at, format!("{IGNORE_MARKER}\n"))
    } else {
        (at, format!("{IGNORE_MARKER} "))
    }
}

fn text_edit(uri: &lsp::Uri, frame: &Frame, span: Span, new_text: String) -> lsp::WorkspaceEdit {
    let edit = lsp::TextEdit {
        range: frame.range(span),
        new_text,
    };
    lsp::WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
        ..Default::default()
    }
}

fn overlaps(frame: &Frame, span: Span, range: lsp::Range) -> bool {
    let (start, end) = (frame.offset(range.start), frame.offset(range.end));
    span.start <= end && start <= span.end
}

/// Actions for the unattributed quotes in `range`.
pub fn code_actions(
    uri: &lsp::Uri,
    doc: &Analyzed,
    format: Format,
    range: lsp::Range,
) -> Vec<lsp::CodeActionOrCommand> {
    let (frame, analysis) = (&doc.frame, &doc.analysis);
    let mut actions = Vec::new();
    // Diagnostics by quote, gathered once: a scan per finding was quadratic.
    let mut by_quote: HashMap<u64, Vec<lsp::Diagnostic>> = HashMap::new();
    for d in &doc.diagnostics {
        let quote = d.data.as_ref().and_then(|v| v.get("quote")?.as_u64());
        if let Some(q) = quote {
            by_quote.entry(q).or_default().push(d.clone());
        }
    }
    for finding in &analysis.findings {
        if finding.code != FindingCode::UnattributedQuote || !overlaps(frame, finding.span, range) {
            continue;
        }
        let Some((index, quote)) = finding
            .quote
            .and_then(|i| Some((i, analysis.quotes.get(i)?)))
        else {
            continue;
        };
        let diagnostics = by_quote.get(&(index as u64)).cloned().unwrap_or_default();
        if diagnostics.is_empty() {
            continue; // suppressed already
        }
        if let Some(speaker) = nearby_speaker(analysis, index) {
            let (span, new_text) = attribution_edit(&frame.text, quote, &speaker.label);
            actions.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                title: format!("Attribute to {}", speaker.label),
                kind: Some(lsp::CodeActionKind::QUICKFIX),
                diagnostics: Some(diagnostics.clone()),
                edit: Some(text_edit(uri, frame, span, new_text)),
                is_preferred: Some(true),
                ..Default::default()
            }));
        }
        let title = "Mark as intentionally unattributed".to_owned();
        let action = match format {
            Format::Markdown => {
                let (span, new_text) = ignore_marker_edit(&frame.text, quote);
                lsp::CodeAction {
                    title,
                    kind: Some(lsp::CodeActionKind::QUICKFIX),
                    diagnostics: Some(diagnostics),
                    edit: Some(text_edit(uri, frame, span, new_text)),
                    ..Default::default()
                }
            }
            // Plain text has no comment syntax: the server remembers the quote instead.
            Format::Plain => lsp::CodeAction {
                title: title.clone(),
                kind: Some(lsp::CodeActionKind::QUICKFIX),
                diagnostics: Some(diagnostics),
                command: Some(lsp::Command {
                    title,
                    command: IGNORE_COMMAND.to_owned(),
                    arguments: Some(vec![json!(uri.as_str()), json!(frame.slice(quote.content))]),
                }),
                ..Default::default()
            },
        };
        actions.push(lsp::CodeActionOrCommand::CodeAction(action));
    }
    actions
}

/// "— Ryder" after each attributed quote's closing mark, inside `range`.
pub fn inlay_hints(doc: &Analyzed, range: lsp::Range) -> Vec<lsp::InlayHint> {
    let (frame, analysis) = (&doc.frame, &doc.analysis);
    analysis
        .quotes
        .iter()
        .filter(|q| overlaps(frame, q.span, range))
        .filter_map(|q| {
            let actor = analysis.actors.get(q.speaker?)?;
            Some(lsp::InlayHint {
                position: frame.position(q.span.end),
                label: lsp::InlayHintLabel::String(format!("— {}", cue_label(actor))),
                kind: None,
                text_edits: None,
                tooltip: None,
                padding_left: Some(true),
                padding_right: None,
                data: None,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Method, QuoteKind};

    fn quote(text: &str) -> Quote {
        let start = text.find('“').unwrap();
        let end = text.find('”').unwrap() + '”'.len_utf8();
        Quote {
            span: Span::new(start, end),
            content: Span::new(start + '“'.len_utf8(), end - '”'.len_utf8()),
            parts: vec![Span::new(start, end)],
            kind: QuoteKind::Direct,
            closed: true,
            speaker: None,
            mention: None,
            cue: None,
            method: Method::None,
            candidates: Vec::new(),
        }
    }

    fn apply(text: &str, label: &str) -> String {
        let (span, new_text) = attribution_edit(text, &quote(text), label);
        format!("{}{}{}", &text[..span.start], new_text, &text[span.end..])
    }

    #[test]
    fn cue_in_house_style() {
        assert_eq!(apply("“It works.”\n", "Ryder"), "“It works,” Ryder said.\n");
        assert_eq!(
            apply("“Does it?” Then", "Ryder"),
            "“Does it?” Ryder said. Then"
        );
        assert_eq!(
            apply("“It works,” and", "Ryder"),
            "“It works,” Ryder said and"
        );
        assert_eq!(apply("“It works”", "Ryder"), "“It works”, Ryder said.");
    }

    #[test]
    fn marker_on_its_own_line_when_the_quote_starts_one() {
        let text = "Intro.\n“It works.”";
        assert_eq!(
            ignore_marker_edit(text, &quote(text)).1,
            "<!-- whosaid: ignore -->\n"
        );
        let text = "He: “It works.”";
        assert_eq!(
            ignore_marker_edit(text, &quote(text)).1,
            "<!-- whosaid: ignore --> "
        );
    }
}
