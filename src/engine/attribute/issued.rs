//! A document that speaks after the narration says who issued it: "The Lagos State Police
//! Command issued a statement on Wednesday.¶“…,” the statement read." The statement is the
//! command's, and speaks for it. So is one the narration names as "a statement from" someone.

use super::super::model::{ActorId, ActorKind};
use super::super::sentences::{self, AtQuotes};
use super::Attributor;

/// Verbs that issue a document: "issued a statement", "released a report".
const ISSUING: &[&str] = &[
    "issued",
    "issues",
    "released",
    "releases",
    "published",
    "publishes",
    "sent",
    "posted",
    "shared",
];

/// Tokens read back from the document's mention for the one that issued it, at most.
const ISSUED_BACK: usize = 80;

impl Attributor<'_, '_> {
    /// The body or person whose issuing of a document named `head` the narration before
    /// token `at` reports, as the subject of "issued a <head>" in its sentence.
    pub(super) fn issuer_of(&self, head: &str, at: usize) -> Option<ActorId> {
        let toks = self.ph.toks;
        let floor = at.saturating_sub(ISSUED_BACK);
        // The nearest "a <head>" (or "a <modifier> <head>") outside quotes before `at`.
        let noun = (floor..at)
            .rev()
            .find(|&k| toks.is_word(k) && toks.toks[k].quote.is_none() && toks.lower(k) == head)?;
        if let Some(id) = self.named_after_document(noun) {
            return Some(id);
        }
        let article = (noun.saturating_sub(3)..noun)
            .rev()
            .find(|&k| toks.is_word(k) && matches!(toks.lower(k), "a" | "an"))?;
        let verb = article.checked_sub(1)?;
        if !(toks.is_word(verb) && ISSUING.contains(&toks.lower(verb))) {
            return None;
        }
        // Its subject: the name that ends right before the verb, in the same sentence.
        let para = toks.toks[verb].para;
        let start = sentences::start(toks, self.ph.lex, verb, para, 60, AtQuotes::Stop);
        let names = self.ph.names;
        let i = names.partition_point(|m| m.toks.1 < verb);
        let m = names.get(i)?;
        if m.toks.1 != verb || m.toks.0 < start || m.in_quote {
            return None;
        }
        self.issuing_actor(i)
    }

    /// "A statement from Valley Health said …": the body or person named right after the
    /// document's noun at token `noun`, by "from" or "by".
    fn named_after_document(&self, noun: usize) -> Option<ActorId> {
        let toks = self.ph.toks;
        let by = noun + 1;
        if !(toks.is_word(by) && matches!(toks.lower(by), "from" | "by")) {
            return None;
        }
        let mut first = by + 1;
        if toks.is_word(first) && toks.lower(first) == "the" {
            first += 1;
        }
        let i = self.ph.index.starting_at(first)?;
        (!self.ph.names[i].in_quote)
            .then(|| self.issuing_actor(i))
            .flatten()
    }

    /// The actor of name mention `i`, when it is a body or a person.
    fn issuing_actor(&self, i: usize) -> Option<ActorId> {
        let id = self.name_actor[i]?;
        matches!(
            self.table.kind(id),
            ActorKind::Organisation | ActorKind::Person
        )
        .then_some(id)
    }
}
