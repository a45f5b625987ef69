//! News: a pronoun's person is the subject of the narration just before its quote.
//!
//! "John Goodwin came to the rally to speak for the laid-off. “…,” he said." A reporter
//! introduces a person and then quotes them; the last speaker is the pronoun's person only
//! when no narration stands between (a run of quotes). Gender and number must agree.

use super::super::lexicon::PronounRef;
use super::super::model::{ActorId, ActorKind, Gender};
use super::super::names::{NameKind, NameMention};
use super::super::phrases::{Np, NpKind};
use super::super::sentences::{self, AtQuotes};
use super::super::tagger::Upos;
use super::{Attributor, SpeechEvent};

/// Stretches of narration (sentences and the pieces between embedded quotes) read at most.
const MAX_STEPS: usize = 8;

/// Name mentions read back for candidates, at most (a paragraph of names stays linear).
const NAMES_BACK: usize = 40;

/// Narrative sentences read back from a pronoun's quote before giving up.
const SENTENCES_BACK: usize = 2;

/// Narration pronouns followed back to their own person, at most.
const MAX_CHAIN: u8 = 2;

/// Tokens a cue may stand before its source ("according to her"), at most.
const CUE_BEFORE_SOURCE: usize = 4;

/// Tokens at most from an opener's possessive to its comma ("In his opening remarks,").
const OPENER_TOKENS: usize = 6;

/// Words at most in an opener before a described subject ("Moments later, the …").
const OPENER_WORDS: usize = 3;

/// Tokens at most in a described subject, with its verb ("the prime minister stood").
const DESCRIBED_TOKENS: usize = 9;

/// Tokens read after a name's noun for a verb of its clause, at most.
const CLAUSE_TOKENS: usize = 10;

/// Events read from there for the one whose source a pronoun is.
const EVENTS_NEAR: usize = 8;

impl Attributor<'_, '_> {
    /// The person a news pronoun at token `pronoun` stands for by the narration before its
    /// quote: the first person of fitting gender in the nearest narrative sentence, a
    /// subject before anyone else. None when a quote stands right before (a run of quotes
    /// continues its last speaker) or the narration names nobody who fits.
    pub(super) fn narrated_subject(&self, pronoun: usize, gender: Gender) -> Option<ActorId> {
        self.narrated(pronoun, Some(gender), 0)
    }

    /// Whether the possessive at token `p` stands in a short phrase that opens the sentence
    /// at `start` and ends in a comma ("In his invocation,").
    fn in_opener(&self, p: usize, start: usize) -> bool {
        let toks = self.ph.toks;
        if !matches!(toks.lower(p), "his" | "her" | "their") || p > start + 2 {
            return false;
        }
        (p + 1..(p + OPENER_TOKENS).min(toks.len()))
            .take_while(|&k| toks.is_word(k) || toks.is_punct(k, ","))
            .any(|k| toks.is_punct(k, ","))
    }

    /// "Here, the prime minister stood, a bemused look on his face. “…,” he said.": one
    /// described by a title or a noun for a person (not a name) who is the subject of the
    /// nearest narrative sentence, where no one named fits the pronoun, of no other gender
    /// than its.
    pub(super) fn described_antecedent(&self, pronoun: usize, gender: Gender) -> Option<Np> {
        let toks = self.ph.toks;
        let j = self.back_to_narration(pronoun);
        let last = j.checked_sub(1)?;
        if toks.toks[last].quote.is_some() {
            return None;
        }
        let start = self.list_sentence_start(last, toks.toks[last].para);
        if self.first_fitting_person(start, j, Some(gender)).is_some() {
            return None;
        }
        // After an opener ("Here,", "Moments later,", "Then"), if any.
        let the = (start..(start + OPENER_WORDS + 2).min(j))
            .find(|&k| toks.is_word(k) && toks.lower(k) == "the")?;
        let opener = &toks.tags(start..the + 1)[..the - start];
        let opens = the == start
            || (toks.is_punct(the - 1, ",") || opener.iter().all(|&t| t == Upos::Adv))
                && (start..the).all(|k| !toks.is_word(k) || k == start || !toks.toks[k].cap);
        if !opens {
            return None;
        }
        // The phrase ends at the sentence's verb ("the prime minister | stood").
        let tags = toks.tags(the..(the + DESCRIBED_TOKENS).min(j));
        let verb = the + 1 + tags.iter().skip(1).position(|t| t.is_verb())?;
        let np = self
            .ph
            .after(the, verb)
            .or_else(|| self.ph.before(verb, the).filter(|np| np.toks.0 == the))?;
        // "The agency's inspector general warned": the phrase runs to the verb.
        let runs_to_verb = (np.toks.1..verb).all(|k| toks.is_word(k));
        if !runs_to_verb || self.pronoun_of(start, np.toks.0, gender).is_some() {
            return None;
        }
        let lex = self.ph.lex;
        // "the Vermont senator" is an epithet for whom the story named just before, if any.
        let placed = (np.toks.0 + 1..np.toks.1).any(|k| toks.is_word(k) && toks.toks[k].cap);
        if placed {
            return None;
        }
        let head = match &np.kind {
            NpKind::Role(words) => words.last()?.as_str(),
            NpKind::Source(ActorKind::Anonymous) => toks.lower(np.toks.1 - 1),
            _ => return None,
        };
        let person = lex.is_title(head) || lex.is_role_word(head) || lex.is_person_noun(head);
        let fits = person
            && lex
                .noun_gender(head)
                .is_none_or(|g| g == Gender::Unknown || g == gender);
        fits.then_some(np)
    }

    /// One described but not named who opens the sentence `from..to` and reports in it
    /// ("One woman, who asked that her name not be used, said …"), of no other gender than
    /// the pronoun's, by the noun that describes her.
    fn described_reporter(
        &self,
        from: usize,
        to: usize,
        gender: Option<Gender>,
    ) -> Option<ActorId> {
        let toks = self.ph.toks;
        let (id, head) = self
            .events_within(from, to)
            .find(|e| e.np_toks.0 == from)
            .map(|e| (e.speaker, e.np_toks.1 - 1))?;
        let t = &self.table;
        // Named people are read by their names; this is for the unnamed.
        let unnamed = matches!(t.kind(id), ActorKind::Anonymous | ActorKind::Person)
            && t.name_words(id).is_empty();
        // Not a title ("The Congress leader said that …"): that is often the one named
        // before, whom the search goes on to find.
        if !unnamed || !toks.is_word(head) || self.ph.lex.is_title(toks.lower(head)) {
            return None;
        }
        let noun = self
            .ph
            .lex
            .noun_gender(toks.lower(head))
            .unwrap_or(Gender::Unknown);
        let agrees = |g: Gender| gender.is_none_or(|want| g == Gender::Unknown || g == want);
        (agrees(noun) && agrees(t.gender(id))).then_some(id)
    }

    /// The person the narration before a description at token `at` is about ("… praised
    /// the debrief. “…,” the local said."), of the gender its noun gives, if any.
    /// Not after a quote signed with a dash ("“…” — Priya Nand, a delivery driver."): the
    /// signature names the quote's speaker and describes no one further.
    pub(super) fn narrated_person(&self, at: usize, gender: Option<Gender>) -> Option<ActorId> {
        let toks = self.ph.toks;
        let j = self.back_to_narration(at);
        let last = j.checked_sub(1)?;
        let para = toks.toks[last].para;
        let mut first = last;
        while first > 0 && toks.toks[first - 1].para == para {
            first -= 1;
        }
        let mut after_quote = first;
        while after_quote < last && toks.toks[after_quote].quote.is_some() {
            after_quote += 1;
        }
        if after_quote > first && self.ph.is_dash(after_quote) {
            return None;
        }
        self.narrated(at, gender, 0)
    }

    /// The person the narration before token `at` is about, of any gender, when they have
    /// spoken before: a quote-only paragraph after "Laurin lost 40 per cent of her income."
    /// goes on in Laurin's voice.
    pub fn narrated_speaker(&self, at: usize) -> Option<ActorId> {
        self.narrated(at, None, 0)
            .filter(|&id| self.table.is_confirmed(id))
    }

    /// From a tag pronoun at token `pronoun`, out of its own quote ("“…,” he said") back to
    /// the end of the narration before it; or to the end of another quote standing there.
    fn back_to_narration(&self, pronoun: usize) -> usize {
        let toks = self.ph.toks;
        let mut j = pronoun;
        let mut crossed_own_quote = false;
        while j > 0 {
            let t = &toks.toks[j - 1];
            if t.quote.is_some() {
                if crossed_own_quote {
                    break;
                }
                crossed_own_quote = true;
                j = toks.at_or_after(self.quote_start(j - 1));
            } else if toks.is_word(j - 1) {
                break;
            } else {
                j -= 1;
            }
        }
        j
    }

    /// `depth` counts the pronouns followed back already ("He said the mill … “…,” he
    /// said": the narration's own "he" is the same person, found further back).
    fn narrated(&self, pronoun: usize, gender: Option<Gender>, depth: u8) -> Option<ActorId> {
        let toks = self.ph.toks;
        let mut j = self.back_to_narration(pronoun);
        let mut sentences_read = 0;
        let mut steps = 0;
        // Someone found after an embedded quote, kept while the sentence's start is read.
        let mut deferred = None;
        while j > 0 && sentences_read < SENTENCES_BACK && steps < MAX_STEPS {
            steps += 1;
            let last = j - 1;
            if toks.toks[last].quote.is_some() {
                // Quoted words inside narration ("called it “unfair” for the students") are
                // part of its sentence; a quote standing on its own ends the search.
                let first = toks.at_or_after(self.quote_start(last));
                let embedded = first > 0
                    && toks.toks[first - 1].para == toks.toks[last].para
                    && toks.toks[first - 1].quote.is_none()
                    && !sentences::ends_at(toks, self.ph.lex, first - 1);
                if !embedded {
                    return None;
                }
                j = first;
                sentences_read = sentences_read.saturating_sub(1);
                continue;
            }
            let para = toks.toks[last].para;
            let start = self.list_sentence_start(last, para);
            // "Rennie is “bloody angry” that the NZR pulled the pin, postponing the Rugby
            // Championship.": the words after an embedded quote end a sentence whose
            // subject stands before it.
            let after_embedded = start > 0 && toks.toks[start - 1].quote.is_some() && {
                let first = toks.at_or_after(self.quote_start(start - 1));
                first > 0
                    && toks.toks[first - 1].para == para
                    && toks.toks[first - 1].quote.is_none()
                    && !sentences::ends_at(toks, self.ph.lex, first - 1)
            };
            if after_embedded && deferred.is_none() {
                deferred = self.first_fitting_person(start, j, gender);
                j = start;
                continue;
            }
            let same = gender.and_then(|g| self.pronoun_of(start, j, g));
            // Only the nearest sentence: one described who reports there ("One woman, who
            // asked that her name not be used, said").
            let described = || {
                (sentences_read == 0)
                    .then(|| self.described_reporter(start, j, gender))
                    .flatten()
            };
            if let (Some(p), Some(g)) = (same, gender) {
                // The sentence speaks of a "he" already: someone after an opener's "his" ("In
                // his invocation, the Rev. Carroll Meyer … lauded"), else a subject named
                // before that pronoun, else one described who reports there, else the
                // pronoun's own person ("He said the mill, run by his uncle, Tomas Reyes, …"),
                // else someone named after it.
                let ahead = self
                    .in_opener(p, start)
                    .then(|| self.first_fitting_person(p, j, gender))
                    .flatten();
                let found = ahead
                    .or_else(|| self.first_fitting_person(start, p, gender))
                    .or_else(described)
                    .or_else(|| {
                        (depth < MAX_CHAIN)
                            .then(|| self.pronoun_person(p, g, depth))
                            .flatten()
                    })
                    .or_else(|| self.first_fitting_person(p, j, gender));
                if found.is_some() {
                    return found;
                }
            } else if let Some(id) = self.first_fitting_person(start, j, gender) {
                return Some(id);
            } else if let Some(id) = described() {
                return Some(id);
            }
            if deferred.is_some() {
                // The sentence's start named no one: it was about whom its end named.
                return deferred;
            }
            sentences_read += 1;
            // Past the sentence's full stop (or a quote, which ends the search next round).
            j = start;
            while j > 0 && !toks.is_word(j - 1) && toks.toks[j - 1].quote.is_none() {
                j -= 1;
            }
        }
        deferred
    }

    /// The start of the sentence holding token `last`.
    /// Semicolons that part items of a list ("…; St Anne with beans; and St Thomas with
    /// cucumbers.") end no sentence: back from a last item that opens with "and" or "or",
    /// or from a piece with no verb, the search goes on to the sentence's subject. A piece
    /// with its verb is a sentence of its own ("Smith resigned; Jones took over.").
    fn list_sentence_start(&self, last: usize, para: u32) -> usize {
        let toks = self.ph.toks;
        let lex = self.ph.lex;
        let mut start = sentences::start(toks, lex, last, para, 80, AtQuotes::Stop);
        let mut in_list = false;
        for _ in 0..MAX_STEPS {
            let after_semicolon = start >= 2
                && toks.is_punct(start - 1, ";")
                && toks.toks[start - 2].para == para
                && toks.toks[start - 2].quote.is_none();
            if !after_semicolon {
                break;
            }
            in_list = in_list || (toks.is_word(start) && matches!(toks.lower(start), "and" | "or"));
            let piece_end = sentences::end(toks, lex, start, 80, AtQuotes::Stop);
            if !in_list && toks.tags(start..piece_end).iter().any(|t| t.is_verb()) {
                break;
            }
            start = sentences::start(toks, lex, start - 2, para, 80, AtQuotes::Stop);
        }
        start
    }

    /// The body an "it" at token `pronoun` stands for by the narration just before its
    /// quote: "Qantas repeated its forecast. “…,” it said." The subject of that sentence, a
    /// name followed by its verb, that is no person the text has shown (no given name, no
    /// gender, never a speaker) and no place.
    pub(super) fn narrated_body(&self, pronoun: usize) -> Option<ActorId> {
        let toks = self.ph.toks;
        let j = self.back_to_narration(pronoun);
        let last = j.checked_sub(1)?;
        if toks.toks[last].quote.is_some() {
            return None; // another quote stands right before
        }
        let para = toks.toks[last].para;
        let start = sentences::start(toks, self.ph.lex, last, para, 80, AtQuotes::Stop);
        let names = self.ph.names;
        let from = names.partition_point(|m| m.toks.0 < start);
        // The sentence's subject: its first name that a verb follows ("In a statement to
        // the exchange, Qantas repeated …").
        let i = (from..names.len())
            .take_while(|&i| names[i].toks.1 < j)
            .find(|&i| {
                let m = &names[i];
                !m.in_quote && self.is_subject_like(m) && self.verb_follows(m.toks, j)
            })?;
        let m = &names[i];
        let id = self.name_actor[i]?;
        let t = &self.table;
        let body = match t.kind(id) {
            ActorKind::Organisation => true,
            ActorKind::Person => {
                m.kind == NameKind::Unknown
                    && !m.given
                    && !t.is_confirmed(id)
                    && t.gender(id) == Gender::Unknown
            }
            _ => false,
        };
        (body && !t.is_place(id)).then_some(id)
    }

    /// The first "he", "him" or "his" (for a man) in narration tokens `from..to`.
    fn pronoun_of(&self, from: usize, to: usize, gender: Gender) -> Option<usize> {
        let toks = self.ph.toks;
        let lex = self.ph.lex;
        let want = match gender {
            Gender::Male => PronounRef::Male,
            Gender::Female => PronounRef::Female,
            Gender::Unknown => return None,
        };
        (from..to).find(|&k| {
            toks.toks[k].quote.is_none()
                && toks.is_word(k)
                && lex.pronoun(toks.lower(k)) == Some(want)
        })
    }

    /// The person a narration pronoun at token `p` stands for: the speaker already found for
    /// it when it reports ("He said the mill …"), else the narration before it.
    fn pronoun_person(&self, p: usize, gender: Gender, depth: u8) -> Option<ActorId> {
        // Both lists are in text order: the event whose source starts at `p` has its cue just
        // after it, or a few tokens before ("said he", "according to her account").
        let reporting = |list: &[SpeechEvent]| {
            let from = list.partition_point(|e| e.cue_tok + CUE_BEFORE_SOURCE < p);
            list[from..]
                .iter()
                .take(EVENTS_NEAR)
                .find(|e| e.np_toks.0 == p)
                .map(|e| e.speaker)
        };
        reporting(&self.events)
            .or_else(|| reporting(&self.reports))
            .or_else(|| self.narrated(p, Some(gender), depth + 1))
    }

    /// Whether a name at token `k` opens a clause that "that" or "which" subordinates ("a
    /// message that European captain Jose Olazabal sent"): the sentence is not about them.
    fn in_that_clause(&self, k: usize, from: usize) -> bool {
        let toks = self.ph.toks;
        (from.max(k.saturating_sub(4))..k)
            .rev()
            .take_while(|&i| toks.is_word(i))
            .any(|i| matches!(toks.lower(i), "that" | "which"))
    }

    fn quote_start(&self, tok: usize) -> usize {
        let toks = self.ph.toks;
        let mut k = tok;
        let q = toks.toks[tok].quote;
        while k > 0 && toks.toks[k - 1].quote == q {
            k -= 1;
        }
        toks.toks[k].span.start
    }

    /// The actor of name mention `i` when the narration names it (not a quote, not a role).
    fn narration_actor(&self, i: usize) -> Option<ActorId> {
        let m = &self.ph.names[i];
        if m.in_quote || m.kind == NameKind::Role {
            return None;
        }
        self.name_actor[i]
    }

    /// People and organisations named outside quotes from paragraph `from_para` up to token
    /// `to`, nearest first.
    pub fn named_before(&self, to: usize, from_para: u32) -> Vec<ActorId> {
        let toks = self.ph.toks;
        let names = self.ph.names;
        let end = names.partition_point(|m| m.toks.0 < to);
        let mut out = Vec::new();
        for (i, m) in names[..end].iter().enumerate().rev().take(NAMES_BACK) {
            if toks.toks[m.toks.0].para < from_para {
                break;
            }
            let Some(id) = self.narration_actor(i) else {
                continue;
            };
            let t = &self.table;
            // A person by full name, or anyone who has spoken already.
            let speaker_like = match t.kind(id) {
                ActorKind::Person => !t.is_place(id) && (t.is_confirmed(id) || m.name.len() > 1),
                ActorKind::Organisation => t.is_confirmed(id),
                _ => false,
            };
            if speaker_like && !out.contains(&id) {
                out.push(id);
            }
        }
        out
    }

    /// The first person mentioned in tokens `from..to` who fits `gender`: a subject first
    /// (not a possessor, not the object of a preposition), else one whose known gender agrees.
    fn first_fitting_person(
        &self,
        from: usize,
        to: usize,
        gender: Option<Gender>,
    ) -> Option<ActorId> {
        let names = self.ph.names;
        let lo = names.partition_point(|m| m.toks.0 < from);
        let writer = self.writer;
        let mut subject = None;
        let mut agreeing = None;
        // "Incident controller Laurie Jeremiah said …. “…,” he told ABC Radio.": one who
        // reports here, whose gender only a given-name list gave, against the pronoun.
        let mut reporting_against_list = None;
        let mut reporter = None;
        let mut subject_unsure = false;
        let mut agreeing_subject_like = false;
        for (i, m) in names.iter().enumerate().skip(lo) {
            if m.toks.0 >= to {
                break;
            }
            let Some(id) = self.narration_actor(i) else {
                continue;
            };
            let t = &self.table;
            if Some(id) == writer || t.kind(id) != ActorKind::Person || t.is_place(id) {
                continue;
            }
            let g = t.gender(id);
            if gender.is_some_and(|want| g != Gender::Unknown && g != want) {
                if reporting_against_list.is_none()
                    && t.gender_by_name_only(id)
                    && (self.reports_here(m, to) || self.source_of_report(m, to))
                {
                    reporting_against_list = Some(id);
                }
                continue;
            }
            // A person the text shows to be one: by gender, by speaking, or by a given name
            // (not "Toronto" or "Canadian", capitalised words the name reader cannot place).
            let known_person =
                g != Gender::Unknown || t.is_confirmed(id) || m.given || m.name.len() >= 2;
            // Or a one-word name that acts as a sentence's subject: "Mulder didn't hesitate."
            let acts = || self.is_subject_like(m) && self.verb_follows(m.toks, to);
            if !(known_person || acts()) {
                continue;
            }
            // "Emery faces life in prison, Lohmar said": the one reporting is who speaks on;
            // of two reporting clauses joined ("Kelly replied that … and Roberts said …"),
            // the later, whose words the quote goes on with. So is one named right after
            // the cue ("…, said Housing Minister Nga Kor Ming.").
            if self.reports_here(m, to) || self.reported_by(m.toks) {
                // "Linda Davis from the McElderry Community told council": the body before
                // the cue is where the reporter is from.
                let id = self.affiliated_with(i, from).unwrap_or(id);
                if reporter.is_none() || self.joins_clause(m.toks.0) {
                    reporter = Some(id);
                }
                continue;
            }
            if reporter.is_some() {
                continue;
            }
            let as_subject = subject.is_none()
                && self.is_subject_like(m)
                && !self.in_that_clause(m.toks.0, from);
            let as_agreeing = agreeing.is_none() && gender.is_some_and(|want| g == want);
            // The tagger is asked only about a name that would be chosen.
            if (as_subject || as_agreeing) && !self.modifies_noun(m.toks) {
                if as_subject {
                    // "Arbroath West and Letham councillor Brenda Durno has …": a name the
                    // text shows no sign of being a person's yields to one of the pronoun's
                    // gender in the same sentence.
                    subject_unsure = g == Gender::Unknown && !t.is_confirmed(id) && !m.given;
                    subject = Some(id);
                }
                if as_agreeing {
                    agreeing = Some(id);
                    agreeing_subject_like = self.is_subject_like(m);
                }
            }
        }
        // Not one named as an owner or an object ("… receptive to Parker's plea").
        let subject = if subject_unsure && agreeing_subject_like {
            agreeing
        } else {
            subject
        };
        reporter.or(subject).or(agreeing).or(reporting_against_list)
    }

    /// The person named right before name mention `i` and a preposition of affiliation
    /// ("Linda Davis from the McElderry Community"), from token `from` on.
    fn affiliated_with(&self, i: usize, from: usize) -> Option<ActorId> {
        let np = self.ph.affiliated_person(i, from)?;
        let NpKind::Name(person) = np.kind else {
            return None;
        };
        if !self.ph.names[person].personal() {
            return None;
        }
        self.narration_actor(person)
            .filter(|&id| self.table.kind(id) == ActorKind::Person)
    }

    /// Whether a name at token `k` opens a clause joined to the one before ("… and Roberts
    /// said"), not one that "that" subordinates.
    fn joins_clause(&self, k: usize) -> bool {
        let toks = self.ph.toks;
        k > 0 && toks.is_word(k - 1) && matches!(toks.lower(k - 1), "and" | "but" | "while")
    }

    /// Whether a speech verb follows the name `m` ("Lohmar said"); not a
    /// question ("when Tapper asked whether …": the one asked answers).
    fn reports_here(&self, m: &NameMention, to: usize) -> bool {
        let toks = self.ph.toks;
        let (a, b) = m.toks;
        // "the General Officer Commanding 81 Division, Nigerian Army, Umar Musa, said": a
        // person's name that closes an appositive reports past its comma ("Tulsa,
        // Oklahoma, arguing" is a place's).
        let closes_appositive = m.personal()
            && a > 0
            && toks.is_punct(a - 1, ",")
            && toks.is_punct(b, ",")
            && b + 1 < to;
        let k = if closes_appositive { b + 1 } else { b };
        k < to
            && toks.is_word(k)
            && self
                .ph
                .lex
                .cue(toks.lower(k))
                .is_some_and(|lemma| lemma != "ask")
    }

    /// Whether name `m` is the source of a report found before token `to`, however its
    /// verb is written ("Hassard went on to say that …"); not a label's colon.
    fn source_of_report(&self, m: &NameMention, to: usize) -> bool {
        self.events_within(m.toks.1, to)
            .any(|e| e.np_toks == m.toks && self.ph.toks.is_word(e.cue_tok))
    }

    /// The speech events, then the reports, whose cue lies in tokens `from..to` (both lists
    /// are in text order).
    fn events_within(&self, from: usize, to: usize) -> impl Iterator<Item = &SpeechEvent> {
        [&self.events, &self.reports]
            .into_iter()
            .flat_map(move |list| {
                let lo = list.partition_point(|e| e.cue_tok < from);
                list[lo..].iter().take_while(move |e| e.cue_tok < to)
            })
    }

    /// Whether a speech verb stands right before a name starting at token `k`, ending
    /// its sentence's report: "…, said Housing Minister Nga Kor Ming."
    /// Only after the comma that ends the reported clause and with the sentence ending on
    /// the name: in "told HuffPost Canada" the one named is spoken to, and in "…, said
    /// Covington Catholic has …" the name opens the reported clause.
    fn reported_by(&self, (k, end): (usize, usize)) -> bool {
        let toks = self.ph.toks;
        let para = toks.toks[k].para;
        let ends = toks.get(end).is_none_or(|t| t.para != para)
            || toks.is_sentence_end(end)
            || toks.is_punct(end, ",");
        k > 1
            && ends
            && toks.is_word(k - 1)
            && toks.is_punct(k - 2, ",")
            && self
                .ph
                .lex
                .cue(toks.lower(k - 1))
                .is_some_and(|lemma| !matches!(lemma, "ask" | "tell"))
    }

    /// Whether a verb of doing follows the name at tokens `(a, b)` inside tokens up to `to`
    /// ("Mulder didn't hesitate", "Brennan laughed"); not "is" or "has", which places and
    /// things take as often as people ("Digby is bracing for the storm").
    fn verb_follows(&self, (a, b): (usize, usize), to: usize) -> bool {
        let toks = self.ph.toks;
        if b >= to || !toks.is_word(b) || toks.toks[b].cap || toks.toks[b].quote.is_some() {
            return false;
        }
        let be_or_have = matches!(
            toks.lower(b),
            "is" | "was" | "are" | "were" | "has" | "had" | "have" | "will" | "would" | "remains"
        );
        if be_or_have {
            return false;
        }
        let end = (b + 2).min(toks.len());
        toks.tags(a..end).get(b - a).is_some_and(|t| t.is_verb())
    }

    /// Whether a name at tokens `(a, b)` modifies the noun after it ("Lake Cowichan
    /// residents"): then it names no one who could speak.
    fn modifies_noun(&self, (a, b): (usize, usize)) -> bool {
        let toks = self.ph.toks;
        let lower_next = toks.is_word(b) && !toks.toks[b].cap && toks.toks[b].quote.is_none();
        // "Mr Michael Chideme yesterday urged": a day as an adverb modifies the verb.
        let day = lower_next
            && matches!(
                toks.lower(b),
                "yesterday" | "today" | "tonight" | "tomorrow"
            );
        lower_next && !day && self.ph.lex.report_cue(toks.lower(b)).is_none() && {
            // The words after it too, so that "residents have" reads as a noun phrase.
            let end = (b + 3).min(toks.len());
            let tags = toks.tags(a..end);
            tags.get(b - a) == Some(&Upos::Noun) && !self.verb_read_as_noun(a, b)
        }
    }

    /// "Stacy Sirnadis lives at the end of the road": a word in -s after a name that opens
    /// its clause (`a..b`), read as a noun, with no verb after it in its clause is the
    /// name's verb ("residents have" has its verb after the noun; "voted for the Republican
    /// nominees" is no clause of "Republican").
    fn verb_read_as_noun(&self, a: usize, b: usize) -> bool {
        let toks = self.ph.toks;
        let opens_clause = a == 0 || !toks.is_word(a - 1) || toks.lower(a - 1) == "and";
        if !opens_clause || !toks.lower(b).ends_with('s') {
            return false;
        }
        let limit = toks.len().min(b + 1 + CLAUSE_TOKENS);
        let end = (b + 1..limit)
            .find(|&k| {
                !toks.is_word(k) || toks.toks[k].para != toks.toks[b].para || toks.lower(k) == "and"
            })
            .unwrap_or(limit);
        !toks.tags(b..end).iter().skip(1).any(|t| t.is_verb())
    }
}
