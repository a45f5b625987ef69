//! Reported speech: the clause a cue reports when it is not in quotation marks.
//!
//! Every speech event found in pass one (a cue outside quotes with a resolved source) reports
//! the clause around it: "Miller said (that) CLAUSE", "CLAUSE, Miller said",
//! "CLAUSE1, Miller said, CLAUSE2", "According to the ministry, CLAUSE". A clause that holds
//! partial quotes becomes one mixed quote whose parts are the quoted words; the reporting
//! speaker is its speaker, not the subject of the clause. Nested reports ("Miller said Blinken
//! reaffirmed ...") keep the outer one.

use super::attribute::SpeechEvent;
use super::lexicon::Lexicon;
use super::model::{ActorId, Cue, Method, Quote, QuoteKind, Span};
use super::quotes::{is_quote_mark, RawQuote};
use super::sentences::{self, AtQuotes};
use super::tagger::{self, Upos};
use super::tokens::Tokens;

/// A cue outside quotes with its source: a speech event, resolved or not.
pub struct Report {
    cue_tok: usize,
    cue_len: usize,
    np_toks: (usize, usize),
    mention: Span,
    /// The output actor; None for a pronoun the engine could not resolve.
    speaker: Option<ActorId>,
    method: Method,
}

impl Report {
    pub fn new(e: &SpeechEvent, speaker: Option<ActorId>) -> Report {
        Report {
            cue_tok: e.cue_tok,
            cue_len: e.cue_len,
            np_toks: e.np_toks,
            mention: e.mention,
            speaker,
            method: if speaker.is_some() {
                e.method
            } else {
                Method::None
            },
        }
    }
}

/// A reported clause before it joins the quotes.
struct Clause {
    span: Span,
    parts: Vec<Span>,
    event: usize,
}

/// Add the reported clauses of `events` to `quotes` (text order, no overlaps).
pub fn add_reported(
    toks: &Tokens,
    lex: &Lexicon,
    raw: &[RawQuote],
    events: &[Report],
    quotes: Vec<Quote>,
) -> Vec<Quote> {
    let reader = Reader { toks, lex, raw };
    let mut clauses: Vec<Clause> = events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| reader.clause(e, i))
        .collect();
    cut_at_own_reports(toks, lex, events, &mut clauses);
    // Outer reports win over the reports nested in them; then the earlier one.
    clauses.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    let mut kept: Vec<Clause> = Vec::with_capacity(clauses.len());
    for c in clauses {
        match kept.last() {
            Some(last) if last.span.overlaps(c.span) => {}
            _ => kept.push(c),
        }
    }
    merge(toks, events, quotes, kept)
}

/// "…, Lohmar said, adding that more charges are possible" / "…, saying the party needs to
/// move on" / "…, while the union warned …": a participle after a comma, or a contrast with
/// a subject and a cue, that reports a clause of its own ends the clause it stands in, so
/// that each report keeps its own words.
fn cut_at_own_reports(toks: &Tokens, lex: &Lexicon, events: &[Report], clauses: &mut Vec<Clause>) {
    let cuts: Vec<usize> = clauses
        .iter()
        .filter_map(|c| {
            let e = &events[c.event];
            let k = e.cue_tok;
            let opens = k > 0
                && toks.is_punct(k - 1, ",")
                && lex.participles.contains(toks.lower(k))
                && toks.toks[k].span.end <= c.span.start;
            // "X praised the bill, while Y warned it would …": a contrast with a report
            // of its own.
            let mut n0 = e.np_toks.0;
            if n0 > 0 && toks.is_word(n0 - 1) && matches!(toks.lower(n0 - 1), "the" | "a" | "an") {
                n0 -= 1;
            }
            let contrast = n0 >= 2
                && e.np_toks.1 <= k
                && toks.is_punct(n0 - 2, ",")
                && toks.is_word(n0 - 1)
                && matches!(toks.lower(n0 - 1), "while" | "whereas" | "but");
            if contrast {
                return Some(toks.toks[n0 - 2].span.start);
            }
            opens.then(|| toks.toks[k - 1].span.start)
        })
        .collect();
    for cut in cuts {
        for c in clauses.iter_mut() {
            if c.span.start < cut && cut < c.span.end {
                c.parts.retain(|p| p.start < cut);
                if let Some(last) = c.parts.last_mut() {
                    last.end = last.end.min(toks.text[..cut].trim_end().len());
                }
                c.span.end = c.parts.last().map_or(c.span.start, |p| p.end);
            }
        }
    }
    clauses.retain(|c| word_count(toks, &c.parts) >= MIN_WORDS);
}

/// The words in a clause's parts.
fn word_count(toks: &Tokens, parts: &[Span]) -> usize {
    parts
        .iter()
        .map(|p| {
            let (a, b) = (toks.at_or_after(p.start), toks.at_or_after(p.end));
            (a..b).filter(|&k| toks.is_word(k)).count()
        })
        .sum()
}

/// Join the clauses with the quotes: a clause absorbs the partial quotes and terms inside it
/// (it becomes a mixed quote); a clause that touches a direct quote is dropped.
fn merge(toks: &Tokens, events: &[Report], quotes: Vec<Quote>, clauses: Vec<Clause>) -> Vec<Quote> {
    let mut out = Vec::with_capacity(quotes.len() + clauses.len());
    let mut qs = quotes.into_iter().peekable();
    for c in clauses {
        while qs.peek().is_some_and(|q| q.span.end <= c.span.start) {
            out.push(qs.next().expect("peeked"));
        }
        if out
            .last()
            .is_some_and(|q: &Quote| q.span.end > c.span.start)
        {
            // A quote kept for an earlier clause reaches into this one.
            continue;
        }
        let mut inside = Vec::new();
        while qs.peek().is_some_and(|q| q.span.start < c.span.end) {
            inside.push(qs.next().expect("peeked"));
        }
        let absorbable = inside.iter().all(|q| {
            q.kind != QuoteKind::Direct && c.span.start <= q.span.start && q.span.end <= c.span.end
        });
        let e = &events[c.event];
        let cue_span = Span::new(
            toks.toks[e.cue_tok].span.start,
            toks.toks[e.cue_tok + e.cue_len - 1].span.end,
        );
        let cue = || Cue {
            span: cue_span,
            text: cue_span.slice(toks.text).to_string(),
        };
        // A partial quote keeps its own attribution when the report's source is unknown.
        if !absorbable || (e.speaker.is_none() && !inside.is_empty()) {
            // "“Because we’re a newer entity, we started flat” that left no room for cuts,
            // she said.": a quote with no speaker of its own inside the reported words is
            // the reporter's, one named or a pronoun ("a popular play called “…”" is no
            // reporter of a title).
            let named = matches!(e.method, Method::Cue | Method::Pronoun) && e.speaker.is_some();
            for q in &mut inside {
                let within = c.span.start <= q.span.start && q.span.end <= c.span.end;
                if within && named && q.kind == QuoteKind::Direct && q.speaker.is_none() {
                    q.speaker = e.speaker;
                    q.mention = Some(e.mention);
                    q.cue = Some(cue());
                    q.method = e.method;
                    q.candidates.clear();
                }
            }
            out.extend(inside);
            continue;
        }
        let content = Span::new(
            c.parts.first().map_or(c.span.start, |p| p.start),
            c.parts.last().map_or(c.span.end, |p| p.end),
        );
        let (kind, parts) = if inside.is_empty() {
            (QuoteKind::Indirect, c.parts)
        } else {
            (QuoteKind::Mixed, inside.iter().map(|q| q.span).collect())
        };
        out.push(Quote {
            span: c.span,
            content,
            parts,
            kind,
            closed: true,
            speaker: e.speaker,
            mention: Some(e.mention),
            cue: Some(cue()),
            method: e.method,
            candidates: Vec::new(),
        });
    }
    out.extend(qs);
    out
}

struct Reader<'a, 't> {
    toks: &'a Tokens<'t>,
    lex: &'a Lexicon,
    raw: &'a [RawQuote],
}

/// Words between a cue and its "that" that belong to the cue: "told reporters that",
/// "said in a statement on Tuesday that".
const BEFORE_THAT: usize = 8;

/// Cues whose first object is the person addressed: "told reporters", "asked him".
const ADDRESSING: &[&str] = &["tell", "ask", "assure", "remind", "urge"];

/// Words that open a clause rather than name an addressee.
const STARTS_CLAUSE: &[&str] = &["this", "its", "his", "hers", "theirs", "was", "is", "has"];

/// The longest sentence read around a cue, in tokens.
const MAX_SENTENCE: usize = 160;

/// Words that open or join clauses, so never premodify a subject.
const CLAUSE_WORDS: &[&str] = &[
    "that", "who", "which", "and", "but", "or", "if", "because", "when", "while", "as", "in", "on",
    "at", "after", "before", "since", "though", "although", "where", "is", "was", "are", "were",
    "has", "have", "had", "not", "to", "for", "with", "by", "from",
];

/// Words that can stand before a subject in its phrase ("foreign ministry spokesman").
const PREMODIFIERS: usize = 8;

/// A reported clause has at least this many words.
const MIN_WORDS: usize = 2;

impl Reader<'_, '_> {
    fn clause(&self, e: &Report, index: usize) -> Option<Clause> {
        let toks = self.toks;
        let cue_end = e.cue_tok + e.cue_len;
        let (n0, n1) = e.np_toks;
        let source_first = n1 <= e.cue_tok;
        // What the source phrase and cue take up together: the tag.
        let (tag0, tag1) = if source_first {
            (n0, cue_end)
        } else {
            (e.cue_tok, n1)
        };
        // The subject's premodifiers belong to the tag: "…, ministry spokesman Benali
        // Abdelaziz said" / "…, a USA TODAY analysis shows".
        let tag0 = if source_first {
            self.subject_start(tag0)
        } else {
            tag0
        };
        // "“…,” another friend, Mia Ross told CNN.": a description and its comma between a
        // quote and the named source belong to the tag.
        let tag0 = if source_first && tag0 >= 2 && toks.is_punct(tag0 - 1, ",") {
            let words = (tag0.saturating_sub(DESCRIPTION_BEFORE_SOURCE + 1)..tag0 - 1)
                .rev()
                .take_while(|&k| toks.is_word(k) && toks.toks[k].quote.is_none())
                .last();
            // Right after a quote in the same sentence: its closing mark after a comma.
            // A noun phrase, not a predicate ("“Boots on the ground” would be appropriate,
            // Ben Carson said").
            let nominal = |d: usize| toks.tags(d..tag0 - 1).iter().all(|t| t.is_nominal());
            words
                .filter(|&d| {
                    d > 0
                        && toks.toks[d - 1].quote.is_some()
                        && toks.toks[d - 1].para == toks.toks[d].para
                        && !ends_sentence(&toks.text[..toks.toks[d - 1].span.end])
                        && nominal(d)
                })
                .unwrap_or(tag0)
        } else {
            tag0
        };
        // "… is higher than city reports say it is": the standard of a comparison, its
        // clause cut to a pronoun and "is"; not "more ethanol than the industry says the
        // markets can handle", whose clause is whole.
        let word = |k: usize| toks.is_word(k).then(|| toks.lower(k));
        let compared = source_first
            && (n0.saturating_sub(3)..n0)
                .rev()
                .take_while(|&k| toks.is_word(k))
                .any(|k| word(k) == Some("than"))
            && word(cue_end).is_some_and(|w| self.lex.pronoun(w).is_some())
            && matches!(word(cue_end + 1), Some("is" | "are" | "was" | "were"));
        if compared {
            return None;
        }
        // "The second time they asked, the answer was yes.", "When he spoke, the room went
        // quiet": a verb without its object in a clause of time; the clause after the comma
        // is the writer's (not "As Smith said, …", whose words follow).
        let timed = source_first
            && n0 > 0
            && toks.is_punct(cue_end, ",")
            && word(n0 - 1).is_some_and(|w| {
                matches!(
                    w,
                    "when" | "after" | "before" | "once" | "until" | "whenever" | "time"
                )
            });
        if timed {
            return None;
        }
        let start = self.sentence_start(tag0);
        let mut end = self.sentence_end(tag1);
        // "… — Calgary MP Ann Roe this week called the minister a “chicken”, for example —
        // Scheer insists …": a report inside dashes ends at the closing one.
        let dash = |k: usize| ["—", "–", "--"].iter().any(|d| toks.is_punct(k, d));
        // Not a dateline's dash ("MILTON, Ont. — Justin Trudeau says …"): lower-case words
        // stand before an aside's.
        let aside = (start..tag0)
            .find(|&k| dash(k))
            .is_some_and(|d| (start..d).any(|k| toks.is_word(k) && !toks.toks[k].cap));
        if source_first && aside {
            end = (tag1..end).find(|&k| dash(k)).unwrap_or(end);
        }
        let in_relative = source_first
            && (n0..e.cue_tok).any(|k| toks.is_word(k) && matches!(toks.lower(k), "who" | "which"));
        if in_relative {
            // "Ravu, who had warned the council about the drains, said …": a relative
            // clause's report ends with it, at the comma the subject's own verb follows.
            let main_verb = |k: usize| {
                toks.is_word(k + 1)
                    && (self.lex.tag_cue(toks.lower(k + 1)).is_some()
                        || toks.tags(k + 1..(k + 3).min(end))[0].is_verb())
            };
            end = (tag1..end)
                .find(|&k| toks.is_punct(k, ",") && main_verb(k))
                .unwrap_or(end);
        }
        // A quote (or apostrophes standing in for its closing mark) right before the tag.
        let after_quote =
            tag0 > 0 && (toks.toks[tag0 - 1].quote.is_some() || is_apostrophe(toks.str(tag0 - 1)));
        let mut parts = Vec::with_capacity(2);
        // Before the tag: "CLAUSE, Smith said" / "CLAUSE, according to X".
        // "Smith, its chief, said" / "Smith, who …, said": the comma before the subject
        // opens the appositive, not a reported clause.
        let appositive = source_first && (n1..e.cue_tok).any(|k| toks.is_punct(k, ","));
        let relative = matches!(toks.lower(n0), "who" | "which");
        // Straight apostrophes standing in for closing marks ("…,'' he said") are left
        // with the clause.
        let mut sep = tag0;
        while sep > start && is_apostrophe(toks.str(sep - 1)) {
            sep -= 1;
        }
        if sep > start
            && toks.is_separator(sep - 1)
            && !toks.is_punct(sep - 1, ":")
            && !relative
            && !appositive
        {
            parts.push((start, sep - 1));
        }
        // After it: "Smith said (that) CLAUSE" / "According to X, CLAUSE" /
        // "CLAUSE1, Smith said, CLAUSE2".
        let mut a = tag1;
        let interrupting = toks.is_punct(a, ",");
        if interrupting {
            a += 1;
        } else if source_first && e.cue_len == 1 && a < end {
            if toks.is_punct(a, ":") || toks.is_punct(a, "—") {
                // "Smith said: “…”" introduces a direct quote, not reported speech.
                return None;
            }
            let lemma = self.lex.tag_cue(toks.lower(e.cue_tok));
            // "responded to a blaze", "replied to the letter": what one answers, not what
            // one said.
            let answered = toks.is_word(a)
                && toks.lower(a) == "to"
                && matches!(lemma, Some("respond" | "reply" | "react"));
            if answered {
                return None;
            }
            let mut skipped = self.skip_to_that(a, end);
            let that_clause = skipped > a;
            if skipped == a {
                // "told reporters Wednesday the bill …": the addressee is not reported.
                skipped = self.skip_addressee(e.cue_tok, a, end);
            }
            // "said last week", "said yesterday the …": how many words say when.
            let time = if toks.is_word(a) {
                self.relative_time(a)
            } else {
                0
            };
            let adjunct = skipped == a
                && toks.is_word(a)
                && (ADJUNCT_STARTS.contains(&toks.lower(a))
                    || self.lex.is_time_word(toks.lower(a))
                    || time > 0);
            // "“…,” Graham told the Times then": after a quote its tag reports nothing more
            // unless a "that" clause follows; "…, Smith said on Tuesday." neither, nor
            // "“…,” Scheer told Question Period host Evan Solomon.", which holds no verb.
            let follows_quote =
                after_quote && !ends_sentence(&toks.text[..toks.toks[tag0 - 1].span.end]);
            let no_clause = || !that_clause && !toks.is_clause(a..end);
            // "CLAUSE, Garland explained from Winnipeg.": the clause before the tag is the
            // report, and a phrase with no verb after it only says where.
            let after_clause = !parts.is_empty() && adjunct && no_clause();
            // "“…,” one man told a woman who shouted": after a quote, whom a cue addresses is
            // no report unless a "that" clause follows.
            let addressed =
                follows_quote && !that_clause && lemma.is_some_and(|l| ADDRESSING.contains(&l));
            a = if (follows_quote && (adjunct || no_clause())) || after_clause || addressed {
                end
            } else if skipped == a && time > 0 {
                // "said last week the bridge is safe": the clause follows the time.
                a + time
            } else {
                skipped
            };
        } else if !source_first {
            // "…, said Smith." / "…, according to X." tag what came before them.
            a = end;
        }
        if interrupting && parts.is_empty() && (tag0 > start || after_quote) {
            // "“…,” said Reyes, a Democrat from Texas." / "according to Lopez, a lawyer":
            // after a tag with nothing reported before it, the comma opens an appositive;
            // also when a quote that ended its sentence ("…!” said Reyes, …) stood before.
            a = end;
        }
        if a < end {
            let opening_word = parts.first().is_some_and(|&(s, e): &(usize, usize)| {
                (s..e).filter(|&k| toks.is_word(k)).count() < 2
            });
            if (!interrupting && e.cue_len == 1) || opening_word {
                // "In an interview, Smith said CLAUSE" / "Finally, said the statement, …":
                // what stood before the tag was an opening phrase, not reported speech.
                parts.clear();
            }
            parts.push((a, end));
        }
        let parts: Vec<Span> = parts
            .into_iter()
            .filter_map(|(a, b)| self.part(a, b))
            .collect();
        if word_count(toks, &parts) < MIN_WORDS {
            return None;
        }
        // "a commuter who asked not to be named": how the source is kept unnamed, not
        // what they said.
        let unnamed_request = parts.first().is_some_and(|p| {
            let a = toks.at_or_after(p.start);
            let said = |i: usize, w: &str| toks.is_word(a + i) && toks.lower(a + i) == w;
            said(0, "not")
                && said(1, "to")
                && said(2, "be")
                && (said(3, "named") || said(3, "identified"))
        });
        if unnamed_request {
            return None;
        }
        // "Lowe and Vance argued over the budget for an hour": a phrase after the verb,
        // not a clause, reports nothing.
        let phrase = |p: &Span| {
            let (a, b) = (toks.at_or_after(p.start), toks.at_or_after(p.end));
            toks.is_word(a) && ADJUNCT_STARTS.contains(&toks.lower(a)) && !toks.is_clause(a..b)
        };
        if parts.iter().all(phrase) {
            return None;
        }
        // "…, calling capital punishment “inhumane”": a participle reports a clause, not the
        // name it gives something. A quotation it introduces ("reiterating “…”") is left to
        // the quotes, untagged.
        let participle = toks.toks[e.cue_tok].span.end <= parts[0].start
            && self.lex.participles.contains(toks.lower(e.cue_tok));
        if participle {
            let p = parts[0];
            let (a, b) = (toks.at_or_after(p.start), toks.at_or_after(p.end));
            let quoted = toks.toks.get(a).is_some_and(|t| t.quote.is_some());
            if !quoted && !toks.is_clause(a..b) {
                return None;
            }
        }
        let span = Span::new(parts.first()?.start, parts.last()?.end);
        Some(Clause {
            span,
            parts,
            event: index,
        })
    }

    /// Back from a subject's first token over the words that can premodify it ("ministry
    /// spokesman", "a new USA TODAY"), to a comma that ends the clause before it.
    fn subject_start(&self, n0: usize) -> usize {
        let toks = self.toks;
        let floor = n0.saturating_sub(PREMODIFIERS);
        let mut k = n0;
        while k > floor {
            let p = k - 1;
            let boundary =
                toks.toks[p].para != toks.toks[n0].para || sentences::ends_at(toks, self.lex, p);
            if toks.is_separator(p) || boundary {
                return k;
            }
            let w = toks.lower(p);
            // An abbreviation's stop inside the premodifiers: "District No. 4 chief".
            let stop = toks.is_punct(p, ".") && toks.toks[p].quote.is_none();
            let premodifier = stop
                || toks.is_word(p)
                    && toks.toks[p].quote.is_none()
                    && !CLAUSE_WORDS.contains(&w)
                    && self.lex.report_cue(w).is_none()
                    && self.lex.pronoun(w).is_none();
            if !premodifier {
                return n0;
            }
            k = p;
        }
        if k == 0 {
            k
        } else {
            n0
        }
    }

    /// Tokens `a..b` as a span, without a leading "that" or trailing commas; None when it is
    /// (or starts with) a quotation standing on its own.
    fn part(&self, a: usize, b: usize) -> Option<Span> {
        let toks = self.toks;
        let mut a = a;
        while a < b && (toks.is_punct(a, ",") || (toks.is_word(a) && toks.lower(a) == "that")) {
            a += 1;
        }
        let mut b = b;
        while b > a && toks.toks[b - 1].quote.is_none() && toks.is_separator(b - 1) {
            b -= 1;
        }
        if a >= b {
            return None;
        }
        Some(Span::new(
            toks.toks[a].span.start,
            toks.toks[b - 1].span.end,
        ))
    }

    /// Past the words that belong to the cue before "that": an object ("told reporters"),
    /// a setting ("in a statement", "on Tuesday"). Only when a "that" follows soon.
    fn skip_to_that(&self, a: usize, end: usize) -> usize {
        let toks = self.toks;
        let limit = end.min(a + BEFORE_THAT + 1);
        for k in a..limit {
            if !toks.is_word(k) && !toks.is_punct(k, ",") {
                return a;
            }
            if toks.is_word(k) && toks.lower(k) == "that" {
                let setting = k == a
                    || toks.is_punct(k - 1, ",")
                    || self.lex.is_time_word(toks.lower(k - 1))
                    || self.setting_before_verb(a, k)
                    || k - a <= 2;
                return if setting { k + 1 } else { a };
            }
        }
        a
    }

    /// Whether tokens `a..k` before a "that" hold a setting word ahead of any verb: "said in
    /// a statement released Tuesday that" is a setting, but in "said the agreement deals
    /// with institutions that …" the "that" belongs to the reported clause.
    fn setting_before_verb(&self, a: usize, k: usize) -> bool {
        let toks = self.toks;
        let is_setting = |x: usize| toks.is_word(x) && SETTING_WORDS.contains(&toks.lower(x));
        let Some(first) = (a..k).find(|&x| is_setting(x)) else {
            return false;
        };
        if first == a {
            return true;
        }
        // Tagged from the cue before them, so that "told delegates at …" reads "delegates"
        // as the noun it is there; up to the setting word, and as far past it as a tag looks
        // ahead, are the tags the whole stretch would get.
        let from = a.saturating_sub(1);
        let tags = toks.tags(from..k.min(first + tagger::REACH));
        !tags[a - from..first - from].iter().any(|t| t.is_verb())
    }

    /// After a cue that takes an addressee ("told", "asked", "assured"), the addressee and
    /// any time words after it: a pronoun, a name, or one lower-case word ("reporters").
    fn skip_addressee(&self, cue: usize, a: usize, end: usize) -> usize {
        let toks = self.toks;
        let takes_addressee = self
            .lex
            .tag_cue(toks.lower(cue))
            .is_some_and(|lemma| ADDRESSING.contains(&lemma));
        if !takes_addressee || a >= end || !toks.is_word(a) {
            return a;
        }
        let w = toks.lower(a);
        let mut k = if matches!(w, "him" | "her" | "them" | "us" | "me" | "you") {
            a + 1
        } else if let Some(k) = self.the_addressee(a, end) {
            k
        } else if toks.toks[a].cap {
            let mut k = a;
            while k < end && toks.is_word(k) && toks.toks[k].cap {
                k += 1;
            }
            k
        } else if !STARTS_CLAUSE.contains(&w) && w.ends_with('s') {
            a + 1
        } else {
            return a;
        };
        while k < end && toks.is_word(k) && self.lex.is_time_word(toks.lower(k)) {
            k += 1;
        }
        k
    }

    /// "yesterday", "last week", "this morning" at token `a`: when, never what was said.
    /// Its length in words, or 0.
    fn relative_time(&self, a: usize) -> usize {
        let toks = self.toks;
        let w = toks.lower(a);
        let n = if matches!(
            w,
            "yesterday" | "today" | "tonight" | "earlier" | "later" | "recently"
        ) {
            1
        } else if matches!(w, "last" | "this" | "next" | "early" | "late")
            && toks.is_word(a + 1)
            && (self.lex.is_time_word(toks.lower(a + 1))
                || RELATIVE_TIME_NOUNS.contains(&toks.lower(a + 1)))
        {
            2
        } else {
            0
        };
        // "today’s demonstrations": a possessive opens a noun phrase, not a time.
        if toks.is_possessive(a + n) {
            0
        } else {
            n
        }
    }

    /// "told the Gazette the council would …", "told the forum the roads …": past an
    /// addressee with "the" at token `a`, a name or one noun, when the reported clause's
    /// subject follows; not "told the truth about …", "asked the Vermont senator to …".
    fn the_addressee(&self, a: usize, end: usize) -> Option<usize> {
        let toks = self.toks;
        // "CLAUSE, Bateman told the Express.": a name that ends the sentence is all.
        let named_to_end = toks.lower(a) == "the"
            && a + 1 < end
            && (a + 1..end).all(|k| toks.is_word(k) && toks.toks[k].cap);
        if named_to_end {
            return Some(end);
        }
        if !(toks.lower(a) == "the" && a + 2 < end && toks.is_word(a + 1)) {
            return None;
        }
        let mut k = a + 1;
        while k < end && toks.is_word(k) && toks.toks[k].cap {
            k += 1;
        }
        // Tagged from "the", so that the noun reads as one.
        let tags = toks.tags(a..(k + 2).min(end));
        // A lower-case head after a name ("the Vermont senator") or on its own.
        if tags.get(k - a) == Some(&Upos::Noun) && !toks.toks[k].cap {
            k += 1;
        }
        let noun = toks.toks[a + 1].cap || tags.get(1) == Some(&Upos::Noun);
        let subject_next = matches!(tags.get(k - a), Some(Upos::Det | Upos::Pron | Upos::Propn));
        (noun && subject_next).then_some(k)
    }

    /// The first token of the sentence holding token `i`. Quotes inside it are part of it;
    /// a quote that ends a sentence ends it.
    fn sentence_start(&self, i: usize) -> usize {
        let (toks, through) = (self.toks, AtQuotes::Through(self.raw));
        sentences::start(toks, self.lex, i, toks.toks[i].para, MAX_SENTENCE, through)
    }

    /// One past the last token of the sentence holding token `i` (its full stop excluded).
    fn sentence_end(&self, i: usize) -> usize {
        sentences::end(
            self.toks,
            self.lex,
            i,
            MAX_SENTENCE,
            AtQuotes::Through(self.raw),
        )
    }
}

/// Whether text ending in a quote's closing mark closed a sentence with it ("…unhinged.”
/// Sen. Rubio called …"), rather than handing over to its tag ("…,” Rubio said").
fn ends_sentence(before: &str) -> bool {
    let inner =
        before.trim_end_matches(|c: char| is_quote_mark(c) || c == '\'' || c.is_whitespace());
    inner.ends_with('.')
}

/// Punctuation made of straight or curly apostrophes only.
fn is_apostrophe(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| matches!(c, '\'' | '’' | '‘'))
}

/// Words that open an adjunct of the cue, not a reported clause: "said at a rally".
const ADJUNCT_STARTS: &[&str] = &[
    "in", "on", "at", "during", "while", "when", "after", "before", "from", "to", "with", "for",
    "as", "since", "about", "of", "up", "out", "off", "back", "down", "into", "over", "through",
    "via", "without", "by", "under", "outside", "inside", "near", "along", "across",
];

/// Nouns of time after "last", "this" or "next": "said last week".
const RELATIVE_TIME_NOUNS: &[&str] = &[
    "week",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "weekend",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
];

/// Words that set the scene of a cue before its "that": "said in a statement that".
const SETTING_WORDS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "to",
    "with",
    "via",
    "through",
    "reporters",
    "interview",
    "statement",
    "reporters",
    "him",
    "her",
    "them",
    "us",
    "me",
    "again",
    "also",
    "repeatedly",
    "publicly",
    "privately",
    "recently",
    "earlier",
    "later",
];

/// Words at most of a description between a quote and the named source after its comma.
const DESCRIPTION_BEFORE_SOURCE: usize = 5;
