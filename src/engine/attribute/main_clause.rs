//! A verb no lexicon lists introduces the quote right after its clause: "After Cole
//! criticized the plan, Vance shot back, “…”", "When Trump suggested it, Rubio fired back
//! forcefully: “…”". The clause's subject speaks, not the one a cue in the opening
//! subordinate clause names.

use super::super::phrases::Np;
use super::{Attributor, Place};

/// Words that open a subordinate clause before the main one.
const SUBORDINATORS: &[&str] = &[
    "after", "when", "as", "before", "while", "although", "though", "once", "until", "since",
    "because", "if",
];

/// Particles that belong to the verb ("shot back", "chimed in").
const PARTICLES: &[&str] = &["back", "in", "up", "out", "on"];

/// Words at most between the verb and the mark before the quote ("back forcefully").
const AFTER_VERB_WORDS: usize = 2;

impl Attributor<'_, '_> {
    /// The subject and verb of a main clause that follows an opening subordinate clause
    /// and ends, with a comma or colon, right at the quote at `p`.
    pub(super) fn main_clause_intro(&self, p: Place) -> Option<(Np, usize, usize, bool)> {
        let toks = self.toks();
        let mark = p.first.checked_sub(1)?;
        if !(toks.is_punct(mark, ",") || toks.is_punct(mark, ":"))
            || toks.toks[mark].quote.is_some()
        {
            return None;
        }
        let ws = self.sentence_start(mark, 40);
        if !(toks.is_word(ws) && SUBORDINATORS.contains(&toks.lower(ws))) {
            return None;
        }
        let comma = (ws + 2..mark).rev().find(|&x| toks.is_punct(x, ","))?;
        let np = self.ph.after(comma + 1, mark)?;
        let verb = np.toks.1;
        let words_after = mark.checked_sub(verb + 1)?;
        let plain = (verb..mark).all(|x| toks.is_word(x) && toks.toks[x].quote.is_none());
        if np.toks.0 != comma + 1 || words_after > AFTER_VERB_WORDS || !plain {
            return None;
        }
        let tags = toks.tags(comma + 1..mark);
        if !tags.get(verb - comma - 1).is_some_and(|t| t.is_verb()) {
            return None;
        }
        let n = if verb + 1 < mark && PARTICLES.contains(&toks.lower(verb + 1)) {
            2
        } else {
            1
        };
        Some((np, verb, n, true))
    }
}
