//! News: a pull quote whose marks the page did not keep, signed by its speaker's name at the
//! end of its paragraph: "It's very bad for our senior population. Rod Peters, Lake Cowichan
//! mayor" / "… constitute an emergency. Linda Lamoureux". Web pages set these apart as
//! blockquotes; copied as text, only the name after the last full stop tells them from the
//! story's own words.

use super::super::model::{ActorId, Method, Span};
use super::super::names::NameKind;
use super::super::phrases::NpKind;
use super::Attributor;

/// A signed paragraph: its words, and who signed them.
#[derive(Debug, Clone)]
pub struct PullQuote {
    pub content: Span,
    pub speaker: ActorId,
    pub mention: Span,
    pub method: Method,
}

/// Words in the signature after the name ("Lake Cowichan mayor", "University of Ottawa").
const SIGNATURE_TAIL: usize = 8;

/// Words a signed paragraph holds before its signature, at least.
const MIN_WORDS: usize = 4;

impl Attributor<'_, '_> {
    /// Every paragraph without quotation marks that ends in a signature: a full stop, then
    /// a person's or a body's name alone, or before a comma and a few words with no verb
    /// and no full stop.
    pub fn pull_quotes(&mut self) -> Vec<PullQuote> {
        let toks = self.ph.toks;
        toks.paragraphs()
            .filter_map(|para| self.signed(para.start, para.end))
            .collect()
    }

    /// The pull quote in the paragraph of tokens `a..b`, if it is one.
    fn signed(&mut self, a: usize, b: usize) -> Option<PullQuote> {
        let toks = self.ph.toks;
        if (a..b).any(|k| toks.toks[k].quote.is_some()) {
            return None;
        }
        if let Some(tweet) = self.tweet(a, b) {
            return Some(tweet);
        }
        // A full stop near the end with the signature after it: the last one, or one before
        // a signature that holds a full stop itself ("Matt Danison, Rentals.ca").
        let mut stops = (a..b).rev().filter(|&k| toks.is_punct(k, ".")).take(3);
        let stop = stops.find(|&k| k + 1 < b && toks.toks[k + 1].cap)?;
        // The signature sits on the quote's line: "…backup. Rod Peters".
        let gap = &toks.text[toks.toks[stop].span.end..toks.toks[stop + 1].span.start];
        if gap.contains('\n') {
            return None;
        }
        let np = self.ph.after(stop + 1, b)?;
        let NpKind::Name(mi) = np.kind else {
            return None;
        };
        let m = &self.ph.names[mi];
        // A name we cannot type signs with a first and a last name at least.
        let named = match m.kind {
            NameKind::Person | NameKind::Organisation => true,
            NameKind::Unknown => m.name.len() >= 2,
            NameKind::Role => false,
        };
        if np.toks.0 != stop + 1 || !named {
            return None;
        }
        let rest = np.toks.1;
        if rest < b {
            let tail_ok = toks.is_punct(rest, ",")
                && b - rest - 1 <= SIGNATURE_TAIL
                && (rest + 1..b)
                    .all(|k| toks.is_word(k) || toks.is_possessive(k) || toks.is_punct(k, "."))
                && !toks.is_clause(rest + 1..b);
            if !tail_ok {
                return None;
            }
        }
        let words = (a..stop).filter(|&k| toks.is_word(k)).count();
        if words < MIN_WORDS || !toks.is_clause(a..stop) {
            return None;
        }
        let (speaker, method) = self.resolve(&np, np.span.start)?;
        Some(PullQuote {
            content: Span::new(toks.toks[a].span.start, toks.toks[stop - 1].span.end),
            speaker,
            mention: np.span,
            method,
        })
    }

    /// An embedded post as pages copy it: "TEXT pic.twitter.com/… — BC Hydro (@bchydro)
    /// December 22, 2018". The words before the dash, links dropped, are the name's.
    fn tweet(&mut self, a: usize, b: usize) -> Option<PullQuote> {
        let toks = self.ph.toks;
        let handle = (a..b).rev().find(|&k| toks.str(k).starts_with('@'))?;
        if handle < a + 3 || !toks.is_punct(handle - 1, "(") || b - handle > TWEET_DATE {
            return None;
        }
        let dash = (a..handle - 1).rev().find(|&k| self.ph.is_dash(k))?;
        let np = self.ph.after(dash + 1, handle - 1)?;
        if np.toks != (dash + 1, handle - 1) || !matches!(np.kind, NpKind::Name(_)) {
            return None;
        }
        // After an opening tag ("<tweet …>") when the page kept one.
        let start = (a..dash)
            .rev()
            .find(|&k| toks.is_punct(k, ">"))
            .map_or(a, |k| k + 1);
        let from = toks.toks.get(start)?.span.start;
        let mut words = &toks.text[from..toks.toks[dash].span.start];
        loop {
            words = words.trim_end();
            let last = words.rsplit(char::is_whitespace).next().unwrap_or("");
            let link = ["pic.twitter.com", "https://", "http://"]
                .iter()
                .filter_map(|l| last.find(l))
                .min();
            // A hashtag is a label, not speech; glued to a link, it goes with it.
            let cut = match link {
                Some(at) => last[..at].find('#').unwrap_or(at),
                None if last.starts_with('#') => 0,
                None => break,
            };
            words = &words[..words.len() - last.len() + cut];
        }
        // Like a signed paragraph's, a post's words end before its last full stop.
        let words = words.strip_suffix('.').unwrap_or(words);
        let content = Span::new(from, from + words.len());
        let (s, e) = (
            toks.at_or_after(content.start),
            toks.at_or_after(content.end),
        );
        if (s..e).filter(|&k| toks.is_word(k)).count() < MIN_WORDS {
            return None;
        }
        let (speaker, method) = self.resolve(&np, np.span.start)?;
        Some(PullQuote {
            content,
            speaker,
            mention: np.span,
            method,
        })
    }
}

/// Tokens after a post's handle, at most: its date ("December 22, 2018") and a closing tag.
const TWEET_DATE: usize = 10;
