//! A quote named as someone's words by the sentence after it: "“We are very sorry.”¶Those
//! were the sentiments expressed by skipper Kraigg Brathwaite after the defeat." / "That was
//! the message from coach Phil Simmons." / "That was the claim made by Cllr Danny Collins."

use super::super::phrases::{Np, NpKind};
use super::super::tokens::Kind;
use super::{Attributor, Place};

/// What a speaker's words are called in "Those were the … of".
const SPEECH_NOUNS: &[&str] = &[
    "words",
    "sentiments",
    "thoughts",
    "message",
    "verdict",
    "view",
    "views",
    "reaction",
    "response",
    "assessment",
    "remarks",
    "comments",
    "claim",
    "warning",
    "plea",
    "appeal",
    "argument",
    "promise",
    "pledge",
    "advice",
];

/// Words from the noun to its speaker: "of", "from", "expressed by", "shared by".
const BY_VERBS: &[&str] = &[
    "expressed",
    "offered",
    "shared",
    "voiced",
    "echoed",
    "spoken",
    "made",
    "issued",
    "given",
    "delivered",
    "sounded",
];

impl Attributor<'_, '_> {
    /// The named speaker of the quote at `p` by the sentence right after it, which opens
    /// "Those were the words of …" (or "That was the message from …"); the noun is the cue.
    pub(super) fn words_of(&self, p: Place) -> Option<(Np, usize, usize, bool)> {
        let toks = self.toks();
        let mut k = p.after;
        // The quote's own full stop, if it stands outside the marks: “…”.
        while toks
            .get(k)
            .is_some_and(|t| t.kind == Kind::Punct && t.quote.is_none())
            && toks.is_sentence_end(k)
        {
            k += 1;
        }
        let word = |x: usize| toks.is_word(x).then(|| toks.lower(x));
        let demonstrative = matches!(word(k), Some("those" | "these" | "that" | "this" | "such"));
        let copula = matches!(word(k + 1), Some("were" | "was" | "are" | "is"));
        if !demonstrative || !copula {
            return None;
        }
        let mut n = k + 2;
        if word(n) == Some("the") {
            n += 1;
        }
        if !word(n).is_some_and(|w| SPEECH_NOUNS.contains(&w)) {
            return None;
        }
        let mut a = n + 1;
        match word(a) {
            Some("of" | "from") => a += 1,
            Some(w) if BY_VERBS.contains(&w) && word(a + 1) == Some("by") => a += 2,
            _ => return None,
        }
        let para = toks.toks[k].para;
        let para_end = (a..toks.len())
            .find(|&x| toks.toks[x].para != para)
            .unwrap_or(toks.len());
        let np = self.ph.after(a, para_end)?;
        (matches!(np.kind, NpKind::Name(_)) && np.toks.0 >= a).then_some((np, n, 1, false))
    }
}
