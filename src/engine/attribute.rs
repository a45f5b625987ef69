//! Who said each quote.
//!
//! Pass one (here) reads each quote's own sentence: a cue after it ("…,” added Ryder), before it
//! (Ryder said in a statement that “…”), or around it; and every cue outside quotes, so that
//! reported speech sets the context that pronouns and continuations draw on. Pass two
//! (`conventions.rs`) gives
//! the quotes left without a cue a speaker by convention: news continues the last speaker,
//! fiction alternates the turns of a conversation.

mod antecedent;
mod colon;
mod headline;
mod issued;
mod main_clause;
mod pull_quote;
mod signature;
mod words_of;

pub use pull_quote::PullQuote;

use super::actors::ActorTable;
use super::lexicon::is_age;
use super::lexicon::{self, PronounRef};
use super::model::{ActorId, ActorKind, Cue, Gender, MentionForm, Method, Mode, Options, Span};
use super::names::NameKind;
use super::phrases::{Np, NpKind, Phrases, QUOTED_BY_TOKENS};
use super::quotes::RawQuote;
use super::sentences::{self, AtQuotes};
use super::tagger::Upos;
use super::tokens::{Kind, Tokens};

/// One quote's attribution as found.
#[derive(Debug, Clone)]
pub struct Found {
    pub speaker: Option<ActorId>,
    pub mention: Option<Span>,
    pub cue: Option<Cue>,
    pub method: Method,
    /// The cue stands right next to the quote (a short quote with one is speech, not a term).
    pub adjacent: bool,
    /// With no speaker: who it could be (see `Quote::candidates`).
    pub candidates: Vec<ActorId>,
}

impl Found {
    fn none() -> Found {
        Found {
            speaker: None,
            mention: None,
            cue: None,
            method: Method::None,
            adjacent: false,
            candidates: Vec::new(),
        }
    }
}

/// Speech reported outside quotation marks: a cue and its resolved source.
#[derive(Debug, Clone)]
pub struct SpeechEvent {
    pub cue_tok: usize,
    /// Tokens in the cue: 1, or more for "according to".
    pub cue_len: usize,
    pub speaker: ActorId,
    pub mention: Span,
    /// The source phrase's first and one-past-last token.
    pub np_toks: (usize, usize),
    pub method: Method,
    pub para: u32,
}

pub struct Attributor<'a, 't> {
    pub ph: Phrases<'a, 't>,
    pub table: ActorTable,
    /// The actor of each name mention (None for roles).
    pub name_actor: Vec<Option<ActorId>>,
    pub mode: Mode,
    pub opts: &'a Options,
    last_speaker: Option<ActorId>,
    /// Fiction: the latest man and woman to speak, for a pronoun whose antecedent has gone
    /// out of sight in a long exchange ("he replied" after a page of quotes).
    last_by_gender: [Option<ActorId>; 2],
    pub events: Vec<SpeechEvent>,
    /// News: reports that do not set the conversation's context (beliefs and findings,
    /// groups, headlines), so conventions never continue them.
    pub reports: Vec<SpeechEvent>,
    /// News: reported speech whose pronoun source could not be resolved ("He said …").
    pub unresolved: Vec<SpeechEvent>,
    /// The actor "I" stands for outside quotes (the narrator, the author): never a "he" or
    /// "she".
    pub writer: Option<ActorId>,
}

/// Capitalised words before a title that say a side, not a place: "the Independent
/// councillor" is still the one councillor of the story.
const AFFILIATIONS: &[&str] = &[
    "independent",
    "republican",
    "democratic",
    "democrat",
    "labour",
    "conservative",
    "liberal",
    "green",
    "progressive",
    "former",
    "veteran",
    "local",
];

/// Report verbs of belief, intention, perception and finding: a reported clause of their
/// own only after "that" ("Germany saw a significant cut" and "Woods found a good number"
/// report nothing; "the survey found that …" does).
const THAT_ONLY: &[&str] = &[
    "think", "know", "doubt", "suspect", "hope", "expect", "realize", "want", "plan", "see", "find",
];

/// Words before a participle that make it describe the noun after it ("the following
/// written statement", "a stated aim").
const ATTRIBUTIVE_BEFORE: &[&str] = &[
    "a",
    "an",
    "the",
    "following",
    "his",
    "her",
    "its",
    "their",
    "this",
    "that",
];

/// Whether a phrase names its owner ("Ryan’s office", "the union's lawyer").
fn possessed(phrase: &str) -> bool {
    ["’s ", "'s ", "s’ ", "s' "]
        .iter()
        .any(|p| phrase.contains(p))
}

/// A word in capitals ("SAID" in a heading) is no cue.
fn shouted(word: &str) -> bool {
    word.len() > 1 && word.chars().all(|c| !c.is_lowercase())
}

/// Where a quote sits among the tokens: its first token and the first token after it.
#[derive(Debug, Clone, Copy)]
struct Place {
    first: usize,
    after: usize,
}

impl<'a, 't> Attributor<'a, 't> {
    pub fn new(
        ph: Phrases<'a, 't>,
        table: ActorTable,
        name_actor: Vec<Option<ActorId>>,
        mode: Mode,
        opts: &'a Options,
    ) -> Self {
        Attributor {
            ph,
            table,
            name_actor,
            mode,
            opts,
            last_speaker: None,
            last_by_gender: [None; 2],
            events: Vec::new(),
            reports: Vec::new(),
            unresolved: Vec::new(),
            writer: None,
        }
    }

    fn toks(&self) -> &Tokens<'t> {
        self.ph.toks
    }

    fn cue_lemma(&self, i: usize, tag_ok: bool) -> Option<&'static str> {
        let toks = self.toks();
        if !toks.is_word(i) {
            return None;
        }
        if shouted(toks.str(i)) {
            return None;
        }
        let w = toks.lower(i);
        let lex = self.ph.lex;
        // "“…,” Read said": a capitalised word before the cue is its speaker's name.
        let name_before_cue = toks.toks[i].cap
            && toks.is_word(i + 1)
            && !toks.toks[i + 1].cap
            && lex.cue(toks.lower(i + 1)).is_some();
        if name_before_cue {
            return None;
        }
        let hit = if tag_ok { lex.tag_cue(w) } else { lex.cue(w) };
        hit.or_else(|| {
            self.opts
                .extra_cues
                .iter()
                .any(|c| c == w)
                .then_some("custom")
        })
    }

    /// A cue of several words at token `i` with nothing but separators after it up to the
    /// quote at `quote` ("put it, “…"): its length in tokens.
    fn phrasal_cue_at(&self, i: usize, quote: usize) -> Option<usize> {
        let toks = self.toks();
        self.ph.lex.phrasal_cues.iter().find_map(|phrase| {
            let n = phrase.len();
            let next_to_quote = i + n <= quote && (i + n..quote).all(|x| toks.is_separator(x));
            (next_to_quote && self.words_at(i, phrase)).then_some(n)
        })
    }

    /// "according to" (or another source-first cue) at token `i`: its length in tokens.
    fn according_at(&self, i: usize) -> Option<usize> {
        self.ph
            .lex
            .source_first
            .iter()
            .find_map(|phrase| self.words_at(i, phrase).then_some(phrase.len()))
    }

    /// Whether the words from token `i` on are `phrase`'s, lower-cased.
    fn words_at(&self, i: usize, phrase: &[&str]) -> bool {
        let toks = self.toks();
        phrase
            .iter()
            .enumerate()
            .all(|(k, w)| toks.is_word(i + k) && toks.lower(i + k) == *w)
    }

    fn cue_at(&self, i: usize) -> Cue {
        let span = self.toks().toks[i].span;
        Cue {
            span,
            text: span.slice(self.toks().text).to_string(),
        }
    }

    fn cue_span(&self, i: usize, n: usize) -> Cue {
        let toks = self.toks();
        let span = Span::new(toks.toks[i].span.start, toks.toks[i + n - 1].span.end);
        Cue {
            span,
            text: span.slice(toks.text).to_string(),
        }
    }

    /// The first token of the sentence holding token `i`, stopping at quotes and paragraphs.
    fn sentence_start(&self, i: usize, limit: usize) -> usize {
        let toks = self.toks();
        let mut para = toks.toks[i].para;
        // A paragraph ending in a colon or comma introduces the quote opening the next one.
        if i > 0
            && toks.toks[i - 1].para + 1 == para
            && (toks.is_punct(i - 1, ":") || toks.is_punct(i - 1, ","))
        {
            para -= 1;
        }
        sentences::start(toks, self.ph.lex, i, para, limit, AtQuotes::Stop)
    }

    fn sentence_end(&self, i: usize, limit: usize) -> usize {
        sentences::end(self.toks(), self.ph.lex, i, limit, AtQuotes::Stop)
    }

    /// News: "Veteran singer Bruce Allan praised the debrief. “…,” the Tenterfield local
    /// said.": a definite description that names no title, no body and no one before is
    /// the person the narration just before is about, when gender agrees ("the mother").
    fn description_of_narrated(&self, np: &Np, words: &[String]) -> Option<ActorId> {
        let toks = self.toks();
        let lex = self.ph.lex;
        let definite = toks.is_word(np.toks.0) && toks.lower(np.toks.0) == "the";
        let head = words.last()?;
        let plain = |w: &String| !(lex.is_title(w) || lex.is_org_word(w) || lex.is_voice(w));
        if self.mode != Mode::News || !definite || !words.iter().all(plain) {
            return None;
        }
        // "the 40-year-old housewife": an age makes any head a person.
        let aged = (np.toks.0..np.toks.1).any(|k| toks.is_word(k) && is_age(toks.lower(k)));
        if !(aged || lex.is_person_noun(head)) {
            return None;
        }
        self.narrated_person(np.toks.0, lex.noun_gender(head))
            .filter(|&id| self.table.kind(id) == ActorKind::Person)
    }

    /// "Hecking … labelled the goal a “scheiss-tor”. “…,” the former Nurnberg coach said.":
    /// a title that no one holds here, told apart by an epithet ("former", "veteran", an
    /// age), is the person the narration just before is about.
    fn epithet_of_narrated(&self, np: &Np) -> Option<ActorId> {
        let toks = self.toks();
        let (a, b) = np.toks;
        let definite = toks.is_word(a) && toks.lower(a) == "the";
        if self.mode != Mode::News || !definite || b < a + 3 {
            return None;
        }
        // Not a party or a state ("the Florida senator"): in politics that is often someone
        // other than the one just named.
        let epithet = (a + 1..b - 1).any(|k| {
            toks.is_word(k) && matches!(toks.lower(k), "former" | "veteran")
                || is_age(toks.lower(k))
        });
        let titled = toks.is_word(b - 1) && self.ph.lex.is_title(toks.lower(b - 1));
        if !(epithet && titled) {
            return None;
        }
        self.narrated_person(a, None)
            .filter(|&id| self.table.kind(id) == ActorKind::Person)
    }

    /// The headline's name ("Van Dijk") was clustered alone before the story below named the
    /// person in full: it is that person, in the outline and for every later mention.
    fn absorb_headline_name(&mut self, mention: Span, id: ActorId) {
        let first = self.toks().at_or_after(mention.start);
        let Some(mi) = self.ph.index.starting_at(first) else {
            return;
        };
        let Some(from) = self.name_actor[mi].filter(|&from| from != id) else {
            return;
        };
        self.table.absorb(from, id);
        for slot in self.name_actor.iter_mut().filter(|a| **a == Some(from)) {
            *slot = Some(id);
        }
    }

    /// Resolve a phrase to an actor at byte position `at`.
    fn resolve(&mut self, np: &Np, at: usize) -> Option<(ActorId, Method)> {
        self.resolve_with(np, at, false)
    }

    /// `continuing`: the cue says the speaker goes on ("he continued", "she added"), so a
    /// pronoun prefers the last speaker.
    fn resolve_with(&mut self, np: &Np, at: usize, continuing: bool) -> Option<(ActorId, Method)> {
        let (id, method) = match &np.kind {
            NpKind::Name(mi) => {
                let id = self.name_actor[*mi]?;
                let kind = match self.ph.names[*mi].kind {
                    NameKind::Organisation => Some(ActorKind::Organisation),
                    _ => None,
                };
                self.table.confirm(id, kind);
                (id, Method::Cue)
            }
            NpKind::Pronoun(r) => (
                self.resolve_pronoun(*r, at, np.toks.0, continuing)?,
                Method::Pronoun,
            ),
            NpKind::Role(words) => {
                let narrated = || {
                    self.description_of_narrated(np, words)
                        .or_else(|| self.epithet_of_narrated(np))
                };
                let id = match self.table.by_role(words, at) {
                    Some(id) => Some(id),
                    None => narrated()
                        .inspect(|&id| {
                            // Described as the one just named, they speak: a person for good.
                            self.table.confirm(id, None);
                        })
                        .or_else(|| {
                            // "the senator", "the Independent councillor"; not "the Florida
                            // senator", whose state the rank does not tell.
                            let toks = self.toks();
                            let placed = (np.toks.0 + 1..np.toks.1).any(|k| {
                                toks.is_word(k)
                                    && toks.toks[k].cap
                                    && !AFFILIATIONS.contains(&toks.lower(k))
                                    && !self.ph.lex.is_role_word(toks.lower(k))
                            });
                            (!placed)
                                .then(|| self.table.by_rank(words, at, self.ph.lex))
                                .flatten()
                        }),
                };
                let id = match id {
                    Some(id) => id,
                    None => {
                        let name = np.span.slice(self.toks().text);
                        // "the Department of Fisheries said": a body, not its holder.
                        let kind = if words.first().is_some_and(|w| self.ph.lex.is_org_word(w)) {
                            ActorKind::Organisation
                        } else {
                            ActorKind::Person
                        };
                        let id = self.table.keyed(&words.join(" "), name, kind, at);
                        if kind == ActorKind::Organisation {
                            self.table.confirm(id, Some(kind));
                        }
                        id
                    }
                };
                (id, Method::Description)
            }
            NpKind::Document(head) => {
                // "her statement said": the document of the person the possessive means.
                let det = self.toks().lower(np.toks.0);
                let owner = match self.ph.lex.pronoun(det) {
                    Some(r) if matches!(det, "his" | "her" | "their") => {
                        self.resolve_pronoun(r, at, np.toks.0, false)
                    }
                    _ => None,
                };
                let of_owner = owner.map(|o| self.table.document_of(o, head, at));
                // Else the document the last speaker issued, or that last spoke itself.
                let owned = of_owner.or_else(|| {
                    self.last_speaker.and_then(|s| {
                        if self.table.kind(s) == ActorKind::Document
                            && self.table.is_document_of_head(s, head)
                        {
                            Some(s)
                        } else {
                            self.table.owned_document(s, head)
                        }
                    })
                });
                // Or the document the narration just said someone issued.
                let owned = owned.or_else(|| {
                    self.issuer_of(head, np.toks.0)
                        .map(|o| self.table.document_of(o, head, at))
                });
                let id = match owned {
                    Some(id) => id,
                    None => {
                        // "exit polls", "CBS News poll": with no determiner, the words as
                        // written name them; "the report" (or "polls" alone) by its head.
                        let toks = self.toks();
                        let (a, b) = np.toks;
                        let bare = b >= a + 2
                            && !DETERMINER_WORDS.contains(&toks.lower(a))
                            && toks.tags(a..b).iter().all(|t| {
                                matches!(
                                    t,
                                    super::tagger::Upos::Noun
                                        | super::tagger::Upos::Propn
                                        | super::tagger::Upos::Adj
                                )
                            });
                        let name = if bare {
                            np.span.slice(toks.text).to_string()
                        } else {
                            format!("the {head}")
                        };
                        self.table.keyed(head, &name, ActorKind::Document, at)
                    }
                };
                (id, Method::Document)
            }
            NpKind::Org(_) if possessed(np.span.slice(self.toks().text)) => {
                // "Ryan’s office" is its own body, not whichever office came before.
                let phrase = np.span.slice(self.toks().text);
                let key = phrase.replace('’', "'");
                let id = self.table.keyed(&key, phrase, ActorKind::Organisation, at);
                (id, Method::Description)
            }
            NpKind::Org(head) => {
                let id = match self
                    .table
                    .org_by_head(head, at)
                    .or_else(|| self.typed_reference(head))
                {
                    Some(id) => id,
                    None => {
                        // "UK government", "Ottawa police": a body named by where it is
                        // keeps that name; "the council" is named by its head.
                        let toks = self.toks();
                        let (a, b) = np.toks;
                        let named = b > a + 1
                            && !DETERMINER_WORDS.contains(&toks.lower(a))
                            && toks.tags(a..b - 1).iter().enumerate().all(|(i, t)| {
                                toks.toks[a + i].cap && *t == super::tagger::Upos::Propn
                            });
                        let name = if named {
                            np.span.slice(toks.text).to_string()
                        } else {
                            format!("the {head}")
                        };
                        self.table.keyed(head, &name, ActorKind::Organisation, at)
                    }
                };
                (id, Method::Description)
            }
            NpKind::Source(kind) => {
                let phrase = np.span.slice(self.toks().text);
                let key = phrase.to_lowercase();
                (
                    self.table.keyed(&key, phrase, *kind, at),
                    Method::Description,
                )
            }
        };
        if let Some(role) = np.role {
            let role = role.slice(self.toks().text).to_string();
            self.table.set_role_if_none(id, role);
        }
        if matches!(np.kind, NpKind::Role(_) | NpKind::Source(_))
            && self.table.gender(id) == Gender::Unknown
        {
            // "a spokeswoman", "the mother": the head noun says the gender.
            let toks = self.toks();
            let said = (np.toks.0..np.toks.1).rev().find_map(|k| {
                toks.is_word(k)
                    .then(|| self.ph.lex.noun_gender(toks.lower(k)))?
            });
            if let Some(g) = said {
                self.table.set_gender(id, g);
            }
        }
        let form = match &np.kind {
            NpKind::Name(_) => MentionForm::Name,
            NpKind::Pronoun(_) => MentionForm::Pronoun,
            _ => MentionForm::Description,
        };
        self.table.add_mention(id, np.span, form);
        Some((id, method))
    }

    fn resolve_pronoun(
        &mut self,
        r: PronounRef,
        at: usize,
        tok: usize,
        continuing: bool,
    ) -> Option<ActorId> {
        let gender = match r {
            PronounRef::Male => Gender::Male,
            PronounRef::Female => Gender::Female,
            PronounRef::Writer => {
                let name = if self.mode == Mode::Fiction {
                    "the narrator"
                } else {
                    "the author"
                };
                let id = self.table.keyed(name, name, ActorKind::Person, at);
                self.writer = Some(id);
                return Some(id);
            }
            PronounRef::Plural | PronounRef::Neuter => {
                let fits = |t: &ActorTable, id: ActorId| {
                    let k = t.kind(id);
                    matches!(
                        k,
                        ActorKind::Organisation | ActorKind::Document | ActorKind::Vague
                    ) || (r == PronounRef::Plural
                        && (k == ActorKind::Anonymous || t.is_described_group(id)))
                        // A place that speaks is a business ("The Pear Tree Inn has posted …").
                        || (r == PronounRef::Neuter && t.is_place(id))
                };
                if r == PronounRef::Neuter && self.mode == Mode::News && !continuing {
                    if let Some(id) = self.narrated_body(tok) {
                        self.table.confirm(id, Some(ActorKind::Organisation));
                        return Some(id);
                    }
                }
                if let Some(s) = self.last_speaker {
                    if fits(&self.table, s) {
                        return Some(s);
                    }
                }
                return self.recent_mention(at, |t, id| {
                    t.kind(id) == ActorKind::Organisation && !t.is_place(id)
                });
            }
        };
        // A person the text has shown to be one (not "High Street"), of a fitting gender.
        let writer = self.writer;
        let fits = |t: &ActorTable, id: ActorId| {
            Some(id) != writer
                && t.kind(id) == ActorKind::Person
                && !t.is_place(id)
                && !t.is_described_group(id)
                && (t.is_confirmed(id) || t.gender(id) != Gender::Unknown)
                && (t.gender(id) == Gender::Unknown || t.gender(id) == gender)
        };
        let slot = usize::from(gender == Gender::Female);
        let found = match self.mode {
            Mode::Fiction if !continuing => self
                .recent_mention(at, |t, id| fits(t, id))
                .or(self.last_speaker.filter(|&s| fits(&self.table, s)))
                .or(self.last_by_gender[slot].filter(|&s| fits(&self.table, s))),
            Mode::News if !continuing => {
                let last = self.last_speaker.filter(|&s| fits(&self.table, s));
                // "A spokeswoman for the council said …. “…,” she told the Gazette.": a
                // described speaker of that gender, reporting after the narration's person,
                // is nearer.
                let nearer = last.filter(|&s| {
                    self.table.gender(s) == gender
                        && self.table.kind(s) == ActorKind::Person
                        && self.table.name_words(s).is_empty()
                });
                // No one named who fits: one described ("Then the prime minister stood
                // up."). After the named, as US copy calls the one just named "the longtime
                // senator".
                let narrated = self.narrated_subject(tok, gender).or_else(|| {
                    let np = self.described_antecedent(tok, gender)?;
                    self.resolve(&np, at).map(|(id, _)| id)
                });
                match (narrated, nearer) {
                    (Some(n), Some(l))
                        if self.table.seen_before(l, at) > self.table.seen_before(n, at) =>
                    {
                        Some(l)
                    }
                    (Some(n), _) => Some(n),
                    (None, _) => {
                        // No one in the narration just before: the last speaker, unless the
                        // text has gone on to someone else it names in full who fits ("Chris
                        // Thomas wept outside his home … It still stands. “…,” he said.").
                        // In a later paragraph than the last speaker's last mention, so
                        // not one the speaker's own report names ("He said Mateen …").
                        let recent = self.recent_mention(at, |t, id| fits(t, id));
                        let para_of = |offset: usize| {
                            let toks = self.toks();
                            toks.get(toks.at_or_after(offset))
                                .map_or(u32::MAX, |t| t.para)
                        };
                        match (last, recent) {
                            (Some(l), Some(r))
                                if r != l
                                    && self.table.name_words(r).len() >= 2
                                    && para_of(self.table.seen_before(r, at))
                                        > para_of(self.table.seen_before(l, at)) =>
                            {
                                Some(r)
                            }
                            _ => last.or(recent),
                        }
                    }
                }
            }
            _ => self
                .last_speaker
                .filter(|&s| fits(&self.table, s))
                .or_else(|| self.recent_mention(at, |t, id| fits(t, id))),
        };
        let found = found.or_else(|| self.unnamed_last(gender));
        if let Some(id) = found {
            self.table.set_gender(id, gender);
            // Speaking through a pronoun makes them a character as much as a cue would.
            self.table.confirm(id, None);
        }
        found
    }

    /// The last speaker when it is one unnamed source of a fitting gender: "said one analyst
    /// who asked not to be named. ¶“…,” he said."
    fn unnamed_last(&self, gender: Gender) -> Option<ActorId> {
        self.last_speaker.filter(|&s| {
            let g = self.table.gender(s);
            self.table.kind(s) == ActorKind::Anonymous && (g == Gender::Unknown || g == gender)
        })
    }

    /// "BC Hydro said … the utility said": a type noun for the body that spoke last, when its
    /// name does not give it another type ("the Ministry of Health" is no "company").
    fn typed_reference(&self, head: &str) -> Option<ActorId> {
        let lex = self.ph.lex;
        let s = self.last_speaker?;
        let t = &self.table;
        let untyped = !t
            .name_words(s)
            .iter()
            .any(|w| lex.is_org_word(&w.to_lowercase()));
        (lex.is_org_type(head) && t.kind(s) == ActorKind::Organisation && !t.is_place(s) && untyped)
            .then_some(s)
    }

    /// A mention that can be the antecedent of a subject pronoun: not a possessor
    /// ("Dolly's remark") and not the object of a preposition ("to Elizabeth").
    pub fn is_subject_like(&self, m: &super::names::NameMention) -> bool {
        let toks = self.toks();
        let possessive = toks
            .get(m.toks.1)
            .is_some_and(|t| t.kind == super::tokens::Kind::Possessive);
        let object = m.toks.0 > 0
            && toks.is_word(m.toks.0 - 1)
            && matches!(
                toks.lower(m.toks.0 - 1),
                "to" | "with"
                    | "at"
                    | "for"
                    | "from"
                    | "by"
                    | "of"
                    | "on"
                    | "upon"
                    | "towards"
                    | "toward"
                    | "into"
                    // "Besides Nkape, another farmer, Lore, also concurred"
                    | "besides"
                    | "beside"
                    | "like"
                    | "unlike"
                    | "about"
                    | "against"
                    | "than"
                    | "without"
                    | "alongside"
                    | "including"
                    | "despite"
                    | "among"
                    | "between"
            );
        !possessive && !object
    }

    /// The actor of the latest name mention before `at`, outside quotes, that fits.
    fn recent_mention(
        &self,
        at: usize,
        fits: impl Fn(&ActorTable, ActorId) -> bool,
    ) -> Option<ActorId> {
        let names = self.ph.names;
        let end = names.partition_point(|m| m.span.start < at);
        names[..end]
            .iter()
            .enumerate()
            .rev()
            .take(40)
            .filter(|(_, m)| !m.in_quote && m.kind != NameKind::Role && self.is_subject_like(m))
            .filter_map(|(i, _)| self.name_actor[i])
            .find(|&id| fits(&self.table, id))
    }

    /// After a quote: "…,” added Ryder." / "…,” Smith said." / "…,” according to X.
    fn after(&self, p: Place) -> Option<(Np, usize, usize)> {
        let toks = self.toks();
        // The tag must be in the paragraph where the quote closes.
        let closing_para = toks.toks[p.after.max(1) - 1].para;
        if toks.get(p.after).is_none_or(|t| t.para != closing_para) {
            return None;
        }
        let end = self.sentence_end(p.after, 30);
        let mut j = p.after;
        if j < end && toks.is_separator(j) {
            j += 1;
        }
        if j >= end {
            return None;
        }
        if let Some(n) = self.according_at(j) {
            return self.ph.after(j + n, end).map(|np| (np, j, n));
        }
        if self.cue_lemma(j, true).is_some() {
            // "said a spokeswoman for the port authority": the whole phrase, as before a cue.
            return self.ph.after(j + 1, end).map(|np| {
                let voiced = self.ph.voice_for(&np, np.toks.1, end);
                (voiced.map_or(np, |(v, _)| v), j, 1)
            });
        }
        if self.unlisted_tag_verb(p, j, j, end) {
            // "“This is fantastic!” beamed Donald Hartley": a name after the verb.
            let named = self
                .ph
                .after(j + 1, end)
                .filter(|np| matches!(np.kind, NpKind::Name(_)));
            if let Some(np) = named {
                return Some((np, j, 1));
            }
        }
        let Some(np) = self.ph.after(j, end) else {
            return self
                .comma_description(j, end)
                .or_else(|| self.group_subject(j, end))
                .or_else(|| self.described_before_who(j, end))
                .or_else(|| self.described_before_modifier(j, end));
        };
        let (mut np, mut k) = match self.ph.voice_for(&np, np.toks.1, end) {
            Some(voiced) => voiced,
            None => (np.clone(), np.toks.1),
        };
        if let Some(past) = self
            .affiliation_end(&np, k, end)
            .or_else(|| self.described_affiliation_end(&np, k, end))
            .or_else(|| self.second_description_end(&np, k, end))
            .or_else(|| {
                // "a spokeswoman for the port authority, Tia Ode, said": to the appositive.
                let past = self.past_affiliation(&np, k, end);
                let named = past > k
                    && toks.is_punct(past, ",")
                    && self
                        .ph
                        .index
                        .starting_at(past + 1)
                        .is_some_and(|mi| self.ph.names[mi].personal());
                named.then_some(past)
            })
        {
            k = past;
        }
        if let Some(cue) = self.relative_clause_cue(k, end) {
            // "“…,” the commuter who wished not to be named(,) added."
            k = cue;
        } else if let Some((whole, cue)) = self.post_modifier_cue(&np, k, end) {
            np = whole;
            k = cue;
        }
        // "Sen. Ann Cole (D-Ore.) said": a party and state label between name and cue.
        k = self.past_label(k, end);
        let described_appositive = np.toks.0 > j && toks.is_punct(k, ",") && {
            // "“…,” the company's spokesman, Lou Hart, said": the comma after the name
            // closes the appositive that names the description.
            let v = self.past_adverbs(k + 1, end);
            self.cue_lemma(v, true).is_some()
        };
        if described_appositive {
            k += 1;
        } else if toks.is_punct(k, ",") {
            // "Smith, the press secretary, said"
            let limit = end.min(k + APPOSITIVE_TOKENS);
            let mut commas = (k + 1..limit).filter(|&x| toks.is_punct(x, ","));
            let comma = k;
            let Some(close) = commas.next() else {
                return self
                    .comma_description(j, end)
                    .or_else(|| self.unclosed_appositive(np, k, limit));
            };
            // An appositive with commas of its own: "Scott Pruitt, the attorney general of
            // Oklahoma, one of the states suing, said": the comma a cue follows closes it.
            let cued = |c: &usize| {
                let v = self.past_adverbs(c + 1, end);
                self.cue_lemma(v, true).is_some()
            };
            let close = if cued(&close) {
                close
            } else {
                commas.take(4).find(cued).unwrap_or(close)
            };
            k = close + 1;
            if let Some(named) = self.appositive_name(&np, comma, close) {
                np = named;
            }
        }
        let k = self.past_adverbs(k, end);
        if toks.is_word(k) && matches!(toks.lower(k), "heard" | "hears" | "overheard") {
            // "“Gad,” Archer heard Lawrence Lefferts say": the one heard speaks.
            let heard = self.ph.after(k + 1, end).filter(|np2| {
                matches!(np2.kind, NpKind::Name(_)) && self.cue_lemma(np2.toks.1, true).is_some()
            });
            if let Some(np2) = heard {
                let cue = np2.toks.1;
                return Some((np2, cue, 1));
            }
        }
        if self.cue_lemma(k, true).is_some() || self.unlisted_tag_verb(p, j, k, end) {
            return Some((np, k, 1));
        }
        self.described_subject(j, end)
            .or_else(|| self.group_subject(j, end))
    }

    /// "“…,” a spokesman for the company, Tim Ode, said": a description (or the body it speaks
    /// for) whose appositive, between commas `comma` and `close`, is a person's name alone;
    /// the name speaks.
    fn appositive_name(&self, np: &Np, comma: usize, close: usize) -> Option<Np> {
        // A body's voice counts: "a spokeswoman for the port authority, Tia Ode, said".
        if !matches!(
            np.kind,
            NpKind::Role(_) | NpKind::Source(_) | NpKind::Org(_)
        ) {
            return None;
        }
        let mi = self.ph.index.starting_at(comma + 1)?;
        let m = &self.ph.names[mi];
        if m.toks.1 != close || !m.personal() {
            return None;
        }
        let toks = self.toks();
        let (first, _) = np.toks;
        let det = toks.is_word(first) && DETERMINER_WORDS.contains(&toks.lower(first));
        let mut named = self.ph.name_np(mi);
        named.role = Some(Span {
            start: toks.toks[first + usize::from(det)].span.start,
            end: toks.toks[comma].span.start,
        });
        Some(named)
    }

    /// The cue that ends a tag after a relative clause starting at token `k` ("who wished not
    /// to be named, added."): a cue word that ends its sentence within a few words, with no
    /// quote between.
    fn relative_clause_cue(&self, k: usize, end: usize) -> Option<usize> {
        let toks = self.toks();
        if !(toks.is_word(k) && toks.lower(k) == "who") {
            return None;
        }
        let cue = self.first_tag_cue(k + 2, end.min(k + RELATIVE_TAG_TOKENS))?;
        let plain = (k..cue).all(|x| toks.toks[x].quote.is_none());
        (plain && self.closes_tag(cue, cue + 1)).then_some(cue)
    }

    /// The first lower-case word in `from..limit` that can be a tag's cue.
    fn first_tag_cue(&self, from: usize, limit: usize) -> Option<usize> {
        let toks = self.toks();
        (from..limit)
            .find(|&x| toks.is_word(x) && !toks.toks[x].cap && self.cue_lemma(x, true).is_some())
    }

    /// The cue that ends a tag after an unnamed source's modifier starting at token `k`: an
    /// adjective, participle or prepositional phrase ("an official familiar with the talks
    /// said", "a nurse working on the ward said", "a doctor treating him said", "an aide
    /// close to her said"), or the object of a source phrase's preposition ("a source
    /// familiar with | the talks"), that a cue ends within a few words, all of them words.
    /// Gives the cue and the phrase, an unnamed source known by all of it ("an official
    /// familiar with the talks").
    fn post_modifier_cue(&self, np: &Np, k: usize, end: usize) -> Option<(Np, usize)> {
        if !matches!(np.kind, NpKind::Source(_) | NpKind::Role(_)) {
            return None;
        }
        let toks = self.toks();
        if !toks.is_word(k) || toks.toks[k].cap || self.cue_lemma(k, true).is_some() {
            return None;
        }
        let cue = self.first_tag_cue(k + 1, end.min(k + RELATIVE_TAG_TOKENS))?;
        let plain = (k..cue)
            .all(|x| toks.toks[x].quote.is_none() && (toks.is_word(x) || toks.is_possessive(x)));
        // The phrase does not end in a verb ("This prompted"), and the cue is a verb ("the
        // rest of the states." is no tag).
        let tags = toks.tags(np.toks.0..cue + 1);
        let head_noun = np.toks.1 > np.toks.0
            && !tags
                .get(np.toks.1 - 1 - np.toks.0)
                .is_some_and(|t| t.is_verb());
        let verb = tags.last().is_some_and(|t| t.is_verb());
        if !(plain && head_noun && verb && self.closes_tag(cue, cue + 1)) {
            return None;
        }
        let whole = match np.kind {
            NpKind::Source(_) => self.ph.np(np.kind.clone(), np.toks.0, cue),
            _ => np.clone(),
        };
        Some((whole, cue))
    }

    /// "“…,” a vehicle owner who travels to town said.": one described before a "who"
    /// clause that ends at the cue, read from token `j`.
    fn described_before_who(&self, j: usize, end: usize) -> Option<(Np, usize, usize)> {
        let toks = self.toks();
        let who = (j + 1..end.min(j + 1 + DESCRIPTION_BEFORE_WHO))
            .take_while(|&x| toks.is_word(x))
            .find(|&x| toks.lower(x) == "who")?;
        let cue = self.relative_clause_cue(who, end)?;
        let np = self.ph.group_before(who, j).filter(|np| np.toks.0 == j)?;
        Some((np, cue, 1))
    }

    /// "“…,” an official familiar with the talks said.", "a nurse working on the ward said":
    /// one described before an adjective or participle phrase that a cue ends, read from
    /// token `j`.
    fn described_before_modifier(&self, j: usize, end: usize) -> Option<(Np, usize, usize)> {
        let toks = self.toks();
        (j + 1..end.min(j + 1 + DESCRIPTION_BEFORE_WHO))
            .take_while(|&x| toks.is_word(x))
            .find_map(|x| {
                let np = self.ph.group_before(x, j).filter(|np| np.toks.0 == j)?;
                let (whole, cue) = self.post_modifier_cue(&np, x, end)?;
                Some((whole, cue, 1))
            })
    }

    /// Whether token `after` closes the tag whose cue is token `cue`: its paragraph or
    /// sentence ends there, a separator or a quote follows.
    fn closes_tag(&self, cue: usize, after: usize) -> bool {
        let toks = self.toks();
        toks.get(after)
            .is_none_or(|t| t.para != toks.toks[cue].para || t.quote.is_some())
            || toks.is_sentence_end(after)
            || toks.is_separator(after)
    }

    /// "“…,” Jesse Melton, superintendent of the county club said.": an appositive after the
    /// name at comma `k` whose closing comma was left out; the cue ends the tag.
    fn unclosed_appositive(&self, np: Np, k: usize, limit: usize) -> Option<(Np, usize, usize)> {
        let toks = self.toks();
        if !matches!(np.kind, NpKind::Name(_)) {
            return None;
        }
        let cue = (k + 2..limit)
            .find(|&x| toks.is_word(x) && !toks.toks[x].cap && self.cue_lemma(x, true).is_some())?;
        // Description only, or a relative clause right after the comma ("Mina Sorel, who is
        // chair of the group said"): no clause of its own ("…, it said", "…, a man who").
        let relative = toks.is_word(k + 1) && toks.lower(k + 1) == "who";
        let plain = np.role.is_none()
            && (k + 1 + usize::from(relative)..cue).all(|x| {
                toks.toks[x].quote.is_none()
                    && !(toks.is_word(x)
                        && (matches!(toks.lower(x), "who" | "that" | "which")
                            || self.ph.lex.pronoun(toks.lower(x)).is_some()))
            });
        // "… office said Monday.": when it was said may close the tag.
        let mut after = cue + 1;
        while after < cue + 4
            && toks.is_word(after)
            && (self.ph.lex.is_time_word(toks.lower(after))
                || matches!(toks.lower(after), "on" | "last" | "this"))
        {
            after += 1;
        }
        let ends = self.closes_tag(cue, after) || self.tag_clause_ends(&np, cue);
        if !(plain && ends) {
            return None;
        }
        // No verb of its own in a description ("Likewise, a paper … had this to say"); a
        // relative clause has one, and ends on a noun before the cue ("… residents group said").
        let tags = toks.tags(k + 1..cue);
        let described = if relative {
            tags.last()
                .is_some_and(|t| matches!(t, Upos::Noun | Upos::Propn))
        } else {
            !tags.iter().any(|t| matches!(t, Upos::Verb | Upos::Aux))
        };
        described.then_some((np, cue, 1))
    }

    /// "“Go back,” Trump barked", "“…,” Toomey fumed on Tuesday": a quote that ends on a
    /// comma, a question or an exclamation and is followed by its speaker and a verb is tagged
    /// by that verb, listed as a cue or not. Token `k` is the verb, `j` the tag's first token.
    fn unlisted_tag_verb(&self, p: Place, j: usize, k: usize, end: usize) -> bool {
        let toks = self.toks();
        let soft_close = p.after >= 2
            && matches!(toks.str(p.after - 1), "”" | "\"" | "’" | "'")
            && matches!(toks.str(p.after - 2), "," | "?" | "!");
        if !soft_close || k >= end || !toks.is_word(k) || toks.toks[k].cap {
            return false;
        }
        let w = toks.lower(k);
        if w.ends_with("ing") || self.ph.lex.is_common(w) {
            return false;
        }
        let tags = toks.tags(j..(k + 3).min(end));
        // "“Ceasefire now!” Mayor Ann Lee tried to quiet them.": a verb that takes an
        // infinitive starts a sentence of its own (not "turned to Miss Baker"), unless
        // the infinitive speaks ("he seemed to say").
        let infinitive = toks.is_word(k + 1)
            && toks.lower(k + 1) == "to"
            && tags.get(k + 2 - j) == Some(&super::tagger::Upos::Verb)
            && self.ph.lex.tag_cue(toks.lower(k + 2)).is_none();
        tags.get(k - j) == Some(&super::tagger::Upos::Verb) && !infinitive
    }

    /// "Tom Morgan of Exxon said", "Mr. Morgan of the Sierra Club said": where the
    /// affiliation after a person's name at token `k` ends, so the cue after it is theirs.
    fn affiliation_end(&self, np: &Np, k: usize, end: usize) -> Option<usize> {
        let toks = self.toks();
        let NpKind::Name(person) = np.kind else {
            return None;
        };
        let joins = toks.is_word(k) && matches!(toks.lower(k), "of" | "with" | "from" | "at");
        if !joins || !self.ph.names[person].personal() {
            return None;
        }
        let mut a = k + 1;
        if toks.is_word(a) && toks.lower(a) == "the" {
            a += 1;
        }
        let body = self.ph.index.starting_at(a)?;
        let past = self.ph.names[body].toks.1;
        (past < end).then_some(past)
    }

    /// "the skipper of the harbour cricket club said", "a member of the board said": where
    /// the phrase after a described person at token `k` ends, when a cue follows it.
    fn described_affiliation_end(&self, np: &Np, k: usize, end: usize) -> Option<usize> {
        let toks = self.toks();
        let described = matches!(np.kind, NpKind::Role(_) | NpKind::Source(_));
        // "the woman in the front row said", "a man beside her said": a place is an
        // affiliation too.
        let joins = toks.is_word(k)
            && matches!(
                toks.lower(k),
                "of" | "with" | "from" | "at" | "in" | "on" | "near" | "behind" | "beside"
            );
        if !described || !joins {
            return None;
        }
        (k + 1..end.min(k + 1 + AFFILIATION_WORDS))
            .take_while(|&x| {
                (toks.is_word(x) || toks.is_possessive(x))
                    && !matches!(toks.lower(x), "who" | "that" | "which")
            })
            .find(|&x| {
                !toks.toks[x].cap
                    && self.cue_lemma(x, true).is_some()
                    && toks.tags(x..x + 1)[0] == super::tagger::Upos::Verb
                    // "descended an escalator at Trump Tower to declare": an infinitive's
                    // subject is the clause's.
                    && toks.lower(x - 1) != "to"
            })
    }

    /// "the Florida senator and presidential candidate said": a second description of the
    /// same person joined by "and" at token `k`, with no determiner of its own ("the mayor
    /// and the chief said" are two); where it ends, when a cue follows it.
    fn second_description_end(&self, np: &Np, k: usize, end: usize) -> Option<usize> {
        let toks = self.toks();
        let described = matches!(np.kind, NpKind::Role(_) | NpKind::Source(_));
        if !(described && toks.is_word(k) && toks.lower(k) == "and") {
            return None;
        }
        let cue = (k + 2..end.min(k + 2 + SECOND_DESCRIPTION_WORDS))
            .take_while(|&x| toks.is_word(x) && !toks.toks[x].cap)
            .find(|&x| self.cue_lemma(x, true).is_some())?;
        let words = &toks.toks[k + 1..cue];
        let plain = (k + 1..cue).all(|x| {
            let w = toks.lower(x);
            !DETERMINER_WORDS.contains(&w) && self.ph.lex.pronoun(w).is_none()
        });
        let tags = toks.tags(k + 1..cue + 1);
        let nominal = matches!(tags[cue - k - 2], Upos::Noun | Upos::Propn);
        (plain && nominal && !words.is_empty() && tags[cue - k - 1].is_verb()).then_some(cue)
    }

    /// "…,” federal prosecutors wrote.", "…,” one viewer tweeted.": between a quote and the
    /// cue of its tag, a phrase of lower-case words is the speaker, whatever its head noun.
    fn group_subject(&self, j: usize, end: usize) -> Option<(Np, usize, usize)> {
        let toks = self.toks();
        let cue = (j + 1..end.min(j + GROUP_TAG_WORDS + 1))
            .take_while(|&x| toks.is_word(x) || toks.toks[x].kind == Kind::Possessive)
            .find(|&x| self.cue_lemma(x, true).is_some())?;
        let np = match self.ph.group_before(cue, j) {
            Some(np) if np.toks.0 == j => np,
            // "…,” a woman in the front row said.", "… a man at the back said.": a described
            // person, then where they are.
            _ => (j + 2..cue)
                .filter_map(|x| self.ph.person_in_place(x, j))
                .find(|np| np.toks.0 == j)?,
        };
        // "…,” one man told a woman who shouted": an addressee may follow "told".
        let told = self.cue_lemma(cue, true) == Some("tell");
        (told || self.tag_clause_ends(&np, cue)).then_some((np, cue, 1))
    }

    /// "…,” the lanky, bespectacled professor said.": one description with a comma of its
    /// own, or a description and the name after it, read back from the cue that follows.
    fn comma_description(&self, j: usize, end: usize) -> Option<(Np, usize, usize)> {
        let toks = self.toks();
        let comma = (j + 1..end.min(j + DESCRIPTION_COMMA)).find(|&x| toks.is_punct(x, ","))?;
        let cue = (comma + 1..end.min(comma + DESCRIPTION_TOKENS))
            .find(|&x| self.cue_lemma(x, true).is_some())?;
        let whole = self.ph.before(cue, j)?;
        // Or the name in an appositive: "the inspector, Mira Holt, said", its closing comma
        // sometimes left out ("another friend, Mia Ross told CNN").
        let described = || {
            // Not an opener ("Later, Marco Rubio claimed", "Of the crowd, Osei said"): a
            // noun phrase, ending on its noun.
            let tags = toks.tags(j..comma);
            tags.last() == Some(&Upos::Noun) && tags.iter().all(|t| t.is_nominal())
        };
        let named = matches!(whole.kind, NpKind::Name(_))
            && whole.toks.0 == comma + 1
            && (toks.is_punct(whole.toks.1, ",") && whole.toks.1 + 1 == cue
                || whole.toks.1 == cue && described());
        (whole.toks.0 == j || named).then_some((whole, cue, 1))
    }

    /// From token `k`, past the adverbs between a subject and its cue ("he later said").
    fn past_adverbs(&self, mut k: usize, end: usize) -> usize {
        let toks = self.toks();
        while k < end
            && toks.is_word(k)
            && (ADVERBS_AFTER.contains(&toks.lower(k)) || self.ph.manner_adverb(k))
        {
            // "was quoted by Rappler as saying": past the one who quoted, to "as".
            let quoted_by =
                toks.lower(k) == "quoted" && toks.is_word(k + 1) && toks.lower(k + 1) == "by";
            if quoted_by {
                if let Some(as_at) = (k + 2..end.min(k + QUOTED_BY_TOKENS))
                    .find(|&x| toks.is_word(x) && toks.lower(x) == "as")
                {
                    k = as_at;
                }
            }
            k += 1;
        }
        k
    }

    /// "…,” University of the Fraser Valley political scientist Hamish Telford said.": a
    /// subject whose description holds names of its own; its name is the one before the cue.
    fn described_subject(&self, j: usize, end: usize) -> Option<(Np, usize, usize)> {
        let k = self.past_adverbs(self.ph.description_run_end(j, end), end);
        self.cue_lemma(k, true)?;
        let np = self.ph.before(k, j)?;
        let named = matches!(np.kind, NpKind::Name(_)) && np.toks.0 > j;
        // "…,” Ryan’s office said.": a body or a person the tag names by their owner.
        let toks = self.toks();
        let possessed = np.toks.0 == j
            && matches!(
                np.kind,
                NpKind::Org(_) | NpKind::Role(_) | NpKind::Document(_)
            )
            && (np.toks.0..np.toks.1).any(|x| toks.is_possessive(x));
        // "…,” UK government said.", "Lagos State government said": a body by its name
        // before a lower-case organisation word, with no article.
        let named_body = np.toks.0 == j
            && matches!(np.kind, NpKind::Org(_))
            && toks.toks[j].cap
            && !(toks.is_word(j) && DETERMINER_WORDS.contains(&toks.lower(j)));
        (named || possessed || named_body).then_some((np, k, 1))
    }

    /// Whether the words after an after-cue end the tagging clause ("said.", "said in a
    /// statement", "said Tuesday"), so a quote ending in a full stop can still take it.
    fn tag_clause_ends(&self, np: &Np, cue: usize) -> bool {
        let toks = self.toks();
        let next = cue.max(np.toks.1 - 1) + 1;
        match toks.get(next) {
            None => true,
            Some(t) if t.para != toks.toks[cue].para || t.quote.is_some() => true,
            Some(_) if toks.is_sentence_end(next) || toks.is_separator(next) => true,
            Some(_) => {
                let w = toks.lower(next);
                matches!(
                    w,
                    "in" | "on"
                        | "at"
                        | "after"
                        | "during"
                        | "before"
                        | "to"
                        | "of"
                        | "about"
                        | "from"
                        | "by"
                        | "when"
                        | "while"
                        | "as"
                        | "late"
                        | "earlier"
                        | "later"
                        | "last"
                        | "this"
                        | "recently"
                        | "yesterday"
                        | "today"
                        | "tonight"
                ) || self.ph.lex.is_time_word(w)
            }
        }
    }

    /// Before a quote, in its sentence: "Ryder said in a statement that “…" / "Finally, said
    /// the statement, the Secretary “…" / "with Sullivan reiterating “…" / "According to X, “…".
    fn before(&self, p: Place) -> Option<(Np, usize, usize, bool)> {
        let toks = self.toks();
        let ws = self.sentence_start(p.first, 60);
        let mut k = p.first;
        while k > ws {
            k -= 1;
            if !toks.is_word(k) {
                continue;
            }
            let gap_ok = (k + 1..p.first).all(|x| toks.is_separator(x));
            // "Hayne joked in his turn to answer the question, “…”": a phrase of place or
            // time between a cue and the comma before its quote.
            let phrase_gap = !gap_ok
                && p.first > k + 2
                && p.first - k <= PHRASE_GAP
                && toks.is_punct(p.first - 1, ",")
                && toks.is_word(k + 1)
                && TAG_PHRASE_STARTS.contains(&toks.lower(k + 1))
                && (k + 1..p.first - 1).all(|x| toks.is_word(x) || toks.is_punct(x, "'"));
            let gap_ok = gap_ok || phrase_gap;
            let adjacent = gap_ok || (k + 2 == p.first && toks.lower(k + 1) == "that");
            if let Some(n) = self.according_at(k) {
                if let Some(np) = self.ph.after(k + n, p.first) {
                    let np = self.ph.author_of(&np, p.first).unwrap_or(np);
                    return Some((np, k, n, false));
                }
                continue;
            }
            if let Some(n) = self.phrasal_cue_at(k, p.first) {
                if let Some(np) = self.ph.before(k, ws) {
                    return Some((np, k, n, true));
                }
            }
            let participle = self.ph.lex.participles.contains(toks.lower(k));
            let tag_ok = gap_ok || self.mode == Mode::Fiction;
            if self.cue_lemma(k, tag_ok).is_none() && !participle {
                continue;
            }
            // "…, telling Reuters, “…”": the one told is never the speaker.
            let addressing = self.cue_lemma(k, true) == Some("tell");
            // ", noting the size of …": a participle's object never speaks.
            let inverted = (k == ws || toks.is_separator(k - 1))
                && !addressing
                && !toks.lower(k).ends_with("ing");
            if inverted {
                let np = self
                    .appositive_subject(k, ws)
                    .or_else(|| self.ph.after(k + 1, p.first));
                if let Some(np) = np {
                    return Some((np, k, 1, adjacent));
                }
            }
            let np = self.or_fronted(self.subject_before(k, ws), k, ws);
            if let Some(np) = np {
                return Some((np, k, 1, adjacent));
            }
        }
        None
    }

    /// "James Kalokola, the district wildlife officer, acknowledged the crisis:": a comma
    /// before cue `k` that closes an appositive leaves a person before it as the subject,
    /// not the object after the cue read as an inverted source.
    fn appositive_subject(&self, k: usize, ws: usize) -> Option<Np> {
        if k <= ws + 1 || !self.toks().is_punct(k - 1, ",") {
            return None;
        }
        self.ph
            .before(k, ws)
            .filter(|np| matches!(np.kind, NpKind::Name(_)) && self.surely_person(np))
    }

    /// The subject found before cue `k`, unless it may be no person and a person fronts the
    /// sentence ([`Self::fronted_person`]), or it is the body a voice speaks for ("A
    /// spokesman for Ofsted said"): then the voice is the subject.
    fn or_fronted(&self, np: Option<Np>, k: usize, ws: usize) -> Option<Np> {
        match np {
            Some(np) if self.surely_person(&np) => Some(np),
            other => self
                .fronted_person(k, ws)
                .or_else(|| other.map(|np| self.ph.voice_before(&np, ws).unwrap_or(np))),
        }
    }

    /// Whether a phrase is a person's by its own form: a pronoun, a description of someone,
    /// or a name with a title, an honorific or a given name (not "Colne", "Chandan Society"
    /// or "Welcome Bay Rating Advocates").
    fn surely_person(&self, np: &Np) -> bool {
        match np.kind {
            NpKind::Name(mi) => {
                let m = &self.ph.names[mi];
                m.kind == NameKind::Person || m.given
            }
            NpKind::Org(_) | NpKind::Document(_) => false,
            _ => true,
        }
    }

    /// A name opening a sentence that is a person's: by a title, an honorific or a given
    /// name, by two words that are no dateline or time ("WASHINGTON", "Late Tuesday"), or a
    /// surname whose person the text has named in full ("Prince" after "Richard Prince").
    fn fronting_person(&self, mi: usize) -> bool {
        let m = &self.ph.names[mi];
        let toks = self.toks();
        let words = || (m.toks.0..m.toks.1).filter(|&k| toks.is_word(k));
        let plain = || {
            words().all(|k| {
                let w = toks.lower(k);
                !self.ph.lex.is_time_word(w)
                    && !self.ph.lex.is_common(w)
                    && toks.str(k).chars().any(char::is_lowercase)
            })
        };
        let full_named = || {
            self.name_actor[mi].is_some_and(|id| {
                self.table.kind(id) == ActorKind::Person
                    && !self.table.is_place(id)
                    && self.table.name_words(id).len() >= 2
            })
        };
        m.kind == NameKind::Person
            || m.given
            || (m.kind == NameKind::Unknown && plain() && (m.name.len() >= 2 || full_named()))
    }

    /// "Colette Sims, 55, of Wordsworth Road, Colne, who has worked there for 13 years, said:"
    /// / "Prince, of the Rating Advocates said": a person named at the sentence's start and
    /// set off by a comma is the cue's subject when what stands between is description (an
    /// age, a place, an affiliation, a relative clause, a verb joined by "but" or "and"),
    /// with no other cue and no "that" clause in it.
    fn fronted_person(&self, cue: usize, ws: usize) -> Option<Np> {
        let toks = self.toks();
        let np = self.ph.after(ws, cue)?;
        let NpKind::Name(mi) = np.kind else {
            return None;
        };
        let comma = np.toks.1;
        // "Joe Biden, Rubio said, had been …": a tag set off inside the sentence has its own
        // subject.
        let set_off = toks.is_punct(cue + 1, ",") || toks.is_punct(cue + 1, "—");
        if set_off && toks.get(cue + 2).is_some_and(|t| t.quote.is_none()) {
            return None;
        }
        if self.mode != Mode::News
            || np.toks.0 != ws
            || !toks.is_punct(comma, ",")
            || !self.fronting_person(mi)
        {
            return None;
        }
        let clear = (comma + 1..cue).all(|x| {
            toks.toks[x].quote.is_none()
                && !(toks.is_word(x)
                    && (toks.lower(x) == "that" || self.cue_lemma(x, true).is_some()))
        });
        clear.then_some(np)
    }

    /// The subject before a cue at `k`, read past a participle phrase that ends in an
    /// addressee: "Another source speaking to Fox News said" is the source's, not Fox
    /// News's; "Ferro answered the critics, telling the Ledger" is Ferro's.
    fn subject_before(&self, k: usize, ws: usize) -> Option<Np> {
        let toks = self.toks();
        let telling = toks.is_word(k)
            && self.cue_lemma(k, true) == Some("tell")
            && toks.lower(k).ends_with("ing");
        let participle = toks.is_word(k) && self.ph.lex.participles.contains(toks.lower(k));
        if participle && !telling && k > ws && toks.is_separator(k - 1) {
            // "At the rally, Vance compared herself to Ekland, saying, “…”": the subject of
            // the clause the participle hangs from, never the last noun before it.
            return self
                .clause_subject(k, ws)
                .or_else(|| self.subject_of_cue_before(k, ws));
        }
        if telling && k > ws && toks.is_separator(k - 1) {
            // The participle's subject is its clause's: the first name that can be a
            // subject after the sentence's last cue ("… said Reid quieted the chatter,
            // telling his colleagues"), or none we can read.
            let clause = (ws..k - 1)
                .rev()
                .find(|&j| toks.toks[j].quote.is_none() && self.cue_lemma(j, true).is_some())
                .map_or(ws, |j| j + 1);
            let names = self.ph.names;
            let from = names.partition_point(|m| m.toks.0 < clause);
            // A name the text vouches for, or one a verb follows ("Ferro reversed herself"),
            // not a capitalised opener ("Hours later").
            let known = |i: usize| {
                let (a, b) = names[i].toks;
                self.name_actor[i].is_some_and(|id| self.table.is_confirmed(id))
                    || toks.tags(a..b + 1).last().is_some_and(|t| t.is_verb())
            };
            let subject = (from..names.len())
                .take_while(|&i| names[i].toks.1 < k)
                .find(|&i| {
                    let m = &names[i];
                    !m.in_quote && m.kind != NameKind::Role && self.is_subject_like(m) && known(i)
                });
            // "The harbour board brushed off the criticism, telling the Gazette": a body or
            // a description opens the clause.
            return match subject {
                Some(i) => self.ph.after(names[i].toks.0, k),
                None => self.clause_subject(k, ws),
            };
        }
        // "she laughed and said": past a verb joined to the cue, to their one subject.
        let joined = k >= ws + 3
            && toks.is_word(k - 1)
            && toks.lower(k - 1) == "and"
            && toks.is_word(k - 2)
            && toks.tags(k - 2..k).first().is_some_and(|t| t.is_verb());
        if joined {
            if let Some(np) = self.ph.before(k - 2, ws) {
                return Some(np);
            }
        }
        // "Richardson stood up and shouted:", "Another user shared a photo … and wrote,":
        // the cue shares the subject of the clause the "and" joins it to.
        if k >= ws + 3 && toks.is_word(k - 1) && toks.lower(k - 1) == "and" {
            if let Some(np) = self.coordinated_subject(k - 1, ws) {
                return Some(np);
            }
        }
        let np = self.ph.before(k, ws)?;
        // "Cole emailed supporters saying: “…”": the object of a verb before a participle
        // is the one addressed; the clause's subject speaks.
        let object = participle
            && np.toks.0 > ws
            && toks.is_word(np.toks.0 - 1)
            && toks
                .tags(np.toks.0 - 1..np.toks.1)
                .first()
                .is_some_and(|t| t.is_verb());
        // "Clinton responded to the question on Facebook writing, “…”": nor does the
        // object of a preposition before a participle speak ("with Sullivan reiterating"
        // makes Sullivan its subject).
        let prepositional = participle
            && np.toks.0 > ws
            && toks.is_word(np.toks.0 - 1)
            && matches!(
                toks.lower(np.toks.0 - 1),
                "on" | "in" | "at" | "to" | "via" | "from" | "during" | "after"
            );
        if object || prepositional {
            return self.clause_subject(k, ws);
        }
        let mut start = np.toks.0;
        if start > ws && toks.is_word(start - 1) && matches!(toks.lower(start - 1), "the" | "a") {
            start -= 1;
        }
        let after_participle =
            |p: usize| toks.is_word(p) && toks.lower(p).ends_with("ing") && !toks.toks[p].cap;
        if start >= 2
            && toks.is_word(start - 1)
            && matches!(toks.lower(start - 1), "to" | "with")
            && after_participle(start - 2)
        {
            // The one spoken to is never the speaker, even when the subject is not read.
            return self.ph.before(start - 2, ws);
        }
        Some(np)
    }

    /// The subject of the clause that "and" at `and` joins a cue to: the phrase opening the
    /// clause (after the last comma, or the sentence's start) when a verb follows it and no
    /// quote or other cue stands between that verb and the "and".
    fn coordinated_subject(&self, and: usize, ws: usize) -> Option<Np> {
        let toks = self.toks();
        let floor = ws.max(and.saturating_sub(COORDINATED_TOKENS));
        let comma = (floor..and)
            .rev()
            .find(|&j| toks.is_punct(j, ",") || toks.is_punct(j, ";"));
        let start = match comma {
            Some(c) => c + 1,
            None if floor == ws => ws,
            None => return None, // a clause longer than we read: its start is not known
        };
        if start + 1 >= and || !toks.is_word(start) || toks.toks[start].quote.is_some() {
            return None;
        }
        let tags = toks.tags(start..and);
        let verb = (start + 1..and).find(|&j| tags[j - start].is_verb())?;
        // "Richardson", "she", or one described: "Another user".
        let np = self
            .ph
            .after(start, verb)
            .or_else(|| self.ph.group_before(verb, start))?;
        let person = match np.kind {
            NpKind::Name(_) | NpKind::Pronoun(_) => true,
            NpKind::Source(kind) => kind != ActorKind::Group,
            _ => false,
        };
        // The clause's own verb may be a cue ("posted a picture … and wrote"); no other.
        let clear = (verb + 1..and).all(|j| {
            toks.toks[j].quote.is_none() && !(toks.is_word(j) && self.cue_lemma(j, true).is_some())
        });
        (person && np.toks == (start, verb) && clear).then_some(np)
    }

    /// The subject of the clause before a participle at `k`: the phrase that opens the
    /// sentence (or the words after its last cue), past an opening phrase set off by a comma
    /// ("At the rally in Dayton," / "Hours later,"), when a verb follows it.
    fn clause_subject(&self, k: usize, ws: usize) -> Option<Np> {
        let toks = self.toks();
        let cue_before = (ws..k - 1)
            .rev()
            .find(|&j| toks.toks[j].quote.is_none() && self.cue_lemma(j, true).is_some());
        if cue_before.is_some() {
            // "…, Lohmar said, adding …": the cue's own subject, read by the caller.
            return None;
        }
        let opener_end = (ws..k.min(ws + OPENER_WORDS + 1))
            .find(|&j| toks.is_punct(j, ","))
            .filter(|&c| c > ws && c + 1 < k);
        // A longer opening phrase: its last comma before the participle's ("In response to
        // the mayor's proposal to …, the deputy leader rallied supporters, saying").
        let last_comma = (ws + 1..k.saturating_sub(1))
            .rev()
            .find(|&j| toks.is_punct(j, ","))
            .filter(|&c| Some(c) != opener_end && c + 1 < k);
        // "But he stopped short of a veto, telling …": past a conjunction that opens it.
        let conjunction =
            toks.is_word(ws) && matches!(toks.lower(ws), "but" | "and" | "yet" | "so");
        let starts = opener_end
            .into_iter()
            .chain(last_comma)
            .map(|c| c + 1)
            .chain([ws])
            .chain(conjunction.then_some(ws + 1));
        for start in starts {
            if !toks.is_word(start) || toks.toks[start].quote.is_some() {
                continue;
            }
            let Some(np) = self.ph.after(start, k) else {
                continue;
            };
            // "Rep. Ann Cole (D-Ore.) reacted": past the party label.
            let next = self.past_label(self.past_affiliation(&np, np.toks.1, k), k);
            if next >= k || toks.toks[next].quote.is_some() {
                continue;
            }
            // A verb right after the phrase, or after one adverb ("He then defended").
            let tags = toks.tags(start..(next + 2).min(k));
            let at = |j: usize| tags.get(j - start).is_some_and(|t| t.is_verb());
            if at(next) || (next + 1 < k && toks.is_word(next) && at(next + 1)) {
                return Some(np);
            }
        }
        None
    }

    /// Past a bracketed label opening at token `k` ("(D-Ore.)"), closed before `limit`.
    fn past_label(&self, k: usize, limit: usize) -> usize {
        let toks = self.toks();
        if !toks.is_punct(k, "(") {
            return k;
        }
        (k + 1..limit.min(k + PARENTHESIS_TOKENS))
            .find(|&x| toks.is_punct(x, ")"))
            .map_or(k, |close| close + 1)
    }

    /// Past the body a described subject ending at token `k` speaks for: "A spokeswoman for
    /// the port authority emailed …" reads on at "emailed". Not past `limit`.
    fn past_affiliation(&self, np: &Np, k: usize, limit: usize) -> usize {
        let toks = self.toks();
        let described = matches!(np.kind, NpKind::Role(_) | NpKind::Source(_));
        let joins = toks.is_word(k) && matches!(toks.lower(k), "for" | "of" | "at" | "with");
        if !described || !joins {
            return k;
        }
        let end = limit.min(k + 1 + AFFILIATION_WORDS);
        let tags = toks.tags(k + 1..end);
        let mut j = k + 1;
        if tags.first() == Some(&Upos::Det) {
            j += 1;
        }
        let body = j;
        while j < end
            && (toks.is_possessive(j)
                || matches!(tags[j - k - 1], Upos::Noun | Upos::Propn | Upos::Adj))
        {
            j += 1;
        }
        if j > body {
            j
        } else {
            k
        }
    }

    /// A document issued with the speech: "said in a statement", "wrote in a letter".
    fn note_document(&mut self, speaker: ActorId, cue: usize) {
        if !matches!(
            self.table.kind(speaker),
            ActorKind::Person | ActorKind::Organisation
        ) {
            return;
        }
        let toks = self.toks();
        if !(toks.is_word(cue + 1) && toks.lower(cue + 1) == "in") {
            return;
        }
        for k in cue + 2..cue + 5 {
            if !toks.is_word(k) {
                return;
            }
            let w = toks.lower(k);
            if self.ph.lex.is_document(w) {
                let span = toks.toks[k].span;
                let head = w.to_string();
                let doc = self.table.document_of(speaker, &head, span.start);
                self.table.add_mention(doc, span, MentionForm::Description);
                return;
            }
        }
    }

    /// A news headline or standfirst that opens with its source and a colon: "Roger Stone:
    /// Don't Trust the Voting Machines". The colon is the cue.
    fn headline_source(&mut self, colon: usize) {
        let toks = self.toks();
        let para = toks.toks[colon].para;
        let Some(np) = colon.checked_sub(1).and_then(|l| self.ph.name_ending_at(l)) else {
            return;
        };
        let opens = np.toks.0 == 0 || toks.toks[np.toks.0 - 1].para != para;
        // A one-word name before a colon is as often a label ("Contributing:") as a source.
        let known = np.toks.1 - np.toks.0 >= 2
            || matches!(np.kind, NpKind::Name(mi) if self.name_actor[mi].is_some_and(|id| self.table.is_confirmed(id)));
        if !opens || !known {
            return;
        }
        // Counted only this far, so a long paragraph of colons stays linear.
        let words = toks.toks[colon..]
            .iter()
            .take_while(|t| t.para == para)
            .filter(|t| t.kind == super::tokens::Kind::Word)
            .take(HEADLINE_WORDS + 1)
            .count();
        if !(2..=HEADLINE_WORDS).contains(&words) {
            return;
        }
        if let Some((id, method)) = self.resolve(&np, np.span.start) {
            self.reports.push(SpeechEvent {
                cue_tok: colon,
                cue_len: 1,
                speaker: id,
                mention: np.span,
                np_toks: np.toks,
                method,
                para,
            });
        }
    }

    /// "…, the member said, adding that …": a participle's subject is the subject of the
    /// cue just before it in the sentence.
    fn subject_of_cue_before(&self, participle: usize, ws: usize) -> Option<Np> {
        let toks = self.toks();
        let from = participle.saturating_sub(PARTICIPLE_REACH).max(ws);
        let cue = (from..participle)
            .rev()
            .find(|&j| toks.toks[j].quote.is_none() && self.cue_lemma(j, true).is_some())?;
        self.ph.before(cue, ws).or_else(|| {
            let np = self.ph.after(cue + 1, participle)?;
            (!matches!(np.kind, NpKind::Pronoun(_)) || np.toks.1 + 1 >= participle).then_some(np)
        })
    }

    /// Whether a cue form that is also a plural noun ("states", "remarks", "shows") is the
    /// verb here: "Trump says", "the report states that", not "Republican states like Ohio".
    fn verb_reading(&self, k: usize, np: &Np) -> bool {
        let toks = self.toks();
        let w = toks.lower(k);
        if !w.ends_with('s') || w.ends_with("ss") {
            return true;
        }
        let head = toks.lower(np.toks.1 - 1);
        if matches!(np.kind, NpKind::Source(ActorKind::Group)) && head.ends_with('s') {
            // A plural subject takes "say": "hats would show", "Republican states".
            return false;
        }
        if !NOUN_LIKE.contains(&w) {
            return true;
        }
        let next_that =
            toks.is_word(k + 1) && toks.lower(k + 1) == "that" || toks.is_punct(k + 1, ":");
        next_that
            || matches!(
                np.kind,
                NpKind::Pronoun(_) | NpKind::Document(_) | NpKind::Name(_)
            )
    }

    /// Whether the cue at `k` is a past participle after a form of "be" ("was charged",
    /// "has been accused", "is not supported"): a passive.
    fn passive_at(&self, k: usize) -> bool {
        let toks = self.toks();
        let lex = self.ph.lex;
        let w = toks.lower(k);
        if !(w.ends_with("ed") || lex.irregular_participles.contains(w)) {
            return false;
        }
        let mut j = k;
        for _ in 0..3 {
            if j == 0 || !toks.is_word(j - 1) {
                return false;
            }
            j -= 1;
            let before = toks.lower(j);
            if lex.passive_be.contains(before) {
                return true;
            }
            if !lex.passive_between.contains(before) {
                return false;
            }
        }
        false
    }

    /// Speech outside quotation marks ending before token `upto`, in text order.
    fn take_events(&mut self, from: &mut usize, upto: usize) {
        let range = *from..upto.max(*from);
        *from = range.end;
        // Only a speech word or a colon can open a report (or any word, with cues the user
        // added). The tokens outlive `self`'s borrow, so the walk needs no list of its own.
        let all: &'a Tokens<'t> = self.ph.toks;
        let (flagged, every) = if self.opts.extra_cues.is_empty() {
            let bits = lexicon::SPEECH_WORD | lexicon::COLON;
            (Some(all.flagged(range, bits)), None)
        } else {
            (None, Some(range))
        };
        for k in flagged
            .into_iter()
            .flatten()
            .chain(every.into_iter().flatten())
        {
            let toks = self.toks();
            let tok = toks.toks[k];
            if self.mode == Mode::News && tok.quote.is_none() && toks.is_punct(k, ":") {
                self.headline_source(k);
                continue;
            }
            // A heading's capitals ("THE PROFESSOR EXPLAINS") report nothing.
            if tok.quote.is_some() || !toks.is_word(k) {
                continue;
            }
            let lower = toks.lower(k);
            let may_report = tok.flags & lexicon::SPEECH_WORD != 0
                || self.opts.extra_cues.iter().any(|c| c == lower);
            if !may_report || shouted(toks.str(k)) {
                continue;
            }
            let participle = self.ph.lex.participles.contains(toks.lower(k));
            let acc = self.according_at(k);
            let speech = self.cue_lemma(k, false).is_some() || acc.is_some() || participle;
            // Beliefs and findings ("thinks", "found") count as reported speech in news.
            // "points" is a noun as often ("jumped 269 points"): a verb only before "out".
            let noun_points =
                lower == "points" && !(toks.is_word(k + 1) && toks.lower(k + 1) == "out");
            let report = !speech
                && self.mode == Mode::News
                && !noun_points
                && self.ph.lex.report_cue(toks.lower(k)).is_some();
            if !speech && !report {
                continue;
            }
            // "Hadwin knows a strong start is essential" states a belief in the writer's
            // words; "knows that …" reports one.
            let belief = report
                && self
                    .ph
                    .lex
                    .report_cue(lower)
                    .is_some_and(|lemma| THAT_ONLY.contains(&lemma));
            if belief && !(toks.is_word(k + 1) && toks.lower(k + 1) == "that") {
                continue;
            }
            // "The Kospi added 0.4 per cent", "declined 1.2 per cent": an amount, not words.
            let amount = toks.is_word(k + 1)
                && toks
                    .str(k + 1)
                    .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '€' | '£'));
            let moves = matches!(toks.lower(k), "added" | "adds" | "declined" | "declines");
            if amount && moves {
                continue;
            }
            // "the following written statement", "a stated aim": a participle before its
            // noun describes it; and "the written reply came" is that noun.
            let described = |p: usize| {
                p > 0
                    && toks.is_word(p - 1)
                    && toks.is_word(p)
                    && toks.is_word(p + 1)
                    && ATTRIBUTIVE_BEFORE.contains(&toks.lower(p - 1))
                    && (toks.lower(p).ends_with("en") || toks.lower(p).ends_with("ed"))
                    && toks.tags(p - 1..p + 2)[2] == super::tagger::Upos::Noun
            };
            if described(k) || (k > 0 && described(k - 1)) {
                continue;
            }
            // "Patterson was charged Monday with …", "the plan is supported by …": the
            // subject of a passive is not who spoke.
            if acc.is_none() && self.passive_at(k) {
                continue;
            }
            let ws = self.sentence_start(k, 40);
            let np = if let Some(n) = acc {
                let end = self.sentence_end(k, 30);
                self.ph
                    .after(k + n, end)
                    .map(|np| self.ph.author_of(&np, end).unwrap_or(np))
            } else if (k == ws || toks.is_separator(k - 1)) && !lower.ends_with("ing") {
                // "…, said Smith", or the end of an appositive: "Smith, its chief, said"
                // (never ", noting the size …": a participle's object does not speak).
                let end = self.sentence_end(k, 30);
                // An inverted source ends the tag: "…, said he." / "…, said Smith of Iowa"
                // but not "…, said he was" / "…, said the EB-5 program has".
                let tag_ends = |np: &Np| {
                    let next = np.toks.1;
                    let ends = toks.get(next).is_none_or(|t| t.para != tok.para)
                        || toks.is_sentence_end(next)
                        || toks.is_separator(next);
                    let pronoun = matches!(np.kind, NpKind::Pronoun(_));
                    // "said the 61 families of the village were affected": a verb after the
                    // phrase, before any comma or "that", makes it the subject of a clause.
                    let clause_follows = || {
                        (next..end)
                            .take_while(|&x| {
                                toks.is_word(x)
                                    && !matches!(toks.lower(x), "that" | "who" | "which")
                            })
                            .any(|x| toks.tags(x..x + 1)[0].is_verb())
                    };
                    np.toks.0 == k + 1
                        && (ends
                            || !pronoun
                                && toks.is_word(next)
                                && (TAG_ADJUNCTS.contains(&toks.lower(next))
                                    || self.ph.lex.is_time_word(toks.lower(next)))
                                && !clause_follows())
                };
                // "…, told the Gazette": who is told listens; only the one before speaks.
                let listener_follows = self.cue_lemma(k, false) == Some("tell");
                self.appositive_subject(k, ws)
                    .or_else(|| {
                        // Only a speech verb inverts: "…, supports the teachers" is no tag.
                        self.ph
                            .after(k + 1, end)
                            .filter(|np| speech && !listener_follows && tag_ends(np))
                    })
                    .or_else(|| self.ph.before(k, ws))
            } else {
                self.ph.before(k, ws)
            };
            let np = match np {
                Some(np) if self.mode == Mode::News && np.toks.0 < k => {
                    self.or_fronted(Some(np), k, ws)
                }
                None if participle => self.subject_of_cue_before(k, ws),
                None if self.mode == Mode::News && k > ws && !toks.is_separator(k - 1) => {
                    self.ph.group_before(k, ws)
                }
                np => np,
            };
            let Some(np) = np else { continue };
            // "The mayor let residents know that …", "…, letting officials know that …": the
            // ones let know are told; who lets them knows and reports.
            let let_at = (np.toks.0.saturating_sub(1)..=np.toks.0)
                .find(|&x| toks.is_word(x) && matches!(toks.lower(x), "let" | "lets" | "letting"));
            let np = match let_at {
                Some(x) if lower == "know" => {
                    let teller = if toks.lower(x) == "letting" {
                        self.clause_subject(x, ws)
                    } else {
                        self.ph.before(x, ws)
                    };
                    match teller {
                        Some(t) => t,
                        None => continue,
                    }
                }
                _ => np,
            };
            if self.mode == Mode::News && !self.verb_reading(k, &np) {
                continue;
            }
            let at = np.span.start;
            let group = matches!(np.kind, NpKind::Source(ActorKind::Group));
            if let Some((id, method)) = self.resolve(&np, at) {
                self.note_document(id, k);
                let context = speech && !group;
                if context {
                    self.last_speaker = Some(id);
                }
                let list = if context {
                    &mut self.events
                } else {
                    &mut self.reports
                };
                list.push(SpeechEvent {
                    cue_tok: k,
                    cue_len: acc.unwrap_or(1),
                    speaker: id,
                    mention: np.span,
                    np_toks: np.toks,
                    method: match (acc, method) {
                        (Some(_), Method::Cue) => Method::AccordingTo,
                        _ => method,
                    },
                    para: tok.para,
                });
            } else if self.mode == Mode::News && matches!(np.kind, NpKind::Pronoun(_)) {
                self.unresolved.push(SpeechEvent {
                    cue_tok: k,
                    cue_len: acc.unwrap_or(1),
                    // Not read: the source is unknown.
                    speaker: ActorId::MAX,
                    mention: np.span,
                    np_toks: np.toks,
                    method: Method::None,
                    para: tok.para,
                });
            }
        }
    }

    /// Pass one: each quote's own cue. Returns one `Found` a quote.
    pub fn explicit(&mut self, quotes: &[RawQuote]) -> Vec<Found> {
        let mut out = Vec::with_capacity(quotes.len());
        let mut event_from = 0;
        for q in quotes {
            let toks = self.ph.toks;
            let first = toks.at_or_after(q.span.start);
            let after = toks.at_or_after(q.span.end);
            if toks.get(first).is_none() {
                out.push(Found::none());
                continue;
            }
            let p = Place { first, after };
            self.take_events(&mut event_from, first);
            let content = q.content.slice(toks.text).trim_end();
            let soft_end = !content.ends_with(['.', '…']);
            let after_hit = self.after(p);
            let before_hit = self
                .colon_label(p)
                .or_else(|| self.main_clause_intro(p))
                .or_else(|| self.before(p))
                .or_else(|| self.colon_intro(p))
                .or_else(|| self.comma_intro(p));
            let signed = self.dash_signature(p).or_else(|| self.words_of(p));
            let choice = match (after_hit, before_hit) {
                _ if signed.is_some() => signed,
                // "When someone shouted, “Resign,” Cole joked, “Not today.”": a tag after the
                // quote that leads into the next one is that one's, when a cue stands right
                // before this one.
                (Some(a), Some(b)) if b.3 && self.tag_leads_into_quote(a.1 + a.2, a.0.toks.1) => {
                    Some(b)
                }
                (Some(a), _) if soft_end => Some((a.0, a.1, a.2, true)),
                (_, Some(b)) => Some(b),
                (Some(a), None) if self.tag_clause_ends(&a.0, a.1) => Some((a.0, a.1, a.2, true)),
                _ => None,
            };
            let mut found = Found::none();
            if let Some((np, cue, n, adjacent)) = choice {
                let continuing = CONTINUING.contains(&self.toks().lower(cue));
                if let Some((id, method)) = self.resolve_with(&np, np.span.start, continuing) {
                    let is_acc = self.according_at(cue).is_some();
                    self.note_document(id, cue);
                    self.last_speaker = Some(id);
                    match self.table.gender(id) {
                        Gender::Male => self.last_by_gender[0] = Some(id),
                        Gender::Female => self.last_by_gender[1] = Some(id),
                        _ => {}
                    }
                    found = Found {
                        speaker: Some(id),
                        mention: Some(np.span),
                        cue: Some(if n > 1 {
                            self.cue_span(cue, n)
                        } else {
                            self.cue_at(cue)
                        }),
                        method: if is_acc && method == Method::Cue {
                            Method::AccordingTo
                        } else {
                            method
                        },
                        adjacent,
                        candidates: Vec::new(),
                    };
                } else if matches!(np.kind, NpKind::Pronoun(_)) {
                    // "“…,” he said" with nobody "he" can be: the quote has a source the
                    // reader sees, just not one we can name.
                    found = Found {
                        mention: Some(np.span),
                        cue: Some(self.cue_at(cue)),
                        adjacent,
                        ..Found::none()
                    };
                }
            }
            // A headline's own reading comes first: headline case makes names of its words
            // ("Says Van Dijk After Cup Exit").
            if self.toks().toks[first].para == 0 {
                if let Some((id, mention, cue, method)) = self.quoted_in_headline(p) {
                    self.absorb_headline_name(mention, id);
                    self.table.add_mention(id, mention, MentionForm::Name);
                    found = Found {
                        speaker: Some(id),
                        mention: Some(mention),
                        cue: Some(self.cue_at(cue)),
                        method,
                        adjacent: true,
                        candidates: Vec::new(),
                    };
                }
            }
            out.push(found);
            // Skip the tokens of this quote for events.
            event_from = event_from.max(after);
        }
        let n = self.toks().len();
        self.take_events(&mut event_from, n);
        out
    }

    /// Whether a tag whose cue and source end by tokens `cue_end` and `np_end` is followed,
    /// in its sentence, by a comma or colon and another quote: "Cole joked, “…”".
    fn tag_leads_into_quote(&self, cue_end: usize, np_end: usize) -> bool {
        let toks = self.toks();
        let from = cue_end.max(np_end);
        let Some(t) = toks.get(from) else {
            return false;
        };
        let para = t.para;
        let next = (from..toks.len().min(from + LEAD_IN_TOKENS)).find(|&x| {
            toks.toks[x].quote.is_some() || toks.toks[x].para != para || toks.is_sentence_end(x)
        });
        next.is_some_and(|x| {
            x > 0
                && toks.toks[x].quote.is_some()
                && toks.toks[x].para == para
                && (toks.is_punct(x - 1, ",") || toks.is_punct(x - 1, ":"))
        })
    }

    /// Roles named with "the" ("the Secretary of Defense") are mentions of their holder.
    pub fn role_mentions(&mut self) {
        let toks = self.ph.toks;
        for m in self.ph.names {
            if m.kind != NameKind::Role || m.toks.0 == 0 {
                continue;
            }
            let det = m.toks.0 - 1;
            if !(toks.is_word(det) && toks.lower(det) == "the") {
                continue;
            }
            let words = super::phrases::role_words(&m.name);
            if let Some(id) = self.table.by_role(&words, m.span.start) {
                let span = Span::new(toks.toks[det].span.start, m.span.end);
                self.table.add_mention(id, span, MentionForm::Description);
            }
        }
    }
}

/// Words that can follow an inverted tag's source: "said Smith of Iowa", "said Smith on
/// Tuesday".
const TAG_ADJUNCTS: &[&str] = &[
    "of",
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "last",
    "this",
    "when",
    "while",
    "who",
    "earlier",
    "later",
    "yesterday",
    "today",
];

/// Words that open a described phrase rather than name it.
const DETERMINER_WORDS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my",
    "your", "one", "another", "some", "every", "each",
];

/// Words at most in the body after a described speaker: "the skipper of the harbour cricket
/// club said".
const AFFILIATION_WORDS: usize = 8;

/// Tokens at most between a tag's end and the quote it leads into ("Cole joked, again, “…").
const LEAD_IN_TOKENS: usize = 8;

/// Words at most in a second description joined by "and", to its cue.
const SECOND_DESCRIPTION_WORDS: usize = 4;

/// A relative clause between a quote's source and its cue, at most ("the commuter who
/// wished not to be named, added").
const RELATIVE_TAG_TOKENS: usize = 12;

/// Words at most of a description before its "who" ("one concerned vehicle owner").
const DESCRIPTION_BEFORE_WHO: usize = 5;

/// An appositive between a name and its cue, at most ("Schuh, e.GO’s founder and the
/// mastermind behind Europe’s best-selling electric van, said").
const APPOSITIVE_TOKENS: usize = 24;

/// Tokens at most from a description's first word to a comma inside it, and from that
/// comma to its cue ("the lanky, bespectacled professor said").
const DESCRIPTION_COMMA: usize = 4;
const DESCRIPTION_TOKENS: usize = 5;

/// Tokens from a cue to its quote across a phrase ("joked in his turn to answer the question,").
const PHRASE_GAP: usize = 12;

/// Words that open such a phrase.
const TAG_PHRASE_STARTS: &[&str] = &[
    "in", "at", "on", "during", "after", "before", "outside", "inside", "from", "over",
];

/// Tokens at most in a parenthesis after a name in a tag: "(D-Ore.)", "(R-Texas)".
const PARENTHESIS_TOKENS: usize = 8;

/// Words at most in a described speaker between a quote and its cue ("one viewer").
const GROUP_TAG_WORDS: usize = 6;

/// Words at most in a sentence's opening phrase before its comma ("At the rally in Dayton,").
const OPENER_WORDS: usize = 8;

/// Tokens at most from a joined clause's subject to its "and" ("shared a photo … and").
const COORDINATED_TOKENS: usize = 24;

/// How far back a participle ("adding") looks for the cue whose subject it shares.
const PARTICIPLE_REACH: usize = 30;

/// A headline is short: at most this many words after its colon.
const HEADLINE_WORDS: usize = 25;

/// Cue forms that are more often plural nouns in news copy.
const NOUN_LIKE: &[&str] = &[
    "states",
    "remarks",
    "reports",
    "claims",
    "posts",
    "tweets",
    "comments",
    "notes",
    "answers",
    "charges",
    "calls",
    "shows",
    "plans",
    "finds",
    "fears",
    "worries",
    "estimates",
    "hopes",
    "promises",
    "pledges",
    "demands",
    "warns",
    "vows",
    "doubts",
    "replies",
    "responds",
];

/// Cues that say the last speaker goes on.
const CONTINUING: &[&str] = &[
    "continued",
    "continues",
    "resumed",
    "added",
    "adds",
    "pursued",
    "persisted",
    "repeated",
    "went",
];

/// Adverbs between an after-quote subject and its cue: "…,” he later said.
const ADVERBS_AFTER: &[&str] = &[
    "also",
    "later",
    "then",
    "quickly",
    "softly",
    "quietly",
    "finally",
    "again",
    "has",
    "had",
    "once",
    "often",
    "always",
    "sometimes",
    "usually",
    "repeatedly",
    // and "…,” he was (is) quoted as saying:
    "was",
    "is",
    "quoted",
    "as",
];
