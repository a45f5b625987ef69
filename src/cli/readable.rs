//! `annotate` for a person at a terminal: each quote's first words, who said it (with the
//! role), the cue and how it was attributed, then the actors with their quote counts.

use std::fmt::Write;

use crate::engine::{Analysis, Quote, QuoteKind};
use crate::present::{count, excerpt};

/// The readable form of one document's analysis.
pub fn render(id: &str, text: &str, analysis: &Analysis) -> String {
    let quotes: Vec<&Quote> = analysis
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Term)
        .collect();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{id}: {}, {}, {}",
        analysis.mode.as_str(),
        count(quotes.len(), "quote", "quotes"),
        count(analysis.actors.len(), "actor", "actors"),
    );
    for q in &quotes {
        let label = match q.kind {
            QuoteKind::Direct | QuoteKind::Term => "",
            QuoteKind::Mixed => "partly quoted: ",
            QuoteKind::Indirect => "reported: ",
        };
        let _ = writeln!(out, "\n{label}{}", excerpt(q.content.slice(text), q.kind));
        let _ = writeln!(out, "    {}", attribution(q, analysis));
    }
    let actors = analysis.quoted_actors();
    if !actors.is_empty() {
        let _ = writeln!(out, "\nWho was quoted");
    }
    for (id, n) in actors {
        let actor = &analysis.actors[id];
        let role = actor
            .role
            .as_deref()
            .map_or(String::new(), |r| format!(", {r}"));
        let _ = writeln!(
            out,
            "  {} ({}{role}): {}",
            actor.name,
            actor.kind.as_str(),
            count(n, "quote", "quotes")
        );
    }
    if !analysis.findings.is_empty() {
        let n = analysis.findings.len();
        let _ = writeln!(
            out,
            "\n{}: `whosaid check {id}` lists them",
            count(n, "finding", "findings")
        );
    }
    out.push('\n'); // a blank line between documents
    out
}

/// "Pat Ryder, Pentagon Press Secretary · “said” · a named speaker with a cue".
fn attribution(q: &Quote, analysis: &Analysis) -> String {
    let Some(actor) = q.speaker.and_then(|id| analysis.actors.get(id)) else {
        let candidates: Vec<&str> = q
            .candidates
            .iter()
            .filter_map(|&id| analysis.actors.get(id))
            .map(|a| a.name.as_str())
            .collect();
        return match candidates.as_slice() {
            [] => "no speaker".to_owned(),
            names => format!("no speaker (perhaps {})", names.join(" or ")),
        };
    };
    let mut line = actor.name.clone();
    if let Some(role) = &actor.role {
        let _ = write!(line, ", {role}");
    }
    if let Some(cue) = &q.cue {
        let _ = write!(line, " · “{}”", cue.text);
    }
    let _ = write!(line, " · {}", q.method.describe());
    line
}
