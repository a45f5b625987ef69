//! Noun phrases that can be a source, read forwards ("said the statement") or backwards from
//! a cue ("State Department spokesperson Matthew Miller said", "he also noted").

use super::lexicon::{Lexicon, PronounRef};
use super::model::{ActorKind, Span};
use super::names::{is_abbreviation_dot, NameKind, NameMention};
use super::tagger::Upos;
use super::tokens::{Kind, Tokens};

#[derive(Debug, Clone, PartialEq)]
pub enum NpKind {
    /// A capitalised name: index into the name mentions.
    Name(usize),
    Pronoun(PronounRef),
    /// A role without a name: "the Secretary of Defense", "the spokesperson".
    Role(Vec<String>),
    /// A document by its head noun: "the statement".
    Document(String),
    /// An organisation in lower case by its head noun: "the ministry".
    Org(String),
    /// An unnamed source: "officials", "a senior official".
    Source(ActorKind),
}

/// Tokens at most in a parenthesised label between a name and its cue: "(D-Ore.)".
const LABEL_TOKENS: usize = 8;

#[derive(Debug, Clone, PartialEq)]
pub struct Np {
    pub kind: NpKind,
    pub span: Span,
    /// An appositive naming a role: "Peskov, press secretary for the Kremlin, said".
    pub role: Option<Span>,
    /// First and one-past-last token.
    pub toks: (usize, usize),
}

/// Where name mentions start and end, by token.
pub struct NameIndex {
    starts: Vec<u32>,
    ends: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl NameIndex {
    pub fn new(n_tokens: usize, mentions: &[NameMention]) -> NameIndex {
        let mut starts = vec![NONE; n_tokens];
        let mut ends = vec![NONE; n_tokens];
        for (i, m) in mentions.iter().enumerate() {
            // Index by the name part too, so "Minister Gallant" is found from "Gallant".
            starts[m.toks.0] = i as u32;
            ends[m.toks.1 - 1] = i as u32;
        }
        NameIndex { starts, ends }
    }
    pub fn starting_at(&self, t: usize) -> Option<usize> {
        self.starts
            .get(t)
            .filter(|&&v| v != NONE)
            .map(|&v| v as usize)
    }
    pub fn ending_at(&self, t: usize) -> Option<usize> {
        self.ends
            .get(t)
            .filter(|&&v| v != NONE)
            .map(|&v| v as usize)
    }
}

/// Determiners of a described person: "the landlady", "her father", "my aunt".
const POSSESSIVES_AND_THE: &[&str] = &["the", "his", "her", "their", "my", "our", "your"];

/// Determiners of one person not named ("a man", "one woman", "another resident").
const ONE_OF: &[&str] = &["a", "an", "one", "another"];

/// Endings that mark a word as an adjective when the tagger is unsure: "lanky",
/// "bespectacled", "soft-spoken" (hyphenated words count by their hyphen).
const ADJECTIVE_ENDINGS: &[&str] = &["y", "ed", "ful", "ous", "ive", "al", "ic", "less", "ish"];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "some", "many", "several", "most", "two", "three", "other", "his",
    "her", "their", "its", "our", "another", "few", "numerous",
];

/// Prepositions that put a described person in a place: "a woman on the North Shore".
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "on", "of", "from", "at", "near", "outside", "behind", "beside",
];

/// Endings of nouns for one who does something: "stallholder", "florist", "librarian".
const AGENT_ENDINGS: &[&str] = &["er", "or", "ist", "ian", "ant"];

/// Nouns for what was said ("Those were the sentiments expressed by …").
const WHAT_WAS_SAID: &[&str] = &[
    "words",
    "sentiments",
    "thoughts",
    "views",
    "remarks",
    "feelings",
];

/// Tokens at most from "the" to the comma of "said the chairman of the Tea Board, Name".
const ROLE_APPOSITIVE_TOKENS: usize = 16;

/// Prepositional phrases at most between a described person and the cue.
const PREPOSITION_HOPS: usize = 3;

/// Tokens at most between a cue and the "who" of a relative clause before it.
const RELATIVE_TOKENS: usize = 12;

/// Words that end a phrase read backwards.
const STOPS: &[&str] = &[
    "that", "who", "which", "and", "but", "or", "as", "when", "while", "if", "because", "said",
    "says", "to", "in", "on", "at", "with", "by", "from", "of",
];

pub struct Phrases<'a, 't> {
    pub toks: &'a Tokens<'t>,
    pub lex: &'a Lexicon,
    pub names: &'a [NameMention],
    pub index: &'a NameIndex,
}

impl Phrases<'_, '_> {
    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks.toks[a].span.start, self.toks.toks[b - 1].span.end)
    }

    pub fn name_np(&self, mi: usize) -> Np {
        let m = &self.names[mi];
        let kind = if m.kind == NameKind::Role {
            NpKind::Role(role_words(&m.name))
        } else {
            NpKind::Name(mi)
        };
        Np {
            role: None,
            kind,
            span: m.span,
            toks: m.toks,
        }
    }

    /// An unnamed-source phrase from the lexicon starting at token `i` ("a senior official").
    fn source_at(&self, i: usize, end: usize) -> Option<Np> {
        let mut best: Option<(usize, ActorKind)> = None;
        for (kind, phrase) in &self.lex.sources {
            if phrase.len() < 2 || i + phrase.len() > end {
                continue;
            }
            let hit = phrase
                .iter()
                .enumerate()
                .all(|(k, w)| self.toks.is_word(i + k) && self.toks.lower(i + k) == *w);
            if hit && best.is_none_or(|(n, _)| phrase.len() > n) {
                best = Some((phrase.len(), *kind));
            }
        }
        best.map(|(n, kind)| self.np(NpKind::Source(kind), i, i + n))
    }

    /// Classify the words `a..=head` as a lower-case description by its head noun.
    fn described(&self, a: usize, head: usize) -> Option<Np> {
        let h = self.toks.lower(head);
        let det = self.toks.lower(a);
        if WHAT_WAS_SAID.contains(&h) {
            // "the sentiments expressed by …": what was said, never who said it.
            return None;
        }
        if self.lex.is_body_part(h)
            && matches!(det, "his" | "her" | "their" | "its" | "my" | "your" | "our")
        {
            // "the bandage round his head told that …": a part of someone, not "the head".
            return None;
        }
        // One of many unnamed sources: "a second source", "another intelligence source".
        // A document with a noun that says which it is ("a staff report", "a police
        // report"); "a report" or "a new report" is one of many.
        let which_document = || {
            head > a + 1 && self.lex.is_document(h) && {
                let tags = self.toks.tags(a..head + 1);
                tags[1..tags.len() - 1]
                    .iter()
                    .any(|t| matches!(t, Upos::Noun | Upos::Propn))
            }
        };
        if self.lex.is_voice(h) && ONE_OF.contains(&det) {
            // "a Tesco spokesperson", "a council spokesman": the body speaks, on the record.
            if self.body_among(a + 1, head) {
                return Some(self.voice(a, head + 1));
            }
        }
        let one_of_vague =
            ONE_OF.contains(&det) && self.lex.is_vague_singular(h) && !which_document();
        let kind = if one_of_vague {
            NpKind::Source(ActorKind::Anonymous)
        } else if self.lex.is_vague_head(h) {
            if matches!(det, "the" | "his" | "her" | "their" | "its") && h != "sources" {
                // "the officials" points back at someone named before.
                return None;
            }
            NpKind::Source(ActorKind::Vague)
        } else if self.lex.is_document(h) {
            NpKind::Document(h.to_string())
        } else if self.lex.is_org_word(h) {
            NpKind::Org(h.to_string())
        } else if self.lex.is_title(h) {
            if matches!(det, "a" | "an" | "one") {
                NpKind::Source(ActorKind::Anonymous)
            } else {
                let words: Vec<String> = (a..=head)
                    .filter(|&k| self.toks.is_word(k) && self.lex.is_role_word(self.toks.lower(k)))
                    .map(|k| self.toks.lower(k).to_string())
                    .collect();
                NpKind::Role(words)
            }
        } else if self.unnamed_person(a, head) {
            // "said the landlady", "the old gentleman said": a person the text describes.
            // "her father" and "his father" are two people.
            if ONE_OF.contains(&det) {
                // "said a man", "shouted one woman": someone unnamed, as before a cue.
                NpKind::Source(ActorKind::Anonymous)
            } else if det == "the" {
                NpKind::Role(vec![h.to_string()])
            } else {
                NpKind::Role(vec![det.to_string(), h.to_string()])
            }
        } else {
            return None;
        };
        Some(self.np(kind, a, head + 1))
    }

    /// Whether a modifier in `from..to` names a body: a name ("Tesco") or an organisation
    /// word ("council", "police").
    fn body_among(&self, from: usize, to: usize) -> bool {
        (from..to).any(|k| match self.index.starting_at(k) {
            Some(mi) => self.names[mi].toks.1 <= to,
            None => self.toks.is_word(k) && self.lex.is_org_word(self.toks.lower(k)),
        })
    }

    /// Someone who speaks for a body the phrase `a..end` names: a person on the record, not
    /// an anonymous source ("the spokesman" later finds them by their words).
    fn voice(&self, a: usize, end: usize) -> Np {
        self.np(NpKind::Source(ActorKind::Person), a, end)
    }

    /// "a spokeswoman for the council", "a representative of Tesco": a voice followed at
    /// token `k` by the body it speaks for. Gives the whole phrase as a voice and the token
    /// after it.
    pub fn voice_for(&self, np: &Np, k: usize, end: usize) -> Option<(Np, usize)> {
        let toks = self.toks;
        let last = np.toks.1.checked_sub(1)?;
        let joins = toks.is_word(k) && matches!(toks.lower(k), "for" | "of" | "at" | "with");
        if !joins || !toks.is_word(last) || !self.lex.is_voice(toks.lower(last)) {
            return None;
        }
        let mut a = k + 1;
        if toks.is_word(a) && toks.lower(a) == "the" {
            a += 1;
        }
        let past = match self.index.starting_at(a) {
            Some(mi) => self.names[mi].toks.1,
            None if toks.is_word(a) && self.lex.is_org_word(toks.lower(a)) => a + 1,
            None => return None,
        };
        (past <= end).then(|| (self.voice(np.toks.0, past), past))
    }

    /// "A spokesman for Ofsted said": read back from a cue, the body `np` after "for" (or
    /// "of", "at", "with") and a voice gives the whole phrase as the voice, from its
    /// determiner on, no earlier than token `start`.
    pub fn voice_before(&self, np: &Np, start: usize) -> Option<Np> {
        let toks = self.toks;
        let mut p = np.toks.0;
        if p > start && toks.is_word(p - 1) && toks.lower(p - 1) == "the" {
            p -= 1;
        }
        let joins = p >= start + 2
            && toks.is_word(p - 1)
            && matches!(toks.lower(p - 1), "for" | "of" | "at" | "with");
        let head = p.checked_sub(2)?;
        if !joins || !toks.is_word(head) || !self.lex.is_voice(toks.lower(head)) {
            return None;
        }
        let a = (start.max(head.saturating_sub(4))..head)
            .rev()
            .take_while(|&a| toks.is_word(a))
            .find(|&a| ONE_OF.contains(&toks.lower(a)))?;
        Some(self.voice(a, np.toks.1))
    }

    /// "said Ryan’s office", "said the mayor’s spokeswoman": name `mi`, its "’s" and up to
    /// three lower-case words that end the tag, as a body or a title the owner has.
    fn possessed_after(&self, mi: usize, end: usize) -> Option<Np> {
        let toks = self.toks;
        let (a, p) = self.names[mi].toks;
        if !toks.is_possessive(p) {
            return None;
        }
        let mut head = None;
        for k in p + 1..end.min(p + 4) {
            if !toks.is_word(k) || toks.toks[k].cap {
                break;
            }
            let w = toks.lower(k);
            if STOPS.contains(&w) || ADVERBS.contains(&w) || self.lex.tag_cue(w).is_some() {
                break;
            }
            head = Some(k);
        }
        let np = self.described(a, head?)?;
        let closed = toks.get(np.toks.1).is_none_or(|t| {
            let w = toks.lower(np.toks.1);
            t.kind == Kind::Punct || STOPS.contains(&w) || self.lex.tag_cue(w).is_some()
        });
        (closed && matches!(np.kind, NpKind::Org(_) | NpKind::Role(_))).then_some(np)
    }

    /// Whether token `p` is a split-off "’s" after a word, both after `start`.
    fn possessive_after_word(&self, p: usize, start: usize) -> bool {
        p > start && self.toks.is_possessive(p) && self.toks.is_word(p - 1)
    }

    /// "the" (or "her", "my") and at most two more words before a lower-case head that ends
    /// the phrase (punctuation or a cue follows): a described person such as "the old
    /// gentleman", "her father".
    fn unnamed_person(&self, a: usize, head: usize) -> bool {
        let toks = self.toks;
        // A comma between two adjectives is part of the description ("the soft-spoken,
        // 64-year-old engineer"); any other token but a word ends it.
        let mut commas = 0;
        let words_or_adjective_commas = (a + 1..=head).all(|k| {
            if toks.is_word(k) {
                return !AUXILIARIES.contains(&toks.lower(k));
            }
            if toks.is_possessive(k) {
                return true; // "the ad’s narrator"
            }
            let between_adjectives = self.adjective_comma(k, a, head);
            commas += usize::from(between_adjectives);
            between_adjectives
        });
        let det = toks.lower(a);
        // "a man" right after its cue ("said a man"); before one, `group_before` reads it.
        // "said yet another resident".
        let after_cue = self.after_tag_cue(a)
            || a > 1
                && toks.is_word(a - 1)
                && toks.lower(a - 1) == "yet"
                && self.after_tag_cue(a - 1);
        let short = head > a
            && head - a <= 3 + commas
            && (POSSESSIVES_AND_THE.contains(&det) || after_cue && ONE_OF.contains(&det));
        // Capitalised modifiers are fine ("the RNC member"); the head is lower case.
        let lower_words = words_or_adjective_commas && !toks.toks[head].cap;
        let h = toks.lower(head);
        // "-ly" is an adverb's ending but a few nouns' too ("the family said").
        let nounish = h.len() > 2
            && (!h.ends_with("ly") || toks.tags(head..head + 1)[0] == Upos::Noun)
            && !h.ends_with("ing")
            && !STOPS.contains(&h)
            && !self.lex.is_common(h)
            && !self.lex.is_body_part(h)
            && self.lex.pronoun(h).is_none();
        let para = toks.toks[head].para;
        let closed_at = |k: usize| match toks.get(k) {
            None => true,
            Some(t) if t.para != para => true,
            Some(_) => {
                matches!(toks.str(k), "," | "." | ";" | "!" | "?" | ":" | "—")
                    || self.lex.tag_cue(toks.lower(k)).is_some()
            }
        };
        let next_is = |f: &dyn Fn(&str) -> bool| toks.is_word(head + 1) && f(toks.lower(head + 1));
        // "said his brother quickly", "said the gentleman in the white waistcoat".
        // "my father often said"; not "the question was repeated".
        let adverb = |w: &str| {
            w.ends_with("ly")
                || (ADVERBS.contains(&w) && !AUXILIARIES.contains(&w) && !w.starts_with("d"))
        };
        let adverb_then_closed = next_is(&adverb) && closed_at(head + 2);
        // "said a man holding the red sign": a participle's phrase, like a preposition's.
        let participle = |w: &str| w.len() > 5 && w.ends_with("ing") && !toks.toks[head + 1].cap;
        let phrase_then_closed = next_is(&|w| {
            // "said one kid to the zoo’s newest giraffe": "to" names the one spoken to;
            // "The landlord on Tuesday said": a date.
            matches!(
                w,
                "in" | "on"
                    | "with"
                    | "of"
                    | "from"
                    | "at"
                    | "near"
                    | "outside"
                    | "behind"
                    | "to"
                    | "beside"
                    | "next"
                    | "across"
                    | "among"
                    | "opposite"
            ) || participle(w)
        }) && (head + 2..head + 8).any(|k| {
            closed_at(k) && (head + 2..k).all(|j| toks.is_word(j) || toks.is_possessive(j))
        });
        // "the traders who spoke to Citi FM said": a relative clause ends the phrase.
        // After a cue, only one that runs to the sentence's end ("said a farmer who declined
        // to be named."): "said the man who drove the cab, Ali Khan" names him next.
        // Words from `from` (before `to`) that run on to their sentence's end.
        let runs_to_end = |from: usize, to: usize| {
            (from..to)
                .take_while(|&k| toks.get(k).is_some_and(|t| t.para == para))
                .find(|&k| !toks.is_word(k) && !toks.is_possessive(k))
                .is_some_and(|k| matches!(toks.str(k), "." | "!" | "?"))
        };
        let relative_follows = next_is(&|w| w == "who")
            && (!after_cue || runs_to_end(head + 2, head + RELATIVE_TOKENS));
        // "said one owner of a shop that sells underwear.": a preposition's phrase, then a
        // relative clause to the sentence's end.
        let phrase_then_relative = after_cue
            && next_is(&|w| matches!(w, "of" | "in" | "from" | "at" | "near" | "with"))
            && (head + 3..head + 8).any(|k| {
                toks.is_word(k)
                    && matches!(toks.lower(k), "that" | "who" | "which")
                    && (head + 2..k).all(|j| toks.is_word(j) || toks.is_possessive(j))
                    && runs_to_end(k + 1, k + 1 + 2 * RELATIVE_TOKENS)
            });
        let closed = closed_at(head + 1)
            || adverb_then_closed
            || phrase_then_closed
            || relative_follows
            || phrase_then_relative;
        short && lower_words && nounish && closed
    }

    /// A phrase of tokens `a..b` with no role of its own.
    pub fn np(&self, kind: NpKind, a: usize, b: usize) -> Np {
        Np {
            role: None,
            kind,
            span: self.span(a, b),
            toks: (a, b),
        }
    }

    /// Whether a tag's cue stands right before token `i` ("said", "added").
    fn after_tag_cue(&self, i: usize) -> bool {
        i > 0 && self.toks.is_word(i - 1) && self.lex.tag_cue(self.toks.lower(i - 1)).is_some()
    }

    /// "…,” said resident.": a person's noun with no article, right after a cue and ending
    /// the sentence, as some presses write it; someone unnamed.
    fn bare_person_after_cue(&self, i: usize) -> Option<Np> {
        let toks = self.toks;
        let w = toks.lower(i);
        let after_cue = self.after_tag_cue(i);
        let ends = toks.get(i + 1).is_none_or(|t| {
            t.para != toks.toks[i].para || matches!(toks.str(i + 1), "." | "!" | "?")
        });
        let person = !toks.toks[i].cap
            && !w.ends_with('s')
            && (self.lex.is_person_noun(w) || self.lex.noun_gender(w).is_some());
        (after_cue && ends && person)
            .then(|| self.np(NpKind::Source(ActorKind::Anonymous), i, i + 1))
    }

    /// "according to police", "according to exit polls", "said court documents": after a
    /// cue, a phrase with no determiner, of at most three lower-case words that end the
    /// tag, whose head names a body or documents.
    fn bare_source(&self, i: usize, end: usize) -> Option<Np> {
        let toks = self.toks;
        let after_cue = self.after_tag_cue(i)
            || i > 1 && toks.lower(i - 1) == "to" && toks.lower(i - 2) == "according";
        if !after_cue {
            return None;
        }
        let mut head = i;
        while head + 1 < end.min(i + 3) && toks.is_word(head + 1) && !toks.toks[head + 1].cap {
            head += 1;
        }
        let words_only = (i..=head).all(|k| {
            let w = toks.lower(k);
            toks.is_word(k)
                && !STOPS.contains(&w)
                && !DETERMINERS.contains(&w)
                && self.lex.tag_cue(w).is_none()
        });
        if !words_only || toks.toks[i].cap || toks.is_word(head + 1) {
            return None;
        }
        let h = toks.lower(head);
        let kind = if self.lex.is_document(h) {
            NpKind::Document(h.to_string())
        } else if self.lex.is_org_word(h) {
            NpKind::Org(h.to_string())
        } else {
            return None;
        };
        Some(self.np(kind, i, head + 1))
    }

    /// "According to her, …": after "according to" an object pronoun is the source; not
    /// "according to her lawyer", where "her" is a possessive.
    fn according_to_pronoun(&self, i: usize) -> Option<Np> {
        let toks = self.toks;
        let w = toks.lower(i);
        let after_according = i >= 2
            && matches!(w, "him" | "her" | "them")
            && toks.lower(i - 1) == "to"
            && toks.lower(i - 2) == "according"
            && !toks.is_word(i + 1);
        if !after_according {
            return None;
        }
        Some(self.np(NpKind::Pronoun(self.lex.pronoun(w)?), i, i + 1))
    }

    /// A pronoun at token `i` that can be a subject ("he", "they"); object and possessive
    /// forms ("him", "their") are never a source.
    fn subject_pronoun(&self, i: usize) -> Option<Np> {
        let w = self.toks.lower(i);
        if matches!(w, "her" | "him" | "them" | "his" | "its" | "their") {
            return None;
        }
        Some(self.np(NpKind::Pronoun(self.lex.pronoun(w)?), i, i + 1))
    }

    /// A source phrase starting at token `i`, not running past `end`.
    pub fn after(&self, i: usize, end: usize) -> Option<Np> {
        if i >= end || !self.toks.is_word(i) {
            return None;
        }
        if let Some(np) = self.according_to_pronoun(i) {
            return Some(np);
        }
        let w = self.toks.lower(i);
        if w == "yet" && self.toks.is_word(i + 1) && self.toks.lower(i + 1) == "another" {
            // "said yet another resident"
            return self.after(i + 1, end);
        }
        if let Some(np) = self.bare_person_after_cue(i) {
            return Some(np);
        }
        if let Some(np) = self.bare_source(i, end) {
            return Some(np);
        }
        if let Some(np) = self.source_at(i, end) {
            return Some(np);
        }
        if let Some(np) = self.role_then_name(i, end) {
            return Some(np);
        }
        if let Some(np) = self.described_name(i, end) {
            return Some(np);
        }
        if self.lex.is_vague_head(self.toks.lower(i)) {
            return self.described(i, i);
        }
        if let Some(mi) = self.index.starting_at(i) {
            if self.names[mi].toks.1 <= end {
                return Some(
                    self.possessed_after(mi, end)
                        .unwrap_or_else(|| self.name_np(mi)),
                );
            }
        }
        if self.lex.pronoun(w).is_some() && !POSSESSIVES_AND_THE.contains(&w) {
            return self.subject_pronoun(i);
        }
        if let Some(np) = self.one_of(i, end) {
            return Some(np);
        }
        if DETERMINERS.contains(&w) || POSSESSIVES_AND_THE.contains(&w) {
            // Up to five words to the head noun; a name inside wins ("the Pentagon").
            let mut k = i + 1;
            let mut head = None;
            let mut named_modifier = false;
            while k < end && k < i + 6 && self.toks.is_word(k) {
                if self
                    .toks
                    .get(k + 1)
                    .is_some_and(|t| t.kind == Kind::Possessive)
                    && self.index.starting_at(k).is_none()
                {
                    // "the agency's post": the possessor is a modifier, the head follows.
                    k += 2;
                    continue;
                }
                if let Some(mi) = self.index.starting_at(k) {
                    let mut np = self.name_np(mi);
                    // "the RNC member": the name modifies a lower-case head that follows.
                    // So does any name before a title ("a Coast Guard spokeswoman") and a
                    // person's name before any lower-case noun ("one Trump confidant").
                    let next = np.toks.1;
                    let head_follows = |w: &str| {
                        !STOPS.contains(&w)
                            && !ADVERBS.contains(&w)
                            && !w.ends_with("ly")
                            && self.lex.tag_cue(w).is_none()
                    };
                    let modifier = next < end
                        && self.toks.is_word(next)
                        && !self.toks.toks[next].cap
                        && (self.unnamed_person(i, next)
                            || self.lex.is_title(self.toks.lower(next))
                            || self.names[mi].kind != NameKind::Organisation
                                && head_follows(self.toks.lower(next)));
                    if np.toks.1 <= end && !modifier {
                        np.span.start = self.toks.toks[i].span.start;
                        np.toks.0 = i;
                        return Some(np);
                    }
                    named_modifier |= modifier;
                }
                let lw = self.toks.lower(k);
                if STOPS.contains(&lw) || self.lex.tag_cue(lw).is_some() {
                    break;
                }
                head = Some(k);
                k += 1;
            }
            let head = head?;
            // The head is the last noun-like word: try from the end back to the first.
            for h in (i + 1..=head).rev() {
                // "the statement issued on Thursday": a participle after a document's noun
                // describes it.
                let issued = h > i + 1
                    && self.toks.lower(h).ends_with("ed")
                    && self.lex.is_document(self.toks.lower(h - 1));
                if issued {
                    continue;
                }
                if let Some(np) = self.described(i, h) {
                    return Some(np);
                }
            }
            if named_modifier && matches!(w, "a" | "an" | "one") && !self.toks.toks[head].cap {
                // "one Trump confidant", "a 2008 Clinton veteran": described, not named.
                return Some(self.np(NpKind::Source(ActorKind::Anonymous), i, head + 1));
            }
        }
        None
    }

    /// After a cue, "the chairman of the Tea Board, Jayantha Keragala": a title and what it
    /// is of, then in an appositive the one who holds it, whose words end the tag.
    fn role_then_name(&self, i: usize, end: usize) -> Option<Np> {
        let toks = self.toks;
        let determined = POSSESSIVES_AND_THE.contains(&toks.lower(i));
        if !determined && !toks.toks[i].cap {
            return None;
        }
        let limit = end.min(i + ROLE_APPOSITIVE_TOKENS);
        let comma = (i + 1..limit)
            .take_while(|&k| {
                (toks.is_word(k) || toks.is_possessive(k) || toks.is_punct(k, ","))
                    && toks.toks[k].quote.is_none()
                    && !(toks.is_word(k) && self.lex.cue(toks.lower(k)).is_some())
            })
            .find(|&k| toks.is_punct(k, ","))?;
        // Without an article, only a title with its complement: "said Japanese Ambassador
        // to the FSM, Sobahshima Hidenobu".
        let complemented = (i + 1..comma).any(|k| {
            matches!(toks.lower(k), "to" | "of" | "for") && self.lex.is_title(toks.lower(k - 1))
        });
        if !determined && !complemented {
            return None;
        }
        let first = usize::from(determined);
        let titled =
            (i + first..comma).any(|k| toks.is_word(k) && self.lex.is_title(toks.lower(k)));
        let mi = self.index.starting_at(comma + 1)?;
        let m = &self.names[mi];
        let closes = m.toks.1 >= end
            || toks.toks[m.toks.1].para != toks.toks[comma].para
            || toks.is_sentence_end(m.toks.1)
            || toks.is_punct(m.toks.1, ",");
        if !titled || !m.personal() || m.toks.1 > end || !closes {
            return None;
        }
        let mut np = self.name_np(mi);
        np.role = Some(self.span(i + first, comma));
        Some(np)
    }

    /// "a report from town planner Rebecca Belanger", "a letter by Ann Cole", "a report from
    /// the council": the person or body named as the author of the document `np`.
    pub fn author_of(&self, np: &Np, end: usize) -> Option<Np> {
        let toks = self.toks;
        let k = np.toks.1;
        let by = toks.is_word(k) && matches!(toks.lower(k), "from" | "by");
        // "a report" is one of many (an unnamed source) until its author is named.
        let document = matches!(np.kind, NpKind::Document(_))
            || matches!(np.kind, NpKind::Source(_)) && self.lex.is_document(toks.lower(k - 1));
        if !document || !by {
            return None;
        }
        let author = self
            .described_name(k + 1, end)
            .or_else(|| self.after(k + 1, end))?;
        matches!(author.kind, NpKind::Name(_) | NpKind::Org(_)).then_some(author)
    }

    /// "one of the men holding the sign", "some of the traders": a part of a group described,
    /// one person unnamed or a group, from token `i`, before `end`.
    fn one_of(&self, i: usize, end: usize) -> Option<Np> {
        let toks = self.toks;
        let w = toks.lower(i);
        if !matches!(w, "one" | "some" | "many" | "several" | "most")
            || !toks.is_word(i + 1)
            || toks.lower(i + 1) != "of"
            || !toks.is_word(i + 2)
            // "one of those advisers", "some of these workers" too.
            || !(POSSESSIVES_AND_THE.contains(&toks.lower(i + 2))
                || matches!(toks.lower(i + 2), "those" | "these"))
        {
            return None;
        }
        let head = (i + 3..end.min(i + 7))
            .take_while(|&k| {
                let lw = toks.lower(k);
                toks.is_word(k)
                    && !toks.toks[k].cap
                    && !STOPS.contains(&lw)
                    && !lw.ends_with("ing")
                    && self.lex.tag_cue(lw).is_none()
            })
            .last()?;
        let plural = toks.lower(head).ends_with('s') || toks.lower(head).ends_with("men");
        plural.then(|| Np {
            role: None,
            kind: NpKind::Source(if w == "one" {
                ActorKind::Anonymous
            } else {
                ActorKind::Group
            }),
            span: self.span(i, head + 1),
            toks: (i, head + 1),
        })
    }

    /// Whether the tagger reads token `k` as a verb, in the words around it.
    fn verb_at(&self, k: usize) -> bool {
        let from = k.saturating_sub(2);
        self.toks
            .tags(from..k + 2)
            .get(k - from)
            .is_some_and(|t| t.is_verb())
    }

    /// A word that can describe a person before their name: "longtime", "union", "organiser",
    /// "then-Surrey", "mayoral" (lower case, not a function word, pronoun or cue).
    fn description_word(&self, k: usize) -> bool {
        let toks = self.toks;
        if !toks.is_word(k) || toks.toks[k].cap {
            return false;
        }
        let w = toks.lower(k);
        w.len() > 1
            && !self.function_word(w)
            && !self.lex.is_common(w)
            && self.lex.report_cue(w).is_none()
    }

    /// A stop word, determiner, auxiliary, adverb from [`ADVERBS`] or pronoun: never part of
    /// a description.
    fn function_word(&self, w: &str) -> bool {
        STOPS.contains(&w)
            || DETERMINERS.contains(&w)
            || AUXILIARIES.contains(&w)
            || ADVERBS.contains(&w)
            || self.lex.pronoun(w).is_some()
    }

    /// A common adjective inside a description, before a word of it: "new" in "said new
    /// coach Ann Lee", "next" in "next door neighbor Meg Rude". The tagger decides, so
    /// "said more people …" or "said so Ann …" describe no one.
    fn description_adjective(&self, k: usize) -> bool {
        let toks = self.toks;
        if !toks.is_word(k) || toks.toks[k].cap || !self.description_word(k + 1) {
            return false;
        }
        let w = toks.lower(k);
        self.lex.is_common(w)
            && !self.function_word(w)
            && toks.tags(k..k + 3).first() == Some(&Upos::Adj)
    }

    /// A name after a description that says who they are: "said longtime union organiser Bea
    /// Kowalski", "said Rockets general manager Bruce Hamilton", "replied the city's parks
    /// manager, Sam Odell". The name is the source and the description its role. Read from
    /// token `i`, not past `end`; None unless a description comes first.
    pub fn described_name(&self, i: usize, end: usize) -> Option<Np> {
        let toks = self.toks;
        let limit = end.min(i + DESCRIPTION_WORDS + 4);
        let det = usize::from(
            toks.is_word(i) && matches!(toks.lower(i), "the" | "a" | "an" | "another" | "one"),
        );
        let mut k = i + det;
        let mut described = false;
        let mut desc_end = k;
        while k < limit {
            if let Some(mi) = self.index.starting_at(k) {
                let m = &self.names[mi];
                if m.toks.1 > end {
                    return None;
                }
                // A name that modifies the description goes on: "Rockets general manager".
                // Not a verb after it, though: "Trump attacked Clinton" is a clause.
                let title_after = toks.is_word(m.toks.1) && self.lex.is_title(toks.lower(m.toks.1));
                let modifier = (self.description_word(m.toks.1)
                    && (title_after || !self.verb_at(m.toks.1)))
                    || toks
                        .get(m.toks.1)
                        .is_some_and(|t| t.kind == Kind::Possessive);
                if modifier || m.kind == NameKind::Role {
                    described = true;
                    k = m.toks.1;
                    desc_end = k;
                    continue;
                }
                // "According to the results, Clinton increases her lead": a name set off by
                // a comma and followed by its verb starts a clause, not an appositive.
                let after_comma = k > 0 && toks.is_punct(k - 1, ",");
                if !described || (after_comma && self.verb_at(m.toks.1)) {
                    return None;
                }
                let mut np = self.name_np(mi);
                np.role = Some(self.span(i + det, desc_end));
                return Some(np);
            }
            toks.get(k)?;
            if k > i && toks.is_punct(k - 1, ",") && self.verb_at(k) {
                // After the appositive comma a description, not a verb's phrase: "the old
                // gentleman, patting Oliver" describes no Oliver.
                return None;
            }
            // "the city's parks manager", "utilities’ spokesperson": an owner's mark.
            let possessive = toks.is_possessive(k);
            if possessive || self.description_word(k) {
                described = described || !possessive;
                k += 1;
                desc_end = k;
            } else if self.description_adjective(k) {
                k += 1;
                desc_end = k;
            } else if described && toks.is_punct(k, ",") && k == desc_end {
                // The appositive comma before the name: "the parks manager, Sam Odell".
                k += 1;
            } else if described
                && toks.is_word(k)
                && matches!(toks.lower(k), "of" | "and" | "for")
                && self.description_word(k + 1)
            {
                // "oil and gas worker", "director of communications".
                k += 1;
            } else {
                return None;
            }
        }
        None
    }

    /// One past a run of names and descriptions from token `i` ("University of the Fraser
    /// Valley political scientist Hamish Telford"), not past `end`: where its verb should be.
    pub fn description_run_end(&self, i: usize, end: usize) -> usize {
        let toks = self.toks;
        let mut k = i;
        while k < end.min(i + 16) {
            if let Some(mi) = self.index.starting_at(k) {
                k = self.names[mi].toks.1;
            } else if k > i
                && toks.lower(k - 1) == "no"
                && toks.is_punct(k, ".")
                && toks.is_number(k + 1)
            {
                // "Fire District No. 2 chief Mark Aamodt": a body's number.
                k += 2;
            } else if k > i
                && toks.lower(k) == "no"
                && toks.is_punct(k + 1, ".")
                && toks.is_number(k + 2)
            {
                k += 3;
            } else if k > i && toks.is_number(k) && self.index.ending_at(k - 1).is_some() {
                // "District 7 engineer Kelly Baker".
                k += 1;
            } else if toks.is_possessive(k)
                || self.description_word(k)
                || (k > i
                    && toks.is_word(k)
                    && matches!(toks.lower(k), "of" | "and" | "the" | "for"))
            {
                k += 1;
            } else {
                break;
            }
        }
        k
    }

    /// The subject of a cue at token `cue`, read backwards, not before `start`.
    pub fn before(&self, cue: usize, start: usize) -> Option<Np> {
        let mut k = cue;
        // Adverbs and auxiliaries between subject and cue: "he also noted", "has said".
        loop {
            if k <= start {
                return None;
            }
            let w = self.toks.lower(k - 1);
            let quoted_as = k >= start + 2
                && w == "as"
                && self.toks.is_word(k - 2)
                && self.toks.lower(k - 2) == "quoted";
            // "Morgan was quoted by Rappler as saying": back past the one who quoted.
            let quoted_by = (w == "as")
                .then(|| {
                    (start.max(k.saturating_sub(QUOTED_BY_TOKENS))..k - 1)
                        .rev()
                        .find(|&x| {
                            self.toks.is_word(x + 1)
                                && self.toks.lower(x) == "quoted"
                                && self.toks.lower(x + 1) == "by"
                        })
                })
                .flatten();
            // "went on to say", and "went ahead to say" as some presses write it.
            let went_on_to = k >= start + 3
                && w == "to"
                && matches!(self.toks.lower(k - 2), "on" | "ahead")
                && matches!(
                    self.toks.lower(k - 3),
                    "go" | "goes" | "went" | "going" | "gone"
                );
            // "The company on Tuesday said", "The council in May said": a date between
            // subject and cue.
            // Not before a participle: "wrote to the minister in October asking" is hers.
            let dated = k >= start + 3
                && !self.toks.lower(cue).ends_with("ing")
                && self.toks.is_word(k - 1)
                && self.lex.is_time_word(w)
                && self.toks.is_word(k - 2)
                && matches!(
                    self.toks.lower(k - 2),
                    "on" | "in" | "last" | "this" | "early" | "late"
                );
            // "The ministry in a release late last night denied": a time of day or week.
            let relative_time = (k >= start + 3
                && matches!(
                    w,
                    "night" | "morning" | "afternoon" | "evening" | "week" | "weekend"
                )
                && matches!(self.toks.lower(k - 2), "last" | "this"))
            .then_some(2)
            .or_else(|| {
                (k >= start + 2 && matches!(w, "yesterday" | "today" | "tonight")).then_some(1)
            })
            .map(|n| {
                let early =
                    k >= start + n + 2 && matches!(self.toks.lower(k - n - 1), "late" | "early");
                n + usize::from(early)
            });
            if dated {
                k -= 2;
            } else if let Some(n) = relative_time.filter(|_| self.toks.is_word(k - 1)) {
                k -= n;
            } else if quoted_as {
                // "Vance was quoted as saying": the passive report of a source's words.
                k -= 2;
            } else if let Some(quoted) = quoted_by {
                k = quoted;
            } else if went_on_to {
                // "the advisory goes on to say", "Cole went on to add".
                k -= 3;
            } else if self.toks.is_word(k - 1) && ADVERBS.contains(&w) {
                k -= 1;
            } else if self.manner_adverb(k - 1)
                && !(k >= 2 && AUXILIARIES.contains(&self.toks.lower(k - 2)))
            {
                // "Trump jokingly said", not "had officially confirmed" or "was criminally
                // charged": a manner adverb right after the subject.
                k -= 1;
            } else {
                break;
            }
        }
        let mut last = k - 1;
        // "Gov. John Kasich (R-OH), said": a comma after the label.
        if self.toks.is_punct(last, ",")
            && last > start
            && self.label_open(last - 1, start).is_some()
        {
            k = last;
            last -= 1;
        }
        // "Sen. Ann Cole (D-Ore.) said": past a party and state label to the name.
        if let Some(open) = self.label_open(last, start) {
            k = open;
            last = open - 1;
        }
        if self.is_dash(last) {
            // A parenthetical between dashes: "The justice -- who has been in a scuffle
            // with the nominee -- said".
            let mut j = last;
            while j > start && self.is_dash(j - 1) {
                j -= 1;
            }
            let floor = start.max(j.saturating_sub(40));
            let open = (floor..j).rev().find(|&x| self.is_dash(x))?;
            let mut open_start = open;
            while open_start > start && self.is_dash(open_start - 1) {
                open_start -= 1;
            }
            return self.before_word(open_start, start);
        }
        if self.toks.is_punct(last, ",") {
            // An appositive or relative clause: "Peskov, press secretary for Putin, said",
            // "Hedge, who appraises golf courses for a brokerage firm, said".
            let mut j = last;
            let floor = start.max(last.saturating_sub(40));
            while j > floor {
                j -= 1;
                if self.toks.is_punct(j, ",") {
                    // A relative clause may hold commas of its own: "Buckley, who went to
                    // school there, played in the band and graduated in 2013, said".
                    if let Some(open) = self.relative_clause_open(floor, j) {
                        j = open;
                    }
                    // "The director of the centre, Ina Kirsch, said": the appositive names her.
                    if let Some(mi) = self.index.starting_at(j + 1) {
                        let m = &self.names[mi];
                        if m.toks.1 == last && m.kind != NameKind::Role {
                            let mut np = self.name_np(mi);
                            np.role = self.role_between(start, j);
                            return Some(np);
                        }
                    }
                    if let Some(np) = self.named_as(j + 1, last, start) {
                        return Some(np);
                    }
                    if let Some(np) = self.described_then_named(j + 1, last) {
                        return Some(np);
                    }
                    // "During the day, Trump attacked Clinton, saying": a name and then its
                    // verb between the commas make a clause, not an appositive.
                    if self.clause_between(j + 1, last) {
                        return None;
                    }
                    // "… in the ground, the minister said, adding": a tag between the
                    // commas, not an appositive ("Ann Roe, who also spoke, said" is one).
                    let relative = self.toks.is_word(j + 1)
                        && matches!(self.toks.lower(j + 1), "who" | "which" | "whose");
                    let tag = last > j + 2
                        && self.toks.is_word(last - 1)
                        && self.lex.cue(self.toks.lower(last - 1)).is_some();
                    if tag && !relative {
                        return None;
                    }
                    // "Sen. Dick Durbin (D-Ill.), noting …, said": past the label.
                    let subject_end = j
                        .checked_sub(1)
                        .and_then(|close| self.label_open(close, start))
                        .or_else(|| self.comma_label_open(j, start))
                        .unwrap_or(j);
                    // "One woman, who asked that her name not be used, said": one described.
                    let np = self.before_word(subject_end, start).or_else(|| {
                        self.group_before(subject_end, start)
                            .filter(|np| self.person_head(np.toks.1 - 1))
                    });
                    // "Jane Jones, 45, a mother of two, said": an age, then an appositive;
                    // the subject is before the age's comma.
                    let age = subject_end > start && self.toks.is_number(subject_end - 1);
                    let Some(mut np) = np else {
                        if age {
                            continue;
                        }
                        return None;
                    };
                    np.role = self.role_between(j + 1, last);
                    return Some(np);
                }
            }
            return None;
        }
        if let Some(np) = self.restrictive_relative(k, start) {
            return Some(np);
        }
        let Some(np) = self.before_word(k, start) else {
            // "the woman in the front row said": the words before the cue name a place, and
            // the described person stands before its preposition.
            let last = k
                .checked_sub(1)
                .filter(|&l| l >= start && self.toks.is_word(l))?;
            return self.person_in_place(self.phrase_start(last, start), start);
        };
        if let Some(subject) = self.subject_before_medium(&np, start) {
            return Some(subject);
        }
        if let Some(person) = self.affiliated_subject(&np, start) {
            return Some(person);
        }
        Some(
            self.person_before_preposition(np.toks.0, start)
                .unwrap_or(np),
        )
    }

    /// "Kelly Baker with District 7 of the state transportation department explained": a
    /// body, or a chain of two, after a preposition that ties it to the person named
    /// before it; that person is the subject.
    fn affiliated_subject(&self, np: &Np, start: usize) -> Option<Np> {
        let toks = self.toks;
        if matches!(np.kind, NpKind::Name(mi) if self.names[mi].personal()) {
            return None;
        }
        let mut a = np.toks.0;
        for _ in 0..2 {
            let mut p = a.checked_sub(1).filter(|&p| p > start)?;
            if toks.is_word(p) && toks.lower(p) == "the" {
                p = p.checked_sub(1).filter(|&p| p > start)?;
            }
            if !(toks.is_word(p) && matches!(toks.lower(p), "with" | "of" | "at" | "from")) {
                return None;
            }
            let mut x = p - 1;
            let numbered = toks.is_number(x);
            if numbered && x > start {
                x -= 1; // "District 7"
            }
            let mi = self.index.ending_at(x)?;
            let m = &self.names[mi];
            if m.toks.0 < start {
                return None;
            }
            if m.personal() && m.kind != NameKind::Role && !numbered {
                return Some(self.name_np(mi));
            }
            a = m.toks.0;
        }
        None
    }

    /// "The ministry in a release denied …": a document after "in" is how the subject
    /// spoke, not who; the subject stands before it.
    fn subject_before_medium(&self, np: &Np, start: usize) -> Option<Np> {
        let NpKind::Document(_) = np.kind else {
            return None;
        };
        let p = np.toks.0.checked_sub(1).filter(|&p| p > start)?;
        if !self.toks.is_word(p) || !matches!(self.toks.lower(p), "in" | "through" | "via") {
            return None;
        }
        self.before_word(p, start)
            .filter(|s| matches!(s.kind, NpKind::Name(_) | NpKind::Org(_) | NpKind::Role(_)))
    }

    /// The first token of the noun phrase ending at word `last`: back to a determiner, a
    /// stop word or five words.
    fn phrase_start(&self, last: usize, start: usize) -> usize {
        let mut a = last;
        while a > start && last - a < 5 {
            let mut p = a - 1;
            if self.adjective_comma(p, start, last) {
                // "the lanky, bespectacled professor": a comma between two adjectives.
                p -= 1;
            }
            if self.possessive_after_word(p, start) {
                // "Ryan’s office", "the ad’s narrator": the owner is part of the phrase.
                if let Some(mi) = self.index.ending_at(p - 1) {
                    a = self.names[mi].toks.0.max(start);
                    break;
                }
                a = p - 1;
                continue;
            }
            if !self.toks.is_word(p) {
                break;
            }
            let pw = self.toks.lower(p);
            if STOPS.contains(&pw) || self.lex.cue(pw).is_some() {
                break;
            }
            a = p;
            if DETERMINERS.contains(&pw) {
                break;
            }
        }
        a
    }

    /// Whether the noun at token `head` names a person: "a resident", "some officials",
    /// "the mayor", "a stallholder"; not "a report" or "a moment's debate".
    fn person_head(&self, head: usize) -> bool {
        let h = self.toks.lower(head);
        self.lex.is_person_noun(h)
            || self.lex.noun_gender(h).is_some()
            || (self.lex.is_vague_head(h) || self.lex.is_vague_singular(h))
                && !self.lex.is_document(h)
            || self.lex.is_title(h)
            || self.agent_noun(head)
    }

    /// A noun for one who does something, by its ending ("stallholder", "commentator",
    /// "florist"), not read as a verb or an adverb on its own, and neither a document nor a
    /// body ("a letter").
    fn agent_noun(&self, k: usize) -> bool {
        let w = self.toks.lower(k);
        AGENT_ENDINGS
            .iter()
            .any(|e| w.len() > e.len() + 3 && w.ends_with(e))
            && !self.lex.is_document(w)
            && !self.lex.is_org_word(w)
            && !matches!(
                self.toks.tags(k..k + 1)[0],
                Upos::Verb | Upos::Aux | Upos::Adv
            )
    }

    /// "A security expert who spoke to the Tribune on Tuesday said": a relative clause
    /// with no commas between a subject and its cue at `k`; the subject is before "who".
    fn restrictive_relative(&self, k: usize, start: usize) -> Option<Np> {
        let toks = self.toks;
        let floor = start.max(k.saturating_sub(RELATIVE_TOKENS));
        let who = (floor..k.checked_sub(1)?)
            .rev()
            .take_while(|&x| toks.is_word(x) || toks.is_possessive(x))
            .find(|&x| toks.lower(x) == "who")?;
        // A verb of the clause's own, not an auxiliary of the cue ("who had spoken"), read
        // after "who" ("who lives near the park": "lives" alone reads as a noun).
        let verb = toks.tags(who..k)[1..].contains(&Upos::Verb);
        if who <= start || !verb {
            return None;
        }
        self.before(who, start)
    }

    /// A plural of people by its singular: "tenants", "organisers", "workers".
    fn plural_person(&self, h: &str) -> bool {
        let singular = h.strip_suffix('s').filter(|w| !w.ends_with('s'));
        singular.is_some_and(|w| {
            self.lex.is_person_noun(w)
                || self.lex.noun_gender(w).is_some()
                || AGENT_ENDINGS
                    .iter()
                    .any(|e| w.len() >= e.len() + 3 && w.ends_with(e))
        })
    }

    /// "the woman in the front row", "a man beside her": a described person before a
    /// preposition of place that opens the phrase at `a`. Not "of", which joins the words
    /// of one phrase ("a number of readers", "some of the candidates").
    pub fn person_in_place(&self, a: usize, start: usize) -> Option<Np> {
        let p = a
            .checked_sub(1)
            .filter(|&p| p > start && self.toks.is_word(p))?;
        if self.toks.lower(p) == "of" {
            return None;
        }
        // A person by the lexicon, not by a noun's ending: "descended an escalator at
        // Trump Tower … to declare" is no escalator's report.
        let np = self.person_before_preposition(a, start)?;
        let h = self.toks.lower(np.toks.1 - 1);
        let person = self.lex.is_person_noun(h)
            || self.lex.noun_gender(h).is_some()
            || self.lex.is_title(h)
            || self.lex.is_vague_head(h)
            || self.lex.is_vague_singular(h);
        person.then_some(np)
    }

    /// "A woman on Auckland’s North Shore says", "A woman in the north of the city said":
    /// the phrase starting at `a` is the object of a preposition (of one or two more) after
    /// a described person, who is the subject.
    fn person_before_preposition(&self, mut a: usize, start: usize) -> Option<Np> {
        let toks = self.toks;
        for _ in 0..PREPOSITION_HOPS {
            let mut p = a.checked_sub(1)?;
            if p > start && toks.is_possessive(p) {
                // "on Auckland’s North Shore": past the owner.
                p = self
                    .index
                    .ending_at(p - 1)
                    .map_or(p - 1, |mi| self.names[mi].toks.0);
                p = p.checked_sub(1)?;
            }
            if p > start && toks.is_word(p) && toks.lower(p) == "the" {
                p -= 1;
            }
            let joins = toks.is_word(p) && PLACE_PREPOSITIONS.contains(&toks.lower(p));
            if p <= start || !joins || !toks.is_word(p - 1) {
                return None;
            }
            let head = p - 1;
            // "Residents on Turtle Drive say": a bare plural that opens its sentence, the
            // one capitalised head.
            let bare_plural = head == start
                && toks.lower(head).ends_with('s')
                && (self.person_head(head) || self.plural_person(toks.lower(head)));
            if let Some(mi) = self.index.ending_at(head).filter(|_| !bare_plural) {
                // "Residents on Turtle Drive in Millbrook": past a place's name to the next
                // preposition.
                match self.names[mi].toks.0 {
                    s0 if s0 > start + 1 => {
                        a = s0;
                        continue;
                    }
                    _ => return None,
                }
            }
            if toks.toks[head].cap && !bare_plural {
                return None;
            }
            let det = (start.max(head.saturating_sub(3))..=head)
                .rev()
                .take_while(|&x| toks.is_word(x) && !STOPS.contains(&toks.lower(x)))
                .find(|&x| DETERMINERS.contains(&toks.lower(x)))
                .or(bare_plural.then_some(head))?;
            if !(self.person_head(head) || bare_plural) {
                a = det;
                continue;
            }
            if let Some(np) = self.described(det, head) {
                return Some(np);
            }
            if bare_plural {
                return Some(self.np(NpKind::Source(ActorKind::Group), head, head + 1));
            }
            return ONE_OF
                .contains(&toks.lower(det))
                .then(|| self.np(NpKind::Source(ActorKind::Anonymous), det, head + 1));
        }
        None
    }

    /// The "(" of a party and state label closed by the ")" at `close` ("(D-Ore.)"), after
    /// `start` and at most [`LABEL_TOKENS`] back.
    fn label_open(&self, close: usize, start: usize) -> Option<usize> {
        if !self.toks.is_punct(close, ")") {
            return None;
        }
        let floor = start.max(close.saturating_sub(LABEL_TOKENS));
        (floor..close)
            .rev()
            .find(|&x| self.toks.is_punct(x, "("))
            .filter(|&open| open > start)
    }

    /// The comma before a party and state label set off by commas and ending at comma `j`
    /// ("Sen. Laura Whitfield, D-Ore., the bill's sponsor, said").
    fn comma_label_open(&self, j: usize, start: usize) -> Option<usize> {
        let floor = start.max(j.saturating_sub(LABEL_TOKENS));
        let open = (floor..j).rev().find(|&x| self.toks.is_punct(x, ","))?;
        let label = &self.toks.text[self.toks.toks[open].span.end..self.toks.toks[j].span.start];
        let label = label.trim();
        let mut chars = label.chars();
        let party = matches!(chars.next(), Some('D' | 'R' | 'I'))
            && chars.next() == Some('-')
            && chars.next().is_some_and(|c| c.is_ascii_uppercase())
            && label
                .chars()
                .all(|c| c.is_ascii_alphabetic() || matches!(c, '-' | '.' | ' '));
        (party && open > start).then_some(open)
    }

    /// A lower-case "-ly" word the tagger reads as an adverb ("Trump jokingly said"), not a
    /// noun or an adjective ("the family said", "an early report said").
    pub fn manner_adverb(&self, k: usize) -> bool {
        let toks = self.toks;
        let w = toks.lower(k);
        if toks.toks[k].cap || w.len() < 5 || !w.ends_with("ly") {
            return false;
        }
        let from = k.saturating_sub(2);
        toks.tags(from..k + 2).get(k - from) == Some(&Upos::Adv)
    }

    /// Whether tokens `a..b` open with a name followed right away by a verb ("Trump
    /// attacked Clinton"): a clause of its own, where an appositive ("press secretary for
    /// Putin", "who appraises golf courses", "wearing a hat") would stand.
    fn clause_between(&self, a: usize, b: usize) -> bool {
        let Some(mi) = self.index.starting_at(a) else {
            return false;
        };
        let next = self.names[mi].toks.1;
        if next >= b || !self.toks.is_word(next) || self.toks.toks[next].cap {
            return false;
        }
        let w = self.toks.lower(next);
        if w.ends_with("ing") || self.lex.cue(w).is_some() {
            return false;
        }
        let tags = self.toks.tags(a..(next + 2).min(b));
        tags.get(next - a) == Some(&Upos::Verb)
    }

    /// The comma opening a relative clause (", who" / ", whose") at or before comma `j` and
    /// after `floor`, when one stands there and no sentence ends between.
    fn relative_clause_open(&self, floor: usize, j: usize) -> Option<usize> {
        let mut c = j;
        loop {
            if self.toks.is_word(c + 1) && matches!(self.toks.lower(c + 1), "who" | "whose") {
                return Some(c);
            }
            c = (floor..c)
                .rev()
                .find(|&x| self.toks.is_punct(x, ",") || self.toks.is_sentence_end(x))?;
            if !self.toks.is_punct(c, ",") {
                return None;
            }
        }
    }

    /// "Another member, councillor Ada Lum, said", "One resident, retired teacher Bea Moss,
    /// said": an appositive of lower-case words and a name, tokens `a..b`, names the
    /// subject, the words its role.
    fn described_then_named(&self, a: usize, b: usize) -> Option<Np> {
        let toks = self.toks;
        let mi = self.index.ending_at(b.checked_sub(1)?)?;
        let m = &self.names[mi];
        let described = m.toks.0 > a
            && m.toks.0 - a <= DESCRIPTION_WORDS
            && m.kind != NameKind::Role
            && m.kind != NameKind::Organisation
            && (a..m.toks.0).all(|k| toks.is_word(k) && !toks.toks[k].cap);
        // Nouns, adjectives and participles only: not "a spokesman for Hillary Clinton".
        let descriptive = || {
            let tags = self.toks.tags(a..m.toks.0 + 1);
            (a..m.toks.0).zip(tags).all(|(k, t)| {
                matches!(t, Upos::Noun | Upos::Adj)
                    || t == Upos::Verb && toks.lower(k).ends_with("ed")
            })
        };
        if !described || !descriptive() {
            return None;
        }
        let mut np = self.name_np(mi);
        np.role = Some(self.span(a, m.toks.0));
        Some(np)
    }

    /// "A store owner, who identified himself as Patel, said", "a woman, who gave her name
    /// only as Maria, said": a relative clause `a..b` that names the person described before
    /// it, ending on the name after "as". The description before `a` is the role.
    fn named_as(&self, a: usize, b: usize, start: usize) -> Option<Np> {
        let toks = self.toks;
        if !(toks.is_word(a) && toks.lower(a) == "who") {
            return None;
        }
        let mi = self.index.ending_at(b.checked_sub(1)?)?;
        let m = &self.names[mi];
        let as_at = m.toks.0.checked_sub(1)?;
        let naming = |k: usize| {
            toks.is_word(k)
                && matches!(
                    toks.lower(k),
                    "identified" | "identifies" | "named" | "known" | "called" | "name" | "goes"
                )
        };
        if as_at <= a || !(toks.is_word(as_at) && toks.lower(as_at) == "as") {
            return None;
        }
        if m.kind == NameKind::Role || !(a + 1..as_at).any(naming) {
            return None;
        }
        let mut np = self.name_np(mi);
        // The description: lower-case words back from the comma to its article.
        let e = a - 1;
        let mut d = e;
        while d > start && e - d < DESCRIPTION_WORDS && toks.is_word(d - 1) {
            let w = toks.lower(d - 1);
            if matches!(w, "a" | "an" | "the") {
                break;
            }
            if toks.toks[d - 1].cap && d - 1 != start {
                return Some(np);
            }
            d -= 1;
        }
        np.role = (d < e).then(|| self.span(d, e));
        Some(np)
    }

    /// Tokens `a..b` as a role, when they hold a title word: "press secretary for the Kremlin",
    /// "a Democrat from Texas" does not.
    pub fn role_between(&self, a: usize, b: usize) -> Option<Span> {
        if a >= b || b - a > 12 {
            return None;
        }
        let titled = (a..b).any(|k| self.toks.is_word(k) && self.lex.is_title(self.toks.lower(k)));
        let mut a = a;
        while a < b && self.toks.is_word(a) && matches!(self.toks.lower(a), "a" | "an" | "the") {
            a += 1;
        }
        (titled && a < b).then(|| self.span(a, b))
    }

    /// A group described but not named, read back from a cue: "organizers", "21 percent of
    /// voters", "Sanders's top advisers". Only for reported speech, where any subject reports.
    pub fn group_before(&self, cue: usize, start: usize) -> Option<Np> {
        let toks = self.toks;
        let mut k = cue;
        while k > start && toks.is_word(k - 1) && ADVERBS.contains(&toks.lower(k - 1)) {
            k -= 1;
        }
        let last = k.checked_sub(1).filter(|&l| l >= start)?;
        if toks.is_punct(last, "%") && last > start && toks.is_word(last - 1) {
            // "26% say": the share is the group.
            let share = self.np(NpKind::Source(ActorKind::Group), last - 1, last + 1);
            return toks
                .lower(last - 1)
                .starts_with(|c: char| c.is_ascii_digit())
                .then_some(share);
        }
        if !toks.is_word(last) {
            return None;
        }
        let head = toks.lower(last);
        if WHAT_WAS_SAID.contains(&head) {
            return None;
        }
        let plural = head.len() > 3
            && head.ends_with('s')
            && !head.ends_with("ss")
            && !head.ends_with("us")
            && !head.ends_with("is")
            && !toks.toks[last].cap;
        let nounish = !self.lex.is_common(head)
            && self.lex.report_cue(head).is_none()
            && self.lex.pronoun(head).is_none()
            && !self.lex.is_body_part(head)
            && !head.ends_with("ly")
            && !STOPS.contains(&head);
        if !nounish {
            return None;
        }
        // Back over the phrase's words, through "of" and possessives, to a determiner.
        let mut a = last;
        while a > start && last - a < 7 {
            let p = a - 1;
            let possessive = toks.toks[p].kind == super::tokens::Kind::Possessive;
            if !toks.is_word(p) && !possessive {
                break;
            }
            let pw = toks.lower(p);
            if !possessive
                && pw != "of"
                && (STOPS.contains(&pw) || self.lex.report_cue(pw).is_some())
            {
                break;
            }
            if self.lex.pronoun(pw).is_some() && !matches!(pw, "his" | "her" | "their" | "its") {
                break;
            }
            a = p;
            if DETERMINERS.contains(&pw) {
                break;
            }
        }
        if toks.is_word(a) && toks.lower(a) == "of" {
            a += 1;
        }
        if a > start && toks.is_word(a - 1) && matches!(toks.lower(a - 1), "that" | "this") {
            // "That person said": one the text has just described.
            a -= 1;
        }
        // One person described: "one California delegate", "a longtime donor"; or one
        // the reader knows: "his brother", "the candidate's former doctor".
        let det = if toks.is_word(a) { toks.lower(a) } else { "" };
        let singular = !plural && !GROUP_HEADS.contains(&head);
        if singular
            && matches!(
                det,
                "his" | "her" | "their" | "its" | "the" | "that" | "this"
            )
        {
            return Some(self.np(NpKind::Role(vec![head.to_string()]), a, last + 1));
        }
        let single = singular && ONE_OF.contains(&det);
        if singular && !single {
            return None;
        }
        Some(Np {
            role: None,
            kind: NpKind::Source(if single {
                ActorKind::Anonymous
            } else {
                ActorKind::Group
            }),
            span: self.span(a, last + 1),
            toks: (a, last + 1),
        })
    }

    /// Whether the comma at `p` parts two adjectives of one description ending at `last`
    /// ("the soft-spoken, 64-year-old engineer"), by their tags or their shape.
    fn adjective_comma(&self, p: usize, start: usize, last: usize) -> bool {
        let toks = self.toks;
        if p < start + 2 || !toks.is_punct(p, ",") || !toks.is_word(p - 1) || !toks.is_word(p + 1) {
            return false;
        }
        if toks.toks[p - 1].cap || !DETERMINERS.contains(&toks.lower(p - 2)) {
            return false;
        }
        let from = p - 2;
        let tags = toks.tags(from..last + 1);
        let at = |k: usize| tags[k - from];
        // The tagger often reads an adjective before a comma as a noun ("the lanky ,"), so
        // the shape of the word counts too.
        let adjective = |k: usize| {
            let w = toks.lower(k);
            at(k) == Upos::Adj
                || w.contains('-')
                || ADJECTIVE_ENDINGS
                    .iter()
                    .any(|e| w.len() > e.len() + 2 && w.ends_with(e))
        };
        p + 1 < last && adjective(p - 1) && adjective(p + 1) && at(last) == Upos::Noun
    }

    pub fn is_dash(&self, i: usize) -> bool {
        ["—", "–", "―", "-", "--"]
            .iter()
            .any(|d| self.toks.is_punct(i, d))
    }

    /// The name mention that ends at token `last`, as a source phrase.
    pub fn name_ending_at(&self, last: usize) -> Option<Np> {
        let mi = self.index.ending_at(last)?;
        (self.names[mi].kind != NameKind::Role).then(|| self.name_np(mi))
    }

    /// "Sanders, who said …": the relative pronoun at `who` stands for the name before it;
    /// "the Water Department, which said": "which" for a body's, after its comma.
    fn relative(&self, who: usize, start: usize) -> Option<Np> {
        let mut p = who.checked_sub(1)?;
        let comma = self.toks.is_punct(p, ",");
        if comma && p > start {
            p -= 1;
        }
        let body = self.toks.lower(who) == "which";
        if body && !comma {
            return None;
        }
        let Some(mi) = self.index.ending_at(p) else {
            let np = self.described_before_relative(p, start)?;
            return (!body || self.lex.is_org_word(self.toks.lower(p))).then_some(np);
        };
        let kind = self.names[mi].kind;
        if kind == NameKind::Role
            || self.names[mi].toks.0 < start
            || body && kind != NameKind::Organisation
        {
            return None;
        }
        Some(self.np(NpKind::Name(mi), who, who + 1))
    }

    /// "shut by the previous tenants who said …": a described person or body ending at
    /// token `head`, back to its determiner over a few lower-case words.
    fn described_before_relative(&self, head: usize, start: usize) -> Option<Np> {
        let toks = self.toks;
        if !toks.is_word(head) || toks.toks[head].cap {
            return None;
        }
        let h = toks.lower(head);
        let plural_person = self.plural_person(h);
        if !(self.person_head(head) || plural_person || self.lex.is_org_word(h)) {
            return None;
        }
        let a = (head.saturating_sub(4).max(start)..head)
            .rev()
            .take_while(|&k| {
                toks.is_word(k) && !toks.toks[k].cap && !STOPS.contains(&toks.lower(k))
            })
            .find(|&k| {
                POSSESSIVES_AND_THE.contains(&toks.lower(k)) || ONE_OF.contains(&toks.lower(k))
            })?;
        let before = a
            .checked_sub(1)
            .filter(|&b| toks.is_word(b))
            .map(|b| toks.lower(b));
        if a > 0 && toks.is_punct(a - 1, ",")
            || before.is_some_and(|w| {
                matches!(w, "as" | "is" | "was" | "are" | "were" | "be")
                    || self.lex.tag_cue(w).is_some()
            })
        {
            // An appositive ("Tatiana Stanovaya, an independent political expert who writes
            // …"), a predicate ("portraying Cruz as a politician who will say …", "This is a
            // man who said …"): it describes someone named, whose clause it is not. After
            // a cue, the source's own ("said one analyst who asked not to be named").
            return None;
        }
        if ONE_OF.contains(&toks.lower(a)) && !self.lex.is_org_word(h) {
            // "a local trader, who said": someone unnamed, as after a cue.
            return Some(self.np(NpKind::Source(ActorKind::Anonymous), a, head + 1));
        }
        self.described(a, head)
    }

    /// "Tim Guest with the Nova Scotia Health Authority says", "Kathy from Granite Falls
    /// said", "Tod in Mill Creek told": the name before the verb is the object of a
    /// preposition; the name before that is the subject, a single word too.
    pub fn affiliated_person(&self, mi: usize, start: usize) -> Option<Np> {
        let toks = self.toks;
        let mut p = self.names[mi].toks.0.checked_sub(1)?;
        if toks.is_word(p) && toks.lower(p) == "the" {
            p = p.checked_sub(1)?;
        }
        if p <= start
            || !(toks.is_word(p) && matches!(toks.lower(p), "with" | "of" | "at" | "from" | "in"))
        {
            return None;
        }
        let person = self.index.ending_at(p - 1)?;
        let m = &self.names[person];
        (m.toks.0 >= start && m.kind != NameKind::Role).then(|| self.name_np(person))
    }

    /// The phrase ending right before token `k`.
    fn before_word(&self, k: usize, start: usize) -> Option<Np> {
        // "Praful S., who commutes …, said": a name that ends in an initial's stop (not a
        // state's: "Kansas City, Mo., and …").
        let initial_stop = k > start + 1
            && self.toks.is_punct(k - 1, ".")
            && is_abbreviation_dot(self.toks, k - 1, self.lex)
            && (self.toks.str(k - 2).chars().count() == 1
                || matches!(self.toks.lower(k - 2), "jr" | "sr"))
            && self.index.ending_at(k - 2).is_some();
        let k = if initial_stop { k - 1 } else { k };
        if k <= start || !self.toks.is_word(k - 1) {
            return None;
        }
        let last = k - 1;
        if self.lex.is_vague_head(self.toks.lower(last))
            && (last == start || !self.toks.toks[last - 1].cap)
        {
            return self.described(last, last);
        }
        if let Some(mi) = self.index.ending_at(last) {
            if self.names[mi].toks.0 >= start {
                return Some(
                    self.affiliated_person(mi, start)
                        .unwrap_or_else(|| self.name_np(mi)),
                );
            }
        }
        let w = self.toks.lower(last);
        if w == "who" || w == "which" {
            return self.relative(last, start);
        }
        if self.lex.pronoun(w).is_some() {
            return self.subject_pronoun(last);
        }
        let a = self.phrase_start(last, start);
        // The longest unnamed-source phrase ending at `last` ("people familiar with ...").
        for s in a..=last {
            if let Some(np) = self.source_at(s, last + 1) {
                if np.toks.1 == last + 1 {
                    return Some(np);
                }
            }
        }
        self.described(a, last)
    }
}

/// Words of a description before a name, at most ("longtime union organiser").
const DESCRIPTION_WORDS: usize = 6;

/// Tokens at most from "quoted" to "as" in "was quoted by the Irish Times as saying".
pub const QUOTED_BY_TOKENS: usize = 8;

/// Verbs that show a phrase is a clause ("the bill would fail"), not a described person.
const AUXILIARIES: &[&str] = &[
    "would", "will", "could", "can", "should", "may", "might", "must", "is", "was", "are", "were",
    "has", "have", "had", "did", "does", "do", "be", "been",
];

/// Heads of a group that are not plural in form: "21 percent", "a majority of voters".
const GROUP_HEADS: &[&str] = &[
    "percent",
    "majority",
    "minority",
    "half",
    "third",
    "quarter",
    "side",
    "public",
    "electorate",
    "staff",
    "team",
    "campaign",
    "panel",
    "committee",
    "crowd",
    "audience",
];

/// Words between a subject and its cue.
const ADVERBS: &[&str] = &[
    "not",
    "never",
    "did",
    "does",
    "do",
    "didn't",
    "doesn't",
    "don't",
    "still",
    "long",
    "been",
    "also",
    "even",
    "later",
    "then",
    "further",
    "again",
    "previously",
    "repeatedly",
    "recently",
    "earlier",
    "once",
    "often",
    "always",
    "sometimes",
    "usually",
    "has",
    "had",
    "have",
    "was",
    "is",
    "were",
    "would",
    "will",
    "subsequently",
    "finally",
    "simply",
    "quickly",
    "quietly",
    "softly",
    "angrily",
    "sharply",
    "flatly",
    "only",
    "just",
    "now",
    "first",
    "publicly",
    "privately",
    "separately",
    "directly",
    "bluntly",
    "frankly",
    "openly",
    "gently",
    "coldly",
    "calmly",
    "firmly",
    "eagerly",
    "hastily",
    "slowly",
    "presently",
    "immediately",
    "thus",
    // "Volunteers there said"
    "there",
];

/// Lower-cased role words of a role-only name ("Secretary of Defense" -> secretary, defense).
pub fn role_words(name: &[String]) -> Vec<String> {
    name.iter()
        .map(|w| w.to_lowercase())
        .filter(|w| !matches!(w.as_str(), "of" | "the" | "for" | "and"))
        .collect()
}
