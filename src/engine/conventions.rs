//! Pass two: a speaker for quotes with no cue of their own, by the conventions of the mode.
//!
//! Both modes: another quote in the same paragraph with a speaker gives it. News: reported
//! speech earlier in the paragraph, or, for a quote-only paragraph, the previous paragraph's
//! speaker (continuation). Fiction: the narration of the paragraph names the speaker, or the
//! turns of a conversation alternate between its two participants, forwards and backwards
//! from the turns whose speaker is known, and never to the person a quote addresses.

use super::attribute::{Attributor, Found};
use super::lexicon::SPEECH_WORD;
use super::model::{ActorId, ActorKind, Gender, Method, Mode, Span};
use super::names::{sentence_initial, NameKind};
use super::quotes::RawQuote;
use super::sentences::{self, AtQuotes};
use super::tagger::Upos;
use super::tokens::{Kind, Tokens};

/// A paragraph holding speech, in a conversation.
struct Turn {
    para: u32,
    /// Quote indices in this paragraph.
    quotes: std::ops::Range<usize>,
    speaker: Option<ActorId>,
    /// Whether the speaker came from the text (a cue, narration) rather than alternation.
    known: bool,
    /// People the turn's quotes address by name ("Lizzy, ...").
    addressed: Vec<ActorId>,
    /// The narration of the paragraph opens a sentence with "He" or "She": the speaker's
    /// likely gender ("“No.” She turned away.").
    hint: Option<Gender>,
}

impl Attributor<'_, '_> {
    pub fn conventions(&mut self, quotes: &[RawQuote], found: &mut [Found], speech: &[bool]) {
        let toks = self.ph.toks;
        let paras: Vec<u32> = quotes
            .iter()
            .map(|q| {
                toks.get(toks.at_or_after(q.span.start))
                    .map_or(u32::MAX, |t| t.para)
            })
            .collect();
        self.same_paragraph(&paras, found, speech);
        match self.mode {
            Mode::Fiction => {
                self.name_the_narrator(quotes, &paras, found);
                self.conversation(quotes, &paras, found, speech)
            }
            _ => {
                self.continuation(quotes, &paras, found, speech);
                self.interviewee(quotes, &paras, found, speech);
                self.subject_of_sentence_before(quotes, &paras, found, speech);
                self.candidates(quotes, &paras, found, speech);
            }
        }
    }

    /// News, an interview: "Energeticcity.ca sat down with Mayor Lori Ackerman to discuss
    /// the year", "Mayor Ines Duval sat down with the Post". When the opening paragraphs say
    /// whom the article talks with, the paragraphs that are only an untagged quote are that
    /// person's answers, until the text quotes or reports anyone else.
    fn interviewee(
        &mut self,
        quotes: &[RawQuote],
        paras: &[u32],
        found: &mut [Found],
        speech: &[bool],
    ) {
        let toks = self.ph.toks;
        let opening = toks
            .toks
            .partition_point(|t| t.para < INTERVIEW_OPENING_PARAGRAPHS);
        let person = |mi: usize| {
            let id = self.name_actor[mi]?;
            (self.ph.names[mi].personal() && self.table.kind(id) == ActorKind::Person)
                .then_some((mi, id))
        };
        let Some((mi, id)) = (0..opening).find_map(|k| {
            let n = INTERVIEW_PHRASES.iter().find_map(|phrase| {
                let words = phrase.split(' ').enumerate();
                words
                    .clone()
                    .all(|(x, w)| toks.is_word(k + x) && toks.lower(k + x) == w)
                    .then(|| words.count())
            })?;
            // Past a description in lower case: "sat down with harbour master Rhoda Finch".
            let object = (k + n..k + n + INTERVIEW_DESCRIPTION_WORDS)
                .take_while(|&x| toks.is_word(x))
                .find(|&x| self.ph.index.starting_at(x).is_some() || toks.toks[x].cap)
                .and_then(|at| self.ph.index.starting_at(at))
                .and_then(person);
            // Else "Mayor Ines Duval sat down with the Post": the subject is interviewed.
            object.or_else(|| {
                let last = k.checked_sub(1)?;
                person(self.ph.index.ending_at(last)?)
            })
        }) else {
            return;
        };
        // Their answers run until the text quotes or reports anyone else.
        let toks_start = |i: usize| toks.at_or_after(quotes[i].span.start);
        let first_other = found
            .iter()
            .enumerate()
            .filter(|(_, f)| f.speaker.is_some_and(|s| s != id))
            .map(|(i, _)| toks_start(i))
            .chain(
                self.events
                    .iter()
                    .filter(|e| e.speaker != id)
                    .map(|e| e.cue_tok),
            )
            .min()
            .unwrap_or(usize::MAX);
        // An answer after a question of the interviewer's, a paragraph of its own with no
        // quote ("What do you say to critics?"), is theirs even then.
        let after_question = |para: u32| {
            let start = toks.toks.partition_point(|t| t.para + 1 < para);
            let end = toks.toks.partition_point(|t| t.para < para);
            para > 0
                && end > start
                && toks.toks[start].para + 1 == para
                && toks.is_punct(end - 1, "?")
                && toks.toks[start..end].iter().all(|t| t.quote.is_none())
        };
        let mention = self.ph.names[mi].span;
        for i in 0..quotes.len() {
            let alone = paras[i] > 0 && paragraph_is_quotes(toks, paras[i]);
            let open = found[i].speaker.is_none() && toks_start(i) < first_other;
            let answer = after_question(paras[i])
                && (found[i].speaker.is_none() || found[i].method == Method::Continuation);
            if (open || answer) && speech[i] && alone {
                found[i] = Found {
                    speaker: Some(id),
                    mention: Some(mention),
                    cue: None,
                    method: Method::Interview,
                    adjacent: false,
                    candidates: Vec::new(),
                };
            }
        }
    }

    /// News: "Asked about mediation, Achebe shrugged. “If the port …”". An untagged quote
    /// right after a sentence of its own paragraph goes to that sentence's subject: a person
    /// named at its start, or right after an opening clause's comma, with a verb next.
    fn subject_of_sentence_before(
        &mut self,
        quotes: &[RawQuote],
        paras: &[u32],
        found: &mut [Found],
        speech: &[bool],
    ) {
        let toks = self.ph.toks;
        let lex = self.ph.lex;
        for i in 0..quotes.len() {
            if found[i].speaker.is_some() || found[i].mention.is_some() || !speech[i] {
                continue;
            }
            let para = paras[i];
            let first = toks.at_or_after(quotes[i].span.start);
            let Some(mark) = first.checked_sub(1) else {
                continue;
            };
            let t = &toks.toks[mark];
            if t.para != para || t.quote.is_some() || !sentences::ends_at(toks, lex, mark) {
                continue;
            }
            let Some(last) = mark.checked_sub(1) else {
                continue;
            };
            let start = sentences::start(
                toks,
                lex,
                last,
                para,
                SUBJECT_SENTENCE_TOKENS,
                AtQuotes::Through(quotes),
            );
            let after_opener = (start..mark)
                .find(|&k| toks.is_punct(k, ","))
                .map(|k| k + 1);
            let subject = [Some(start), after_opener]
                .into_iter()
                .flatten()
                .find_map(|s| self.person_subject_at(s, mark));
            if let Some((id, mention)) = subject {
                self.table.confirm(id, None);
                found[i] = Found {
                    speaker: Some(id),
                    mention: Some(mention),
                    cue: None,
                    method: Method::Narration,
                    adjacent: false,
                    candidates: Vec::new(),
                };
            }
        }
    }

    /// A person named at token `s`, outside quotes, whose verb follows the name (an adverb
    /// may stand between: "Achebe simply shrugged"), before token `end`.
    fn person_subject_at(&self, s: usize, end: usize) -> Option<(ActorId, Span)> {
        let mi = self.ph.index.starting_at(s)?;
        let m = &self.ph.names[mi];
        if m.in_quote
            || matches!(m.kind, NameKind::Role | NameKind::Organisation)
            || !self.is_subject_like(m)
        {
            return None;
        }
        let id = self.name_actor[mi]?;
        let t = &self.table;
        // Known for a person: by a full name, a gender or words quoted already. One
        // capitalised word alone may be a thing ("Development needs teams, …").
        let person =
            t.name_words(id).len() >= 2 || t.gender(id) != Gender::Unknown || t.is_confirmed(id);
        if t.kind(id) != ActorKind::Person || t.is_place(id) || !person {
            return None;
        }
        let toks = self.ph.toks;
        let to = (m.toks.1 + 2).min(end);
        let words = (m.toks.1..to).take_while(|&k| toks.is_word(k));
        let tags = toks.tags(m.toks.1..to);
        // A speech or report verb counts whatever the tagger says ("Manna points out").
        let is_verb = |k: usize, t: Upos| t.is_verb() || toks.toks[k].flags & SPEECH_WORD != 0;
        let verb = words
            .zip(tags)
            .take_while(|&(k, t)| is_verb(k, t) || t == Upos::Adv)
            .any(|(k, t)| is_verb(k, t));
        verb.then_some((id, m.span))
    }

    /// News, a quote still without a speaker: the people a reader would weigh, the last
    /// speaker within a few paragraphs and anyone the narration just before names.
    fn candidates(
        &mut self,
        quotes: &[RawQuote],
        paras: &[u32],
        found: &mut [Found],
        speech: &[bool],
    ) {
        let toks = self.ph.toks;
        let mut quoted: rustc_hash::FxHashSet<ActorId> = Default::default();
        let mut last: Option<(u32, ActorId)> = None;
        for i in 0..quotes.len() {
            let para = paras[i];
            if let Some(s) = found[i].speaker {
                quoted.insert(s);
                last = Some((para, s));
                continue;
            }
            if !speech[i] {
                continue;
            }
            let mut who: Vec<ActorId> = Vec::new();
            who.extend(
                last.filter(|&(p, _)| p + CANDIDATE_PARAGRAPHS >= para)
                    .map(|(_, s)| s),
            );
            let first = toks.at_or_after(quotes[i].span.start);
            // An organisation only when it has been quoted already: names of things
            // ("HTML") are organisations to the name reader too.
            for id in self.named_before(first, para.saturating_sub(1)) {
                let person = self.table.kind(id) == ActorKind::Person;
                if (person || quoted.contains(&id))
                    && !who.contains(&id)
                    && who.len() < MAX_CANDIDATES
                {
                    who.push(id);
                }
            }
            // A candidate is shown to the writer, so it is an actor with a card.
            for &id in &who {
                self.table.confirm(id, None);
            }
            found[i].candidates = who;
        }
    }

    /// A quote takes the speaker of the nearest attributed quote in its paragraph.
    fn same_paragraph(&self, paras: &[u32], found: &mut [Found], speech: &[bool]) {
        let mut start = 0;
        while start < paras.len() {
            let para = paras[start];
            let end = start + paras[start..].partition_point(|&p| p == para);
            for i in start..end {
                if found[i].speaker.is_some() || !speech[i] {
                    continue;
                }
                // A donor with a speaker, or with a source we could not resolve ("he said"):
                // the quote's words are then that same unnamed source's.
                let donor = (start..end)
                    .filter(|&j| {
                        j != i
                            && (found[j].speaker.is_some() || found[j].mention.is_some())
                            && found[j].method != Method::Continuation
                    })
                    .min_by_key(|&j| {
                        let named = found[j].speaker.is_none();
                        if j < i {
                            (named, 0, i - j)
                        } else {
                            (named, 1, j - i)
                        }
                    });
                if let Some(j) = donor {
                    found[i] = Found {
                        cue: None,
                        method: Method::Continuation,
                        adjacent: false,
                        ..found[j].clone()
                    };
                }
            }
            start = end;
        }
    }

    /// News: reported speech earlier in the paragraph, or the previous paragraph's speaker
    /// for a paragraph that is only quotes.
    fn continuation(
        &self,
        quotes: &[RawQuote],
        paras: &[u32],
        found: &mut [Found],
        speech: &[bool],
    ) {
        let toks = self.ph.toks;
        let event_pos = |k: usize| toks.toks[self.events[k].cue_tok].span.start;
        for i in 0..quotes.len() {
            if found[i].speaker.is_some() || !speech[i] {
                continue;
            }
            let para = paras[i];
            let start = quotes[i].span.start;
            let before = self
                .events
                .partition_point(|e| toks.toks[e.cue_tok].span.start < start);
            let in_para = before
                .checked_sub(1)
                .map(|k| &self.events[k])
                .filter(|e| e.para == para);
            let pick = if let Some(e) = in_para {
                Some((Some(e.speaker), Some(e.mention)))
            } else if para > 0 && paragraph_is_quotes(toks, para) {
                let prev_quote = (0..i)
                    .rev()
                    .take_while(|&j| paras[j] + 1 >= para)
                    .find(|&j| paras[j] + 1 == para && found[j].speaker.is_some());
                let prev_event = before
                    .checked_sub(1)
                    .map(|k| (k, &self.events[k]))
                    .filter(|(_, e)| e.para + 1 == para);
                match (prev_quote, prev_event) {
                    (Some(j), Some((k, e))) if event_pos(k) > quotes[j].span.start => {
                        Some((Some(e.speaker), Some(e.mention)))
                    }
                    (Some(j), _) => Some((found[j].speaker, found[j].mention)),
                    (None, Some((_, e))) => Some((Some(e.speaker), Some(e.mention))),
                    (None, None) => self
                        .narrated_speaker(toks.at_or_after(start))
                        .map(|id| (Some(id), None))
                        .or_else(|| {
                            self.reporter_goes_on(before, toks.at_or_after(start), para, found)
                        })
                        .or_else(|| self.quoted_across_aside(quotes, i, paras, found)),
                }
            } else if para > 0
                && toks.at_or_after(start) == toks.toks.partition_point(|t| t.para < para)
            {
                // "“…” Cllr Mulligan queried who …": a paragraph opening with an untagged
                // quote goes on with the last paragraph's speaker when its own narration
                // reports that same person.
                let prev_quote = (0..i)
                    .rev()
                    .take_while(|&j| paras[j] + 1 >= para)
                    .find(|&j| paras[j] + 1 == para && found[j].speaker.is_some());
                let next_event = self.events.get(before).filter(|e| e.para == para);
                match (prev_quote, next_event) {
                    (Some(j), Some(e)) if found[j].speaker == Some(e.speaker) => {
                        Some((found[j].speaker, found[j].mention))
                    }
                    _ => None,
                }
            } else {
                None
            };
            if let Some((speaker, mention)) = pick {
                found[i] = Found {
                    speaker,
                    mention,
                    cue: None,
                    method: Method::Continuation,
                    adjacent: false,
                    candidates: Vec::new(),
                };
            }
        }
    }

    /// News: a paragraph that is only a quote, after a person's report and a few paragraphs
    /// of narration that name no other person and quote nobody on their own ("Rachel Thorn,
    /// a union delegate, said before the strike …¶That included …¶Instead Health NZ opted
    /// for an “emergency plan” …¶“So it was a very sketchy plan …”"): the reporter goes on.
    /// `before` counts the speech events before the quote, whose first token is `first`.
    fn reporter_goes_on(
        &self,
        before: usize,
        first: usize,
        para: u32,
        found: &[Found],
    ) -> Option<(Option<ActorId>, Option<Span>)> {
        let toks = self.ph.toks;
        let e = &self.events[before.checked_sub(1)?];
        // A report of its own, not the tag of a quote: its paragraph quotes nothing.
        let mut para_start = e.cue_tok;
        while para_start > 0 && toks.toks[para_start - 1].para == e.para {
            para_start -= 1;
        }
        let reported = !toks.toks[para_start..]
            .iter()
            .take_while(|t| t.para == e.para)
            .any(|t| t.quote.is_some());
        let names = self.ph.names;
        // Or the tag of a quote, then one paragraph of narration that reports nothing and
        // names no other person ("“…,” she said.¶A large portion of rates were targeted …¶
        // “In practice, …”").
        let tagged_then_aside = !reported
            && e.para + 2 == para
            // The aside's last token; nor one that introduces something of its own ("… and
            // so is HTML:").
            && (0..first)
                .rev()
                .find(|&x| toks.toks[x].para < para)
                .is_some_and(|x| toks.toks[x].para + 1 == para && !toks.is_punct(x, ":"))
            && !paragraph_is_quotes(toks, para - 1)
            && !self.events.iter().any(|x| x.para == para - 1);
        let near = (reported && e.para < para && e.para + CANDIDATE_PARAGRAPHS >= para)
            || tagged_then_aside;
        if !near || self.table.kind(e.speaker) != ActorKind::Person {
            return None;
        }
        let from = names.partition_point(|m| m.toks.0 < e.np_toks.1.max(e.cue_tok + 1));
        let other_person = names[from..]
            .iter()
            .enumerate()
            .take_while(|(_, m)| m.toks.1 <= first)
            .any(|(k, m)| {
                !m.in_quote
                    && !self.team_subject(m)
                    && self.name_actor[from + k].is_some_and(|id| {
                        id != e.speaker && self.table.kind(id) == ActorKind::Person
                    })
            });
        // A quote of its own in between speaks for someone else, unless it was found to be
        // the reporter's too; quoted words inside narration ("an “emergency plan”") do not.
        let quoted_between = (e.cue_tok + 1..first).any(|k| {
            toks.toks[k].quote.is_some_and(|q| {
                found
                    .get(q as usize)
                    .is_none_or(|f| f.speaker != Some(e.speaker))
                    && paragraph_is_quotes(toks, toks.toks[k].para)
            })
        });
        (!other_person && !quoted_between).then_some((Some(e.speaker), Some(e.mention)))
    }

    /// A name alone as the subject of a plural verb is a team or a body, no person:
    /// "Kilbrack were three points up" (not "Cole and Vance were").
    fn team_subject(&self, m: &super::names::NameMention) -> bool {
        let toks = self.ph.toks;
        let (s, e) = m.toks;
        let plural_verb = toks.is_word(e) && matches!(toks.lower(e), "were" | "are" | "have");
        let joined = s > 0
            && (toks.is_punct(s - 1, ",") || toks.is_punct(s - 1, "&") || {
                toks.is_word(s - 1) && matches!(toks.lower(s - 1), "and" | "or" | "nor")
            });
        plural_verb && !joined
    }

    /// News: a paragraph that is only a quote, after a paragraph that quotes a person and
    /// one paragraph of narration that quotes and reports nothing, names no other person
    /// and introduces nothing with a colon ("“…,” said owner Lia Marsh.¶Money is tight.¶
    /// “We have a month of savings left.”"): the quoted person goes on.
    fn quoted_across_aside(
        &self,
        quotes: &[RawQuote],
        i: usize,
        paras: &[u32],
        found: &[Found],
    ) -> Option<(Option<ActorId>, Option<Span>)> {
        let (toks, para) = (self.ph.toks, paras[i]);
        let aside = para.checked_sub(1)?;
        // The last quote before, closing in the paragraph before the aside (a quote over
        // several paragraphs closes in its last).
        let j = i.checked_sub(1)?;
        let last = toks.at_or_after(quotes[j].span.end).checked_sub(1)?;
        if toks.toks[last].para + 2 != para {
            return None;
        }
        let speaker = found[j].speaker?;
        if self.table.kind(speaker) != ActorKind::Person {
            return None;
        }
        let from = toks.toks.partition_point(|t| t.para < aside);
        let to = toks.toks.partition_point(|t| t.para <= aside);
        let quiet = from < to
            && !(from..to).any(|k| toks.toks[k].quote.is_some())
            && !toks.is_punct(to - 1, ":")
            && !self.events.iter().any(|e| e.para == aside);
        let names = self.ph.names;
        let first = names.partition_point(|m| m.toks.0 < from);
        let other_person = names[first..]
            .iter()
            .enumerate()
            .take_while(|(_, m)| m.toks.1 <= to)
            .any(|(k, m)| {
                !self.team_subject(m)
                    && self.name_actor[first + k].is_some_and(|id| {
                        id != speaker
                            && self.table.kind(id) == ActorKind::Person
                            && !self.common_noun_opener(m.toks.0, id)
                    })
            });
        (quiet && !other_person).then_some((Some(speaker), found[j].mention))
    }

    /// A one-word "name" the document gives nowhere else, opening its sentence, that the
    /// tagger reads as a common noun ("Money is tight."): no person. "Trump called …" is one,
    /// for the document names Donald Trump elsewhere.
    fn common_noun_opener(&self, at: usize, id: ActorId) -> bool {
        let toks = self.ph.toks;
        let para = toks.toks[at].para;
        let end = (at..(at + 4).min(toks.len()))
            .take_while(|&k| toks.toks[k].para == para)
            .count();
        self.table.name_words(id).len() == 1
            && self.name_actor.iter().filter(|&&a| a == Some(id)).count() == 1
            && sentence_initial(toks, at, self.ph.lex)
            && toks.tags(at..at + end).first() == Some(&Upos::Noun)
    }

    /// Fiction: narration first, then alternation within each run of dialogue paragraphs.
    fn conversation(
        &mut self,
        quotes: &[RawQuote],
        paras: &[u32],
        found: &mut [Found],
        speech: &[bool],
    ) {
        let mut turns: Vec<Turn> = Vec::new();
        let mut i = 0;
        while i < quotes.len() {
            let para = paras[i];
            let end = i + paras[i..].partition_point(|&p| p == para);
            if (i..end).any(|k| speech[k]) {
                let speaker = (i..end).find_map(|k| found[k].speaker);
                let addressed = self.addressed(quotes, i..end);
                turns.push(Turn {
                    para,
                    quotes: i..end,
                    speaker,
                    known: speaker.is_some(),
                    addressed,
                    hint: self.gender_hint(para),
                });
            }
            i = end;
        }
        // Narration in the turn's own paragraph names its speaker.
        for t in turns.iter_mut().filter(|t| t.speaker.is_none()) {
            let first = quotes[t.quotes.start].span.start;
            if let Some(f) = self.narration(t.para, first, &t.addressed) {
                t.speaker = f.speaker;
                t.known = true;
                for k in t.quotes.clone() {
                    if found[k].speaker.is_none() && speech[k] {
                        found[k] = f.clone();
                    }
                }
            }
        }
        // A turn opening a conversation after narration: the person the narration was about.
        for k in 0..turns.len() {
            let opens_run = k == 0 || turns[k - 1].para + 1 != turns[k].para;
            if turns[k].speaker.is_some() || !opens_run || turns[k].para == 0 {
                continue;
            }
            let para = turns[k].para - 1;
            if let Some(f) = self.narration(para, usize::MAX, &turns[k].addressed) {
                turns[k].speaker = f.speaker;
                turns[k].known = true;
                for q in turns[k].quotes.clone() {
                    if found[q].speaker.is_none() && speech[q] {
                        found[q] = f.clone();
                    }
                }
            }
        }
        // The person a turn addresses by name answers it, or was just heard: the next and the
        // previous paragraph of dialogue are most often theirs.
        for k in 0..turns.len() {
            let [to] = turns[k].addressed[..] else {
                continue;
            };
            // Someone the text has shown as a person: a nickname only ever called out is not
            // worth a turn ("Harry" for Lord Henry).
            if turns[k].speaker == Some(to) || !self.table.is_confirmed(to) {
                continue;
            }
            let next = k + 1;
            if next < turns.len()
                && turns[next].para == turns[k].para + 1
                && turns[next].speaker.is_none()
                && !turns[next].addressed.contains(&to)
            {
                turns[next].speaker = Some(to);
                turns[next].known = true;
            }
            if k > 0
                && turns[k - 1].para + 1 == turns[k].para
                && turns[k - 1].speaker.is_none()
                && !turns[k - 1].addressed.contains(&to)
            {
                turns[k - 1].speaker = Some(to);
                turns[k - 1].known = true;
            }
        }
        // Runs of consecutive dialogue paragraphs.
        let mut r = 0;
        while r < turns.len() {
            let mut e = r + 1;
            while e < turns.len() && turns[e].para == turns[e - 1].para + 1 {
                e += 1;
            }
            self.alternate(&mut turns, r, e);
            r = e;
        }
        for t in &turns {
            let Some(speaker) = t.speaker else { continue };
            for k in t.quotes.clone() {
                if found[k].speaker.is_none() && speech[k] {
                    found[k] = Found {
                        speaker: Some(speaker),
                        mention: None,
                        cue: None,
                        method: Method::ConversationTurn,
                        adjacent: false,
                        candidates: Vec::new(),
                    };
                }
            }
        }
    }

    /// Fill unknown turns in `turns[r..e]` by alternation between two participants.
    fn alternate(&self, turns: &mut [Turn], r: usize, e: usize) {
        // The speakers before this run, most recent first, as a source of the other voice.
        let earlier: Vec<ActorId> = turns[..r]
            .iter()
            .rev()
            .take(30)
            .filter_map(|t| t.speaker)
            .collect();
        for k in r..e {
            if turns[k].speaker.is_some() {
                continue;
            }
            let prev = (k > r).then(|| turns[k - 1].speaker).flatten();
            let prev2 = (k > r + 1).then(|| turns[k - 2].speaker).flatten();
            let pick = match (prev, prev2) {
                (Some(a), Some(b)) if a != b => Some(b),
                (Some(a), _) => self.other_voice(turns, r, e, k, a, &earlier),
                (None, _) => {
                    // Backwards from the next known turn: by parity of the distance.
                    (k + 1..e).find(|&j| turns[j].known).and_then(|j| {
                        let s = turns[j].speaker?;
                        if (j - k) % 2 == 0 {
                            Some(s)
                        } else {
                            self.other_voice(turns, r, e, j, s, &earlier)
                        }
                    })
                }
            };
            // A "she" in the narration: not the man the alternation would pick.
            let pick = match (pick, turns[k].hint) {
                (Some(p), Some(g))
                    if self.table.gender(p) != g && self.table.gender(p) != Gender::Unknown =>
                {
                    let other = self.other_voice(turns, r, e, k, p, &earlier);
                    other.filter(|&o| self.table.gender(o) == g).or(Some(p))
                }
                // No voice yet: the latest speaker of that gender.
                (None, Some(g)) => turns[r..k]
                    .iter()
                    .rev()
                    .filter_map(|t| t.speaker)
                    .chain(earlier.iter().copied())
                    .find(|&s| self.table.gender(s) == g),
                _ => pick,
            };
            // Nobody speaks to themselves by name.
            turns[k].speaker = pick.filter(|p| !turns[k].addressed.contains(p));
        }
        // A run with no voice of its own, a paragraph of narration after the last one: the
        // conversation goes on between the same two, the last voice first.
        let resumes = r > 0 && turns[r].para <= turns[r - 1].para + 2;
        if resumes && (r..e).all(|k| turns[k].speaker.is_none()) {
            let Some(last) = turns[r - 1].speaker else {
                return;
            };
            let Some(other) = earlier.iter().copied().find(|&s| s != last) else {
                return;
            };
            for (n, turn) in turns[r..e].iter_mut().enumerate() {
                let pick = if n % 2 == 0 { last } else { other };
                if !turn.addressed.contains(&pick) {
                    turn.speaker = Some(pick);
                }
            }
        }
    }

    /// The other participant of a conversation in which `a` speaks at turn `k`: whoever the
    /// turn next to it addresses, else the nearest other known speaker of the run, else the
    /// latest other speaker before it.
    fn other_voice(
        &self,
        turns: &[Turn],
        r: usize,
        e: usize,
        k: usize,
        a: ActorId,
        earlier: &[ActorId],
    ) -> Option<ActorId> {
        let near = [k.checked_sub(1), Some(k), Some(k + 1)];
        for j in near.into_iter().flatten().filter(|&j| j >= r && j < e) {
            if let Some(&x) = turns[j].addressed.iter().find(|&&x| x != a) {
                return Some(x);
            }
        }
        let mut by_distance: Vec<usize> = (r..e).filter(|&j| turns[j].known).collect();
        by_distance.sort_by_key(|&j| j.abs_diff(k));
        by_distance
            .into_iter()
            .filter_map(|j| turns[j].speaker)
            .find(|&s| s != a)
            .or_else(|| earlier.iter().copied().find(|&s| s != a))
    }

    /// "He" or "she" opening a sentence of the paragraph's narration.
    fn gender_hint(&self, para: u32) -> Option<Gender> {
        let toks = self.ph.toks;
        let start = toks.toks.partition_point(|t| t.para < para);
        let mut prev_closes = true;
        for k in start..toks.len() {
            let t = &toks.toks[k];
            if t.para != para {
                break;
            }
            if t.quote.is_some() {
                prev_closes = true;
                continue;
            }
            if t.kind == Kind::Word && t.cap && prev_closes {
                match toks.lower(k) {
                    "he" => return Some(Gender::Male),
                    "she" => return Some(Gender::Female),
                    _ => {}
                }
            }
            prev_closes = t.kind == Kind::Punct && matches!(toks.str(k), "." | "!" | "?");
        }
        None
    }

    /// People named as addressees in these quotes (see `vocatives`).
    fn addressed(&self, quotes: &[RawQuote], range: std::ops::Range<usize>) -> Vec<ActorId> {
        let mut out = Vec::new();
        for q in &quotes[range] {
            for (_, id) in self.vocatives(q) {
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        }
        out
    }

    /// The people a quote calls by name: a name set off by commas or ending the quote,
    /// inside quotation marks ("Lizzy, come here", "Good night, Jane."), with the index of
    /// its name mention.
    pub(super) fn vocatives(&self, q: &RawQuote) -> Vec<(usize, ActorId)> {
        let toks = self.ph.toks;
        let names = self.ph.names;
        let mut out = Vec::new();
        let from = names.partition_point(|m| m.span.start < q.content.start);
        for (mi, m) in names.iter().enumerate().skip(from) {
            if m.span.start >= q.content.end {
                break;
            }
            if m.kind == NameKind::Organisation || m.kind == NameKind::Role {
                continue;
            }
            let before_ok = m.toks.0 == 0
                || toks.toks[m.toks.0 - 1].quote.is_none()
                || matches!(
                    toks.str(m.toks.0 - 1),
                    "," | "“" | "\"" | "'" | "‘" | "!" | "Oh" | "oh" | "dear"
                );
            let after_ok = toks.get(m.toks.1).is_some_and(|t| {
                t.kind == Kind::Punct
                    && matches!(
                        toks.str(m.toks.1),
                        "," | "!" | "?" | "." | "”" | "\"" | "—" | "-" | ";"
                    )
            });
            if before_ok && after_ok {
                if let Some(id) = self.name_actor[mi] {
                    if self.table.kind(id) == ActorKind::Person {
                        out.push((mi, id));
                    }
                }
            }
        }
        out
    }

    /// Fiction: a person named in the paragraph's narration ("Elizabeth smiled. “…”"), not
    /// one the quotes address.
    fn narration(&mut self, para: u32, before: usize, addressed: &[ActorId]) -> Option<Found> {
        let toks = self.ph.toks;
        let names = self.ph.names;
        let from = names.partition_point(|m| toks.toks[m.toks.0].para < para);
        for (mi, m) in names.iter().enumerate().skip(from) {
            if toks.toks[m.toks.0].para != para {
                break;
            }
            // Not the object of a preposition or a possessor: "at Green Gables", "Anne's".
            if m.in_quote
                || m.kind == NameKind::Role
                || m.kind == NameKind::Organisation
                || !self.is_subject_like(m)
            {
                continue;
            }
            if m.span.start > before && !sentence_initial(toks, m.toks.0, self.ph.lex) {
                continue;
            }
            let Some(id) = self.name_actor[mi] else {
                continue;
            };
            let known = self.table.is_confirmed(id)
                || self.table.gender(id) != super::model::Gender::Unknown;
            if self.table.kind(id) != ActorKind::Person
                || self.table.is_place(id)
                || addressed.contains(&id)
                || !known
            {
                continue;
            }
            self.table.confirm(id, None);
            return Some(Found {
                speaker: Some(id),
                mention: Some(m.span),
                cue: None,
                method: Method::Narration,
                adjacent: false,
                candidates: Vec::new(),
            });
        }
        None
    }
}

/// How far back the sentence before a quote is read for its subject, in tokens.
const SUBJECT_SENTENCE_TOKENS: usize = 60;

/// How many paragraphs back a last speaker still counts as a candidate.
const CANDIDATE_PARAGRAPHS: u32 = 3;
/// Candidates named in a hover, at most.
const MAX_CANDIDATES: usize = 3;

/// A paragraph with no words outside its quotes but a bracketed aside ("“… Meetings”
/// (dates to be set by council). “And I've been …”"): the writer's note, not a source.
fn paragraph_is_quotes(toks: &Tokens, para: u32) -> bool {
    let start = toks.toks.partition_point(|t| t.para < para);
    let mut depth = 0u32;
    (start..toks.len())
        .take_while(|&i| toks.toks[i].para == para)
        .all(|i| {
            let t = &toks.toks[i];
            if t.quote.is_some() {
                return true;
            }
            if toks.is_punct(i, "(") || toks.is_punct(i, "[") {
                depth += 1;
            } else if (toks.is_punct(i, ")") || toks.is_punct(i, "]")) && depth > 0 {
                depth -= 1;
            }
            depth > 0 || t.kind != Kind::Word
        })
}

/// Paragraphs at the top of an article that may say whom it interviews (a headline too).
const INTERVIEW_OPENING_PARAGRAPHS: u32 = 3;

/// Words at most of a description between an interview's phrase and the name.
const INTERVIEW_DESCRIPTION_WORDS: usize = 4;

/// Words before the name of the one an article interviews.
const INTERVIEW_PHRASES: &[&str] = &[
    "sat down with",
    "sits down with",
    "spoke with",
    "talked with",
    "an interview with",
];
