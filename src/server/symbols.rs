//! Document symbols (actors with their quotes), references, highlights, workspace symbols.

use super::analysis::Analyzed;
use super::lsp;
use crate::engine::{Actor, ActorId, ActorKind, Quote, QuoteKind, Span};
use crate::present::{self, excerpt};

/// The outline's note on a quote that is not plain direct speech.
fn quote_detail(kind: QuoteKind) -> Option<String> {
    match kind {
        QuoteKind::Indirect => Some("reported speech".into()),
        QuoteKind::Mixed => Some("reported, partly quoted".into()),
        QuoteKind::Direct | QuoteKind::Term => None,
    }
}

fn symbol_kind(kind: ActorKind) -> lsp::SymbolKind {
    match kind {
        ActorKind::Person => lsp::SymbolKind::OBJECT,
        ActorKind::Organisation => lsp::SymbolKind::NAMESPACE,
        ActorKind::Document => lsp::SymbolKind::FILE,
        ActorKind::Anonymous | ActorKind::Vague | ActorKind::Group => lsp::SymbolKind::VARIABLE,
    }
}

fn detail(actor: &Actor) -> String {
    match &actor.role {
        Some(role) => format!("{}, {role}", actor.kind.as_str()),
        None => actor.kind.as_str().to_owned(),
    }
}

fn cover(spans: impl Iterator<Item = Span>) -> Option<Span> {
    spans.reduce(|a, b| Span::new(a.start.min(b.start), a.end.max(b.end)))
}

#[allow(deprecated)] // `deprecated` is a required field of the LSP types
fn symbol(
    name: String,
    detail: Option<String>,
    kind: lsp::SymbolKind,
    range: lsp::Range,
    selection: lsp::Range,
    children: Option<Vec<lsp::DocumentSymbol>>,
) -> lsp::DocumentSymbol {
    lsp::DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range,
        selection_range: selection,
        children,
    }
}

/// Actors in order of first appearance with their quotes, then unattributed quotes.
pub fn document_symbols(doc: &Analyzed) -> Vec<lsp::DocumentSymbol> {
    let (frame, analysis) = (&doc.frame, &doc.analysis);
    let quote_symbol = |q: &Quote| {
        let range = frame.range(q.span);
        symbol(
            excerpt(frame.slice(q.content), q.kind),
            quote_detail(q.kind),
            lsp::SymbolKind::STRING,
            range,
            range,
            None,
        )
    };
    let mut out = Vec::new();
    for (id, actor) in analysis.actors.iter().enumerate() {
        let Some(first) = actor.mentions.first() else {
            continue;
        };
        let quotes: Vec<_> = analysis.quotes_of(id).map(|(_, q)| q).collect();
        let whole = cover(
            actor
                .mentions
                .iter()
                .map(|m| m.span)
                .chain(quotes.iter().map(|q| q.span)),
        )
        .unwrap_or(first.span);
        let children = quotes.iter().map(|q| quote_symbol(q)).collect();
        out.push(symbol(
            actor.name.clone(),
            Some(detail(actor)),
            symbol_kind(actor.kind),
            frame.range(whole),
            frame.range(first.span),
            Some(children),
        ));
    }
    let unattributed: Vec<_> = analysis
        .quotes
        .iter()
        .filter(|q| q.speaker.is_none() && q.kind == QuoteKind::Direct)
        .collect();
    if let Some(whole) = cover(unattributed.iter().map(|q| q.span)) {
        let range = frame.range(whole);
        let children = unattributed.iter().map(|q| quote_symbol(q)).collect();
        let count = Some(present::count(unattributed.len(), "quote", "quotes"));
        out.push(symbol(
            "Unattributed".into(),
            count,
            lsp::SymbolKind::ARRAY,
            range,
            frame.range(unattributed[0].span),
            Some(children),
        ));
    }
    out
}

/// The same symbols, flattened, for clients without hierarchical support: each actor's
/// quotes (named as their container) and then the actor itself.
pub fn flat_symbols(
    uri: &lsp::Uri,
    symbols: Vec<lsp::DocumentSymbol>,
) -> Vec<lsp::SymbolInformation> {
    let mut out = Vec::new();
    for parent in symbols {
        for child in parent.children.unwrap_or_default() {
            let container = Some(parent.name.clone());
            out.push(information(
                uri,
                child.name,
                child.kind,
                child.range,
                container,
            ));
        }
        out.push(information(
            uri,
            parent.name,
            parent.kind,
            parent.selection_range,
            None,
        ));
    }
    out
}

#[allow(deprecated)] // `deprecated` is a required field of the LSP type
fn information(
    uri: &lsp::Uri,
    name: String,
    kind: lsp::SymbolKind,
    range: lsp::Range,
    container_name: Option<String>,
) -> lsp::SymbolInformation {
    lsp::SymbolInformation {
        name,
        kind,
        tags: None,
        deprecated: None,
        location: lsp::Location::new(uri.clone(), range),
        container_name,
    }
}

/// The actor a position is about: a mention of it, or a quote it said.
pub fn actor_at(doc: &Analyzed, pos: lsp::Position) -> Option<ActorId> {
    let offset = doc.frame.offset(pos);
    let analysis = &doc.analysis;
    if let Some((id, _)) = analysis
        .actors
        .iter()
        .enumerate()
        .find(|(_, a)| a.mentions.iter().any(|m| m.span.contains(offset)))
    {
        return Some(id);
    }
    analysis.quote_at(offset).and_then(|(_, q)| q.speaker)
}

/// Every mention and quote of an actor, in text order, marked as mention (false) or quote.
pub fn occurrences(doc: &Analyzed, actor: ActorId) -> Vec<(Span, bool)> {
    let analysis = &doc.analysis;
    let mut spans: Vec<(Span, bool)> = analysis
        .actors
        .get(actor)
        .map(|a| a.mentions.iter().map(|m| (m.span, false)).collect())
        .unwrap_or_default();
    spans.extend(analysis.quotes_of(actor).map(|(_, q)| (q.span, true)));
    spans.sort_by_key(|(s, _)| (s.start, s.end));
    spans
}

pub fn highlights(doc: &Analyzed, actor: ActorId) -> Vec<lsp::DocumentHighlight> {
    occurrences(doc, actor)
        .into_iter()
        .map(|(span, is_quote)| lsp::DocumentHighlight {
            range: doc.frame.range(span),
            kind: Some(if is_quote {
                lsp::DocumentHighlightKind::READ
            } else {
                lsp::DocumentHighlightKind::TEXT
            }),
        })
        .collect()
}

/// Actors of one document whose name or alias contains `query` (case-insensitive).
#[allow(deprecated)]
pub fn workspace_symbols(
    uri: &lsp::Uri,
    doc: &Analyzed,
    query: &str,
) -> Vec<lsp::SymbolInformation> {
    let query = query.to_lowercase();
    doc.analysis
        .actors
        .iter()
        .filter(|a| {
            std::iter::once(&a.name)
                .chain(&a.aliases)
                .any(|n| n.to_lowercase().contains(&query))
        })
        .filter_map(|a| {
            let first = a.mentions.first()?;
            Some(lsp::SymbolInformation {
                name: a.name.clone(),
                kind: symbol_kind(a.kind),
                tags: None,
                deprecated: None,
                location: lsp::Location::new(uri.clone(), doc.frame.range(first.span)),
                container_name: Some(detail(a)),
            })
        })
        .collect()
}
