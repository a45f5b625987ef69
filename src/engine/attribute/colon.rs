//! A clause that ends in a colon introduces the quote after it, and its subject speaks:
//! "The mayor's chief of staff, Dana Lowe, was blunter: “…”", "Lowe put it this way: “…”",
//! and the headline form "Premier Ann Cole: “…”"; or whom it names the writer of ("a
//! statement attributed to Dr Ana Ruiz:").

use super::super::model::ActorKind;
use super::super::phrases::{Np, NpKind};
use super::super::tagger::Upos;
use super::{Attributor, Place};

/// Words at most between the subject and the colon ("put it this way", "was blunter").
const PREDICATE_WORDS: usize = 8;

/// Tokens at most in an appositive between a subject and its predicate.
const APPOSITIVE_WORDS: usize = 8;

/// Words that open a relative clause after a subject.
const RELATIVES: &[&str] = &["who", "which", "whose", "whom"];

impl Attributor<'_, '_> {
    /// The subject of the clause ending in the colon right before the quote at `p`, with the
    /// colon's token as the cue.
    pub(super) fn colon_intro(&self, p: Place) -> Option<(Np, usize, usize, bool)> {
        let toks = self.toks();
        let colon = p.first.checked_sub(1)?;
        if !toks.is_punct(colon, ":") || toks.toks[colon].quote.is_some() {
            return None;
        }
        let ws = self.sentence_start(colon, 40);
        if ws >= colon || toks.toks[ws].quote.is_some() {
            return None;
        }
        // "… provided this statement, attributed to Dr Ana Ruiz, the health officer:": the
        // one it is attributed to wrote it.
        let attributed = (ws + 1..colon).find_map(|k| {
            let to = toks.is_word(k)
                && toks.lower(k) == "to"
                && toks.is_word(k - 1)
                && toks.lower(k - 1) == "attributed";
            let mi = self.ph.index.starting_at(k + 1).filter(|_| to)?;
            let np = self.ph.name_np(mi);
            matches!(np.kind, NpKind::Name(_)).then_some(np)
        });
        if let Some(np) = attributed {
            return Some((np, colon, 1, true));
        }
        let speaker_like = |np: &Np| match &np.kind {
            NpKind::Name(_) | NpKind::Role(_) | NpKind::Org(_) | NpKind::Document(_) => true,
            NpKind::Source(kind) => *kind != ActorKind::Group,
            NpKind::Pronoun(_) => true,
        };
        // The subject opens the sentence, or follows an opening phrase's comma ("After
        // being told she was hard of hearing, Judge Hughes shouted into his microphone:").
        let np = match self.ph.after(ws, colon).filter(|np| speaker_like(np)) {
            Some(np) => np,
            None => {
                let comma = (ws..colon).rev().find(|&k| toks.is_punct(k, ","))?;
                let mi = self.ph.index.starting_at(comma + 1)?;
                (self.ph.names[mi].toks.1 < colon).then(|| self.ph.name_np(mi))?
            }
        };
        let verb = self.after_relative(np.toks.1, colon);
        let predicate = &toks.toks[verb..colon];
        let words = predicate.iter().filter(|t| t.quote.is_none()).count();
        // A label ("Premier Ann Cole:") or a short predicate with no quote or name inside.
        let short = words <= PREDICATE_WORDS && predicate.iter().all(|t| t.quote.is_none());
        // A name in the predicate may be the one who speaks ("… doesn't surprise pollster
        // Dana Shaw:"), unless a speech verb comes first and the name is its object or
        // where it was said ("Brenner later told the Gazette:", "said on CNN:").
        let first_name = (verb..colon).find(|&k| self.ph.index.starting_at(k).is_some());
        let names_inside = first_name.is_some_and(|n| {
            !(verb..n).any(|k| toks.is_word(k) && self.cue_lemma(k, true).is_some())
        });
        (short && !names_inside).then_some((np, colon, 1, true))
    }

    /// "Local farmer Krishna Khatri shared, “…”": a subject, then one past-tense verb that
    /// no cue list holds, then the comma right before the quote. The verb introduces the
    /// quote as a colon would; the subject (a description before it may open the sentence)
    /// speaks.
    pub(super) fn comma_intro(&self, p: Place) -> Option<(Np, usize, usize, bool)> {
        let toks = self.toks();
        let comma = p.first.checked_sub(1)?;
        if !toks.is_punct(comma, ",") || toks.toks[comma].quote.is_some() {
            return None;
        }
        let verb = comma.checked_sub(1)?;
        let plain = toks.is_word(verb) && !toks.toks[verb].cap && toks.toks[verb].quote.is_none();
        let ws = self.sentence_start(comma, 40);
        if !plain || verb <= ws || !toks.lower(verb).ends_with("ed") {
            return None;
        }
        let tags = toks.tags(ws..comma + 1);
        if tags[verb - ws] != Upos::Verb {
            return None;
        }
        let np = self.ph.before(verb, ws)?;
        let speaker = match np.kind {
            NpKind::Name(mi) => self.ph.names[mi].personal(),
            NpKind::Role(_) | NpKind::Pronoun(_) => true,
            _ => false,
        };
        // Only a description before the subject: "Local farmer", not a clause.
        let described = (ws..np.toks.0).all(|k| toks.is_word(k) && !tags[k - ws].is_verb());
        (speaker && described && np.toks.1 == verb).then_some((np, verb, 1, true))
    }

    /// Where the predicate starts after a subject ending at `k`: past a relative clause or
    /// an appositive set off by commas ("Coun. Maria Estevez, who brought the motion, was
    /// blunter:", "Lukia Nabuloori, one of the victims, recounted her encounter:"). An
    /// appositive names nobody else ("Lowe, Vance and Cole agreed:" is a list).
    fn after_relative(&self, k: usize, colon: usize) -> usize {
        let toks = self.toks();
        if !(k + 1 < colon && toks.is_punct(k, ",")) {
            return k;
        }
        let relative = RELATIVES.contains(&toks.lower(k + 1));
        let Some(close) = (k + 2..colon).find(|&j| toks.is_punct(j, ",")) else {
            return k;
        };
        let appositive = !relative
            && close - k <= APPOSITIVE_WORDS
            && (k + 2..close).all(|j| toks.is_word(j) && !toks.toks[j].cap);
        if relative || appositive {
            close + 1
        } else {
            k
        }
    }

    /// A full name set off as a label before the quote's colon, after a dash or at the
    /// start of its sentence: "Polling notes - Ana Ruiz: “…”". The label outranks a cue
    /// word earlier in the line ("notes").
    pub(super) fn colon_label(&self, p: Place) -> Option<(Np, usize, usize, bool)> {
        let toks = self.toks();
        let colon = p.first.checked_sub(1)?;
        if colon == 0 || !toks.is_punct(colon, ":") || toks.toks[colon].quote.is_some() {
            return None;
        }
        // "Moses Kasozi (LC3 Chairperson): “…”": past a role in brackets to the name.
        let mut last = colon - 1;
        if toks.is_punct(last, ")") {
            let floor = last.saturating_sub(LABEL_ROLE_TOKENS);
            let open = (floor..last).rev().find(|&k| toks.is_punct(k, "("))?;
            last = open.checked_sub(1)?;
        }
        let np = self.ph.name_ending_at(last)?;
        let (a, b) = np.toks;
        let full = (a..b).filter(|&k| toks.is_word(k)).count() >= 2;
        let ws = self.sentence_start(colon, 40);
        let set_off = a == ws || self.ph.is_dash(a - 1);
        (full && set_off && matches!(np.kind, NpKind::Name(_))).then_some((np, colon, 1, true))
    }
}

/// Tokens at most in a bracketed role between a label's name and its colon.
const LABEL_ROLE_TOKENS: usize = 8;
