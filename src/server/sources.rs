//! The article's sources at a glance: a code lens at the top of the document ("Sources: 4
//! people, 2 organisations, 1 document, 1 anonymous") whose command shows the breakdown.

use super::lsp;

use super::analysis::Analyzed;
use crate::engine::{ActorKind, Analysis};
use crate::present::count;

pub const SHOW_SOURCES_COMMAND: &str = "whosaid.showSources";

/// Kinds in the order the lens names them, with their singular and plural words.
const KINDS: [(ActorKind, &str, &str); 6] = [
    (ActorKind::Person, "person", "people"),
    (ActorKind::Organisation, "organisation", "organisations"),
    (ActorKind::Document, "document", "documents"),
    (ActorKind::Anonymous, "anonymous", "anonymous"),
    (ActorKind::Vague, "vague", "vague"),
    (ActorKind::Group, "group", "groups"),
];

/// Each quoted actor with its quote count, most quoted first; and the unattributed quotes.
fn quoted(a: &Analysis) -> (Vec<(usize, usize)>, usize) {
    let unattributed = a
        .quotes
        .iter()
        .filter(|q| q.kind.is_speech() && q.speaker.is_none())
        .count();
    (a.quoted_actors(), unattributed)
}

/// "Sources: 4 people, 2 organisations, 1 document · 1 unattributed", or None with no quotes.
pub fn summary(a: &Analysis) -> Option<String> {
    let (actors, unattributed) = quoted(a);
    if actors.is_empty() && unattributed == 0 {
        return None;
    }
    let parts: Vec<String> = KINDS
        .iter()
        .filter_map(|&(kind, one, many)| {
            let n = actors
                .iter()
                .filter(|&&(i, _)| a.actors[i].kind == kind)
                .count();
            (n > 0).then(|| count(n, one, many))
        })
        .collect();
    let mut title = format!(
        "Sources: {}",
        if parts.is_empty() {
            "none".to_owned()
        } else {
            parts.join(", ")
        }
    );
    if unattributed > 0 {
        title.push_str(&format!(" · {unattributed} unattributed"));
    }
    Some(title)
}

/// The breakdown the lens's command shows: each kind with its actors and quote counts.
pub fn breakdown(a: &Analysis) -> String {
    let (actors, unattributed) = quoted(a);
    let mut lines = vec![summary(a).unwrap_or_else(|| "Sources: no quotes".to_owned())];
    for &(kind, one, many) in &KINDS {
        let of_kind: Vec<String> = actors
            .iter()
            .filter(|&&(i, _)| a.actors[i].kind == kind)
            .map(|&(i, n)| format!("{} ({})", a.actors[i].name, count(n, "quote", "quotes")))
            .collect();
        if !of_kind.is_empty() {
            let label = if of_kind.len() == 1 { one } else { many };
            lines.push(format!("{label}: {}", of_kind.join(", ")));
        }
    }
    if unattributed > 0 {
        lines.push(count(
            unattributed,
            "quote has no speaker",
            "quotes have no speaker",
        ));
    }
    lines.join("\n")
}

/// The lens at the document's top.
pub fn lens(doc: &Analyzed, uri: &lsp::Uri) -> Option<lsp::CodeLens> {
    let title = summary(&doc.analysis)?;
    let top = lsp::Range::new(lsp::Position::new(0, 0), lsp::Position::new(0, 0));
    Some(lsp::CodeLens {
        range: top,
        command: Some(lsp::Command {
            title,
            command: SHOW_SOURCES_COMMAND.to_owned(),
            arguments: Some(vec![serde_json::Value::String(uri.as_str().to_owned())]),
        }),
        data: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{analyze, Options};

    #[test]
    fn the_seed_has_people_and_documents() {
        let text = std::fs::read_to_string("seeds/000_11b1216a67c8be3c.txt").unwrap();
        let a = analyze(&text, &Options::default());
        assert_eq!(
            summary(&a).as_deref(),
            Some("Sources: 4 people, 2 documents")
        );
        let b = breakdown(&a);
        assert!(
            b.contains("people: Pat Ryder (3 quotes), Yoav Gallant (2 quotes)"),
            "{b}"
        );
    }

    #[test]
    fn unattributed_quotes_are_counted_and_no_quotes_no_lens() {
        let a = analyze("“This will never work.”\n", &Options::default());
        assert_eq!(
            summary(&a).as_deref(),
            Some("Sources: none · 1 unattributed")
        );
        assert_eq!(
            summary(&analyze("No quotes here.\n", &Options::default())),
            None
        );
    }
}
