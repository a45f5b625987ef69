//! A news headline that quotes someone names them right after the quote, in headline case,
//! and the story below introduces them properly: "“It wasn’t pretty”: Carter opens up on
//! halftime spray", "‘I’m Gutted As A Coach’, Says Van Dijk After Cup Exit", "'What more
//! can we do?': Mayor's flood plea". The name is read up to the first word headline case
//! capitalises that is no name ("After"), and found among the people of the whole story.

use super::super::model::{ActorId, Method, Mode, Span};
use super::super::names::HEADLINE_BREAKS;
use super::{Attributor, Place};

/// Name words read after a headline's quote, at most.
const NAME_WORDS: usize = 4;

/// A headline is the story's first paragraph, and short.
const HEADLINE_BYTES: usize = 200;

impl Attributor<'_, '_> {
    /// The speaker a headline names after its quote at `p`: (actor, the name's span, the
    /// cue token, method).
    pub(super) fn quoted_in_headline(&self, p: Place) -> Option<(ActorId, Span, usize, Method)> {
        let toks = self.toks();
        let first = toks.toks.get(p.first)?;
        if self.mode != Mode::News || first.para != 0 {
            return None;
        }
        // Tokens run in paragraph order: the headline's are the first ones.
        let para_end = toks.toks.partition_point(|t| t.para == 0).checked_sub(1)?;
        if toks.toks[para_end].span.end > HEADLINE_BYTES {
            return None;
        }
        // After the quote: ":" (the cue), or "," and a cue ("Says").
        let colon = p.after;
        let cue = if toks.is_punct(colon, ":") {
            colon
        } else if toks.is_punct(colon, ",") && toks.is_word(colon + 1) {
            self.ph.lex.cue(toks.lower(colon + 1))?;
            colon + 1
        } else {
            return None;
        };
        let start = cue + 1;
        let mut k = start;
        while k < start + NAME_WORDS
            && k <= para_end
            && toks.is_word(k)
            && toks.toks[k].cap
            && toks.toks[k].quote.is_none()
            && !HEADLINE_BREAKS.contains(&toks.lower(k))
        {
            k += 1;
        }
        if k == start {
            return None;
        }
        let words: Vec<String> = (start..k).map(|j| toks.lower(j).to_string()).collect();
        let span = Span::new(toks.toks[start].span.start, toks.toks[k - 1].span.end);
        // "Mayor's flood plea", "Harbour Councillor Calls Out": a title finds its holder.
        let titles: Vec<String> = words
            .iter()
            .filter(|w| self.ph.lex.is_title(w))
            .cloned()
            .collect();
        if !titles.is_empty() {
            let id = self.table.by_role(&titles, toks.text.len())?;
            return Some((id, span, cue, Method::Description));
        }
        // "Carter opens up": a surname, or a full name ("Says Van Dijk").
        let surname = words.last()?;
        let id = self.table.by_surname(surname)?;
        Some((id, span, cue, Method::Cue))
    }
}
