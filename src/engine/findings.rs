//! Findings a writer acts on: quotes with no speaker, and claims that rest on nobody in
//! particular. Quiet by design: nothing inside quotation marks, nothing for a term, and a
//! vague phrase followed by a named source in the same sentence is left alone.

use super::lexicon::{self, Lexicon};
use super::model::{Actor, ActorKind, Finding, FindingCode, Quote, QuoteKind, Span};
use super::names::is_abbreviation_dot;
use super::tokens::Tokens;

/// `is_clause` tells speech from a fragment; it is asked only of quotes that would be flagged.
pub fn unattributed(
    quotes: &[Quote],
    out: &mut Vec<Finding>,
    mut is_clause: impl FnMut(&Quote) -> bool,
) {
    for (i, q) in quotes.iter().enumerate() {
        // Reported speech always has a source in the text; only quotes can lack one.
        // Only a quote that stands as speech, and only when nobody could have said it: a
        // fragment inside narration, or a quote with people nearby, is no missing source.
        let nobody = q.speaker.is_none() && q.mention.is_none() && q.candidates.is_empty();
        if q.kind == QuoteKind::Direct && nobody && is_clause(q) {
            out.push(Finding {
                code: FindingCode::UnattributedQuote,
                span: q.span,
                message: "Quote has no speaker: say who said it".to_string(),
                quote: Some(i),
            });
        }
    }
}

/// A finding for every mention of a vague or anonymous source that speaks.
pub fn unnamed_sources(
    actors: &[Actor],
    spoken_by: &[(usize, Span, Option<usize>)],
    out: &mut Vec<Finding>,
) {
    for &(actor, mention, quote) in spoken_by {
        let a = &actors[actor];
        let (code, message) = match a.kind {
            ActorKind::Vague => (
                FindingCode::VagueSource,
                format!("Vague source “{}”: name who says so", a.name),
            ),
            ActorKind::Anonymous => (
                FindingCode::AnonymousSource,
                format!(
                    "Anonymous source “{}”: say why the source is not named",
                    a.name
                ),
            ),
            _ => continue,
        };
        out.push(Finding {
            code,
            span: mention,
            message,
            quote,
        });
    }
}

fn message(code: FindingCode, phrase: &str) -> String {
    match code {
        FindingCode::PassiveAttribution => format!("“{phrase}”: said by whom? Name the source"),
        FindingCode::UncitedEvidence => format!("“{phrase}”: cite the research or report"),
        FindingCode::Hearsay => format!("“{phrase}”: who reports it? Name the source"),
        FindingCode::MajorityClaim => {
            format!("“{phrase}”: a claim about what many believe, with no source")
        }
        FindingCode::AnonymousSource => format!("“{phrase}”: anonymous sourcing, say why"),
        _ => format!("“{phrase}”: unsourced"),
    }
}

/// Weasel phrases from the claims lexicon (and the caller's extras), outside quotes.
pub fn claims(toks: &Tokens, lex: &Lexicon, extra: &[Vec<String>], out: &mut Vec<Finding>) {
    let n = toks.len();
    let extra: Vec<(FindingCode, Vec<&str>)> = extra
        .iter()
        .map(|p| {
            (
                FindingCode::VagueSource,
                p.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    // Phrases by their first word, so each token looks only at the phrases it can start.
    let mut by_first: rustc_hash::FxHashMap<&str, Vec<(FindingCode, &[&str])>> = Default::default();
    let all = lex
        .claims
        .iter()
        .map(|(c, p)| (*c, p.as_slice()))
        .chain(extra.iter().map(|(c, p)| (*c, p.as_slice())));
    for (code, phrase) in all {
        if let Some(first) = phrase.first() {
            by_first.entry(first).or_default().push((code, phrase));
        }
    }
    // Only a word the lexicon's phrases (or the user's) start with can open a claim.
    let starts: Box<dyn Iterator<Item = usize>> = if extra.is_empty() {
        Box::new(toks.flagged(0..n, lexicon::CLAIM_START))
    } else {
        Box::new(0..n)
    };
    let mut next = 0; // matches do not overlap
    for i in starts {
        let t = &toks.toks[i];
        if i < next || t.quote.is_some() || !toks.is_word(i) {
            continue;
        }
        let w = toks.lower(i);
        let mut hit: Option<(FindingCode, usize)> = None;
        for (code, phrase) in by_first.get(w).map(Vec::as_slice).unwrap_or(&[]) {
            if i + phrase.len() > n {
                continue;
            }
            let all = phrase.iter().enumerate().all(|(k, p)| {
                let tk = &toks.toks[i + k];
                tk.quote.is_none() && toks.is_word(i + k) && toks.lower(i + k) == *p
            });
            if all && hit.is_none_or(|(_, len)| phrase.len() > len) {
                hit = Some((*code, phrase.len()));
            }
        }
        if let Some((code, len)) = hit.filter(|&(_, len)| !named_source_follows(toks, lex, i + len))
        {
            let span = Span::new(t.span.start, toks.toks[i + len - 1].span.end);
            out.push(Finding {
                code,
                span,
                message: message(code, span.slice(toks.text)),
                quote: None,
            });
            next = i + len;
        }
    }
}

/// "according to reports by Reuters", "reportedly, said Smith": a named source close after.
fn named_source_follows(toks: &Tokens, lex: &Lexicon, from: usize) -> bool {
    let para = toks.get(from.saturating_sub(1)).map(|t| t.para);
    let mut k = from;
    while k < toks.len() && k < from + 8 {
        let t = &toks.toks[k];
        if Some(t.para) != para || (toks.is_sentence_end(k) && !is_abbreviation_dot(toks, k, lex)) {
            return false;
        }
        let named_next = toks.toks.get(k + 1).is_some_and(|n| n.cap)
            || (toks.is_word(k + 1)
                && toks.lower(k + 1) == "the"
                && toks.toks.get(k + 2).is_some_and(|n| n.cap));
        if toks.is_word(k) && matches!(toks.lower(k), "by" | "from" | "in") && named_next {
            return true;
        }
        k += 1;
    }
    false
}
