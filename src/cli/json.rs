//! The JSON form of an analysis: code point offsets (Python string indices), end exclusive.
//! This is what `annotate` prints and what `../shared/eval/score.py` reads.

use serde::Serialize;

use crate::engine::{Analysis, Quote, QuoteKind, Severity, Span};
use crate::positions::LineIndex;

#[derive(Serialize)]
pub struct DocJson<'a> {
    pub id: &'a str,
    pub mode: &'static str,
    /// Speech: direct, mixed and indirect quotes.
    pub quotes: Vec<QuoteJson>,
    /// Quoted words that are not speech (terms, titles, slogans, scare quotes): no speaker.
    pub terms: Vec<TermJson>,
    pub actors: Vec<ActorJson>,
    pub findings: Vec<FindingJson>,
}

#[derive(Serialize)]
pub struct QuoteJson {
    pub start: usize,
    pub end: usize,
    pub kind: &'static str,
    pub closed: bool,
    pub speaker: Option<String>,
    pub speaker_start: Option<usize>,
    pub speaker_end: Option<usize>,
    pub actor: Option<usize>,
    pub cue: Option<String>,
    pub method: &'static str,
    /// The marked pieces of a direct quote interrupted by its tag, when there are two or more.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parts: Option<Vec<[usize; 2]>>,
    /// The quoted (or reported) words, marks and the interrupting tag left out.
    pub text: String,
    /// With no speaker: the names a reader would weigh (the hover's "may be …").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<String>,
}

#[derive(Serialize)]
pub struct TermJson {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Serialize)]
pub struct ActorJson {
    pub id: usize,
    pub name: String,
    pub kind: &'static str,
    pub role: Option<String>,
    /// A person's gender as the text refers to them (pronouns, honorifics); never guessed.
    pub gender: &'static str,
    pub aliases: Vec<String>,
    pub mentions: Vec<[usize; 2]>,
}

#[derive(Serialize)]
pub struct FindingJson {
    pub code: &'static str,
    pub severity: &'static str,
    pub start: usize,
    pub end: usize,
    pub message: String,
    pub quote: Option<usize>,
}

pub fn severity_of(code: crate::engine::FindingCode) -> Severity {
    code.default_severity()
}

pub fn to_json<'a>(id: &'a str, text: &str, a: &Analysis) -> DocJson<'a> {
    let index = LineIndex::new(text);
    let cp = |b: usize| index.char_index(text, b);
    let (terms, speech): (Vec<_>, Vec<_>) = a
        .quotes
        .iter()
        .enumerate()
        .partition(|(_, q)| q.kind == QuoteKind::Term);
    // A finding points at its quote by index among the speech quotes printed.
    let mut printed_index = vec![None; a.quotes.len()];
    for (n, &(i, _)) in speech.iter().enumerate() {
        printed_index[i] = Some(n);
    }
    DocJson {
        id,
        mode: a.mode.as_str(),
        quotes: speech
            .iter()
            .map(|&(_, q)| QuoteJson {
                start: cp(q.span.start),
                end: cp(q.span.end),
                kind: q.kind.as_str(),
                closed: q.closed,
                speaker: q.speaker.map(|s| a.actors[s].name.clone()),
                speaker_start: q.mention.map(|m| cp(m.start)),
                speaker_end: q.mention.map(|m| cp(m.end)),
                actor: q.speaker,
                cue: q.cue.as_ref().map(|c| c.text.clone()),
                method: q.method.as_str(),
                parts: (q.kind != QuoteKind::Mixed && q.parts.len() > 1)
                    .then(|| q.parts.iter().map(|p| [cp(p.start), cp(p.end)]).collect()),
                text: quoted_text(text, q),
                candidates: q
                    .candidates
                    .iter()
                    .map(|&c| a.actors[c].name.clone())
                    .collect(),
            })
            .collect(),
        terms: terms
            .iter()
            .map(|&(_, q)| TermJson {
                start: cp(q.span.start),
                end: cp(q.span.end),
                text: quoted_text(text, q),
            })
            .collect(),
        actors: a
            .actors
            .iter()
            .enumerate()
            .map(|(id, x)| ActorJson {
                id,
                name: x.name.clone(),
                kind: x.kind.as_str(),
                role: x.role.clone(),
                gender: crate::engine::referred_gender(text, x).as_str(),
                aliases: x.aliases.clone(),
                mentions: x
                    .mentions
                    .iter()
                    .map(|m| [cp(m.span.start), cp(m.span.end)])
                    .collect(),
            })
            .collect(),
        findings: a
            .findings
            .iter()
            .map(|f| FindingJson {
                code: f.code.as_str(),
                severity: severity_of(f.code).as_str(),
                start: cp(f.span.start),
                end: cp(f.span.end),
                message: f.message.clone(),
                quote: f
                    .quote
                    .and_then(|i| printed_index.get(i).copied().flatten()),
            })
            .collect(),
    }
}

/// What a pipeline reads as the quote's words: each piece without its marks, joined by a space
/// (a mixed quote is its whole reported clause).
fn quoted_text(text: &str, q: &Quote) -> String {
    let pieces: &[Span] = if q.kind == QuoteKind::Mixed || q.parts.is_empty() {
        std::slice::from_ref(&q.span)
    } else {
        &q.parts
    };
    let mut out = String::new();
    for p in pieces {
        let words = p
            .slice(text)
            .trim_matches(|c: char| c.is_whitespace() || crate::engine::is_quote_mark(c));
        if words.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(words);
    }
    out
}

/// What the sources report reads of a document: the same fields its JSON carries, so a
/// report from documents equals one from their `annotate` output.
pub fn to_record(doc: DocJson) -> crate::report::Annotation {
    use crate::report::{ActorRecord, Annotation, FindingRecord, QuoteRecord};
    Annotation {
        id: doc.id.to_string(),
        quotes: doc
            .quotes
            .into_iter()
            .map(|q| QuoteRecord {
                kind: q.kind.to_string(),
                actor: q.actor,
                text: q.text,
            })
            .collect(),
        actors: doc
            .actors
            .into_iter()
            .map(|a| ActorRecord {
                name: a.name,
                kind: a.kind.to_string(),
                role: a.role,
                gender: a.gender.to_string(),
            })
            .collect(),
        findings: doc
            .findings
            .into_iter()
            .map(|f| FindingRecord {
                code: f.code.to_string(),
            })
            .collect(),
    }
}
