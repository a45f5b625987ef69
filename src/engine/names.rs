//! Capitalised runs of words, split into a role, honorifics and a name:
//! "Pentagon Press Secretary Maj. Gen. Pat Ryder" -> role "Pentagon Press Secretary",
//! honorifics "Maj. Gen.", name "Pat Ryder", and an organisation inside the role, "Pentagon".

use std::sync::Arc;

use super::lexicon::Lexicon;
use super::memo::{Memo, Vocabulary};
use super::model::{Gender, Span};
use super::tagger::Upos;
use super::tokens::{Kind, Tokens};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    Person,
    Organisation,
    /// A place, a thing or a person we cannot tell yet: an actor only if it speaks.
    Unknown,
    /// Only a role: "Secretary of Defense" (after "the", a description of its holder).
    Role,
}

#[derive(Debug, Clone)]
pub struct NameMention {
    /// First and one-past-last token of the whole run (role and honorifics included).
    pub toks: (usize, usize),
    /// The whole run as written.
    pub span: Span,
    /// The name itself ("Pat Ryder"), or for an organisation or role its full text.
    pub name_span: Span,
    /// Shared, as are `role` and `honorific`: a memo's mentions are copied into every
    /// analysis of the document, and a copy must not allocate.
    pub name: Arc<[String]>,
    pub kind: NameKind,
    pub role: Option<Arc<str>>,
    /// Honorifics as written ("Mrs.", "Maj. Gen.").
    pub honorific: Option<Arc<str>>,
    pub gender: Gender,
    pub in_quote: bool,
    /// The name begins with a given name from the lexicon ("Anne", "Anne Shirley").
    pub given: bool,
}

impl NameMention {
    /// A person's name by its form: a person's, or a full name of unknown kind ("Jingyi
    /// Pan"), never one word that may be a place or a firm ("IG").
    pub fn personal(&self) -> bool {
        self.kind == NameKind::Person || (self.kind == NameKind::Unknown && self.name.len() >= 2)
    }
}

/// Words of a line in headline case, at least, before its capitals are read as such.
const HEADLINE_MIN_WORDS: usize = 4;

/// Words that headline case capitalises and that end a name there ("After", "Over").
pub const HEADLINE_BREAKS: &[&str] = &[
    "after",
    "as",
    "amid",
    "over",
    "on",
    "in",
    "at",
    "for",
    "with",
    "to",
    "before",
    "following",
    "despite",
    "ahead",
    "from",
    "by",
    "and",
    "but",
    "is",
    "was",
    "are",
    "says",
    "said",
    "into",
    "against",
    "about",
    "than",
    "not",
    "will",
    "could",
    "would",
    "may",
];

/// Words of a seat's or a region's name ("MP for North East Devon", "Central Highlands").
const SEAT_WORDS: &[&str] = &[
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
    "upper", "lower", "greater", "inner", "outer", "mid",
];

const CONNECTORS: &[&str] = &[
    "of", "for", "de", "da", "del", "della", "van", "von", "der", "den", "al", "bin", "ibn", "la",
    "le", "du", "y", "ap",
];

/// Months that are also given names, as written before or after a speech verb ("Jan told",
/// "said May"); never a weekday ("The council on Tuesday said").
const MONTH_NAMES: &[&str] = &["jan", "may", "june", "april", "august"];

/// Words before a month that make it a date ("in May said").
const DATE_WORDS: &[&str] = &[
    "in", "on", "since", "by", "until", "last", "next", "this", "early", "late", "mid", "of",
];

fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && s.chars().all(|c| c.is_uppercase() || c == '.' || c == '&')
}

const COUNTRY_ACRONYMS: &[&str] = &[
    "US", "U.S.", "USA", "U.S.A.", "UK", "U.K.", "OK", "TV", "AM", "PM", "A.M.", "P.M.", "I", "II",
    "III", "IV",
];

/// Tokens that may stand inside a capitalised run.
fn run_word(toks: &Tokens, i: usize, _lex: &Lexicon) -> bool {
    let t = &toks.toks[i];
    let w = toks.str(i);
    // "I", "I'd", "I’m" are the narrator, never part of a name.
    let first_person = w == "I" || w.starts_with("I'") || w.starts_with("I’");
    t.kind == Kind::Word && t.cap && !first_person
}

/// Whether token `i` starts a sentence: first in its paragraph, or after an end mark or an
/// opening quotation mark.
pub fn sentence_initial(toks: &Tokens, i: usize, lex: &Lexicon) -> bool {
    let Some(t) = toks.get(i) else { return false };
    if i == 0 || toks.toks[i - 1].para != t.para {
        return true;
    }
    let mut j = i - 1;
    // Step back over opening marks and brackets.
    while toks.toks[j].kind == Kind::Punct
        && matches!(
            toks.str(j),
            "“" | "\"" | "‘" | "'" | "(" | "[" | "«" | "„" | "—" | "-" | "–"
        )
    {
        if j == 0 || toks.toks[j - 1].para != t.para {
            return true;
        }
        j -= 1;
    }
    if toks.is_sentence_end(j) || toks.is_punct(j, ":") {
        return !is_abbreviation_dot(toks, j, lex);
    }
    // A closing mark after an end mark: `... done.” The`
    if matches!(toks.str(j), "”" | "\"" | "’" | "»") && j > 0 && toks.is_sentence_end(j - 1) {
        return true;
    }
    false
}

/// A period after an abbreviation or an initial does not end a sentence.
pub fn is_abbreviation_dot(toks: &Tokens, j: usize, lex: &Lexicon) -> bool {
    if !toks.is_punct(j, ".") || j == 0 {
        return false;
    }
    let prev = &toks.toks[j - 1];
    if prev.kind != Kind::Word || prev.span.end != toks.toks[j].span.start {
        return false;
    }
    let w = toks.lower(j - 1);
    // A full stop right before a comma ends an abbreviation, never a sentence:
    // "Sen. Ivy Lake, D-Ore., said".
    let before_comma = toks.is_punct(j + 1, ",");
    // Nor inside a label in parentheses that the sentence goes on after: "Sen. Ann Cole
    // (D-Ore.) said".
    let same_para = |k: usize| toks.get(k).is_some_and(|t| t.para == prev.para);
    let in_label = same_para(j + 2)
        && toks.is_punct(j + 1, ")")
        && ((toks.is_word(j + 2) && !toks.toks[j + 2].cap) || toks.is_punct(j + 2, ","));
    // A letter right after the stop, with no space: "D-N.M.", "e.g.".
    let inside_word = toks
        .get(j + 1)
        .is_some_and(|t| t.kind == Kind::Word && t.span.start == toks.toks[j].span.end);
    // "Fire District No. 4", "ranked no. 1": a number's sign before its number.
    let number_sign = w == "no" && toks.is_number(j + 1);
    lex.is_abbreviation(w)
        || number_sign
        || (w.chars().count() == 1 && prev.cap)
        || before_comma
        || in_label
        || inside_word
}

/// One paragraph's name mentions as a [`Memo`] keeps them, with everything they read
/// beyond the paragraph's text, to tell whether they still hold.
pub struct LocalNames {
    /// The paragraph's tokens as runs in one quote (numbered from the paragraph's first
    /// quote) or none: (tokens, quote). A name's run ends where the quote changes.
    quotes: Box<[(u32, Option<u32>)]>,
    /// The tokens after the paragraph that a run may look at.
    ahead: Box<[(Kind, Box<str>)]>,
    /// The vocabulary questions asked, each once, with their answers.
    asked: Box<[(Box<str>, bool)]>,
    /// Token indices from the paragraph's first token, byte offsets from its start.
    mentions: Box<[NameMention]>,
}

/// How many tokens past a paragraph its runs may read: a known organisation's words after a
/// run's first, "of the" before a capitalised word, a full stop or comma after the last.
fn ahead_len(lex: &Lexicon) -> usize {
    lex.known_orgs
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0)
        .max(3)
}

/// Tokens `range` as runs of one quote each (or none), quotes numbered from the first.
fn quote_runs<'a>(
    toks: &'a Tokens<'_>,
    range: std::ops::Range<usize>,
) -> impl Iterator<Item = (u32, Option<u32>)> + 'a {
    let toks = &toks.toks[range];
    let first = toks.iter().find_map(|t| t.quote).unwrap_or(0);
    let mut rest = toks
        .iter()
        .map(move |t| t.quote.map(|q| q - first))
        .peekable();
    std::iter::from_fn(move || {
        let quote = rest.next()?;
        let mut len = 1;
        while rest.next_if_eq(&quote).is_some() {
            len += 1;
        }
        Some((len, quote))
    })
}

fn ahead_of<'a>(
    toks: &'a Tokens<'_>,
    end: usize,
    n: usize,
) -> impl Iterator<Item = (Kind, &'a str)> + 'a {
    (end..(end + n).min(toks.len())).map(|k| (toks.toks[k].kind, toks.str(k)))
}

impl LocalNames {
    /// Whether these mentions are what the paragraph at tokens `range` gives now.
    fn holds(
        &self,
        toks: &Tokens,
        range: std::ops::Range<usize>,
        ahead: usize,
        vocabulary: &Vocabulary,
    ) -> bool {
        self.quotes
            .iter()
            .copied()
            .eq(quote_runs(toks, range.clone()))
            && self
                .ahead
                .iter()
                .map(|(k, w)| (*k, &**w))
                .eq(ahead_of(toks, range.end, ahead))
            && self.asked.iter().all(|(w, a)| vocabulary.contains(w) == *a)
    }

    fn shifted(m: &NameMention, tokens: isize, bytes: isize) -> NameMention {
        let t = |k: usize| k.wrapping_add_signed(tokens);
        let b = |s: Span| {
            Span::new(
                s.start.wrapping_add_signed(bytes),
                s.end.wrapping_add_signed(bytes),
            )
        };
        NameMention {
            toks: (t(m.toks.0), t(m.toks.1)),
            span: b(m.span),
            name_span: b(m.name_span),
            ..m.clone()
        }
    }
}

/// [`name_mentions`], reusing each paragraph's mentions from `memo` while everything they
/// read is unchanged. `paragraphs` are the paragraph spans the tokens were made from.
pub fn mentions_with_memo(
    toks: &Tokens,
    paragraphs: &[Span],
    lex: &Lexicon,
    memo: &mut Memo,
) -> Vec<NameMention> {
    let ahead = ahead_len(lex);
    let mut out = Vec::new();
    for range in toks.paragraphs() {
        let para = paragraphs[toks.toks[range.start].para as usize];
        let (first, start) = (range.start as isize, para.start as isize);
        let (slot, vocabulary) = memo.names(toks.toks[range.start].para as usize);
        if let Some(kept) = slot
            .as_ref()
            .filter(|l| l.holds(toks, range.clone(), ahead, &vocabulary))
        {
            out.extend(
                kept.mentions
                    .iter()
                    .map(|m| LocalNames::shifted(m, first, start)),
            );
            continue;
        }
        let asked = std::cell::RefCell::new(Vec::new());
        let ask = |w: &str| {
            let answer = vocabulary.contains(w);
            asked.borrow_mut().push((Box::from(w), answer));
            answer
        };
        let found = paragraph_mentions(toks, range.clone(), lex, &ask);
        let mut asked = asked.into_inner();
        asked.sort_unstable();
        asked.dedup();
        *slot = Some(LocalNames {
            quotes: quote_runs(toks, range.clone()).collect(),
            ahead: ahead_of(toks, range.end, ahead)
                .map(|(k, w)| (k, Box::from(w)))
                .collect(),
            asked: asked.into_boxed_slice(),
            mentions: found
                .iter()
                .map(|m| LocalNames::shifted(m, -first, -start))
                .collect(),
        });
        out.extend(found);
    }
    out
}

/// Every capitalised run in the text, in order.
pub fn name_mentions(
    toks: &Tokens,
    lex: &Lexicon,
    lower_words: &dyn Fn(&str) -> bool,
) -> Vec<NameMention> {
    let mut out = Vec::new();
    for range in toks.paragraphs() {
        out.extend(paragraph_mentions(toks, range, lex, lower_words));
    }
    out
}

/// The capitalised runs of one paragraph's tokens `range`. A run never leaves its paragraph;
/// what it reads beyond is the document's lower-case vocabulary (`lower_words`) and the
/// few tokens after the paragraph (a following full stop, an organisation's next word).
fn paragraph_mentions(
    toks: &Tokens,
    range: std::ops::Range<usize>,
    lex: &Lexicon,
    lower_words: &dyn Fn(&str) -> bool,
) -> Vec<NameMention> {
    let mut out = Vec::new();
    let n = range.end;
    let mut i = range.start;
    // A heading's capitals ("THE PROFESSOR EXPLAINS") make a word no name when the document
    // writes it in lower case elsewhere, or when the whole paragraph is in capitals.
    let has_lower = toks.toks[range.clone()]
        .iter()
        .any(|t| t.span.slice(toks.text).chars().any(char::is_lowercase));
    let shouted = |k: usize| {
        let w = toks.str(k);
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        w.chars().all(|c| !c.is_lowercase())
            && ((letters >= 5 && lower_words(toks.lower(k))) || (letters >= 2 && !has_lower))
    };
    // Headline case ("Says Van Dijk After Cup Exit", "Health Minister Admits Failure")
    // capitalises words that are no names: a function word or a speech verb ends a name.
    let words = toks.toks[range.clone()]
        .iter()
        .filter(|t| t.kind == Kind::Word);
    let (all, capitalised) = words.fold((0, 0), |(a, c), t| (a + 1, c + usize::from(t.cap)));
    let headline_case = all >= HEADLINE_MIN_WORDS && capitalised * 10 >= all * 7;
    let headline_break = |k: usize| {
        headline_case && {
            let w = toks.lower(k);
            HEADLINE_BREAKS.contains(&w) || lex.cue(w).is_some()
        }
    };
    let run_word = |toks: &Tokens, k: usize, lex: &Lexicon| {
        run_word(toks, k, lex) && !shouted(k) && !headline_break(k)
    };
    while i < n {
        if !run_word(toks, i, lex) {
            i += 1;
            continue;
        }
        // Extend the run.
        let start = i;
        let mut j = i + 1;
        let para = toks.toks[i].para;
        let quote = toks.toks[i].quote;
        while j < toks.len() && toks.toks[j].para == para && toks.toks[j].quote == quote {
            let joins = run_word(toks, j, lex)
                || (toks.is_punct(j, ".") && is_abbreviation_dot(toks, j, lex))
                || coordinated_body(toks, start, j, lex)
                || (toks.is_punct(j, "&")
                    && toks.toks[j - 1].cap
                    && run_word_ahead(toks, j + 1, lex))
                || (toks.is_word(j)
                    && (CONNECTORS.contains(&toks.lower(j))
                        || lex.is_role_word(toks.lower(j))
                        || (toks.lower(j) == "the" && CONNECTORS.contains(&toks.lower(j - 1))))
                    && run_word_ahead(toks, j + 1, lex));
            if !joins {
                break;
            }
            j += 1;
        }
        // Drop trailing periods and connectors.
        while j > start + 1 && (toks.toks[j - 1].kind == Kind::Punct || !toks.toks[j - 1].cap) {
            j -= 1;
        }
        // Letters after a name ("Jo Stevens MP") are no part of its words, but of its
        // mention, so that what follows the mention follows the name.
        let mut name_end = j;
        while name_end > start + 2 && lex.is_post_nominal(toks.str(name_end - 1)) {
            name_end -= 1;
        }
        let mut s = start;
        // A sentence-initial common word ("The", "During") is not part of a name.
        while s < j && is_common_start(toks, s, start, lex, lower_words) {
            s += 1;
            // Lower-case words after it go too, but for a title before the name: "Site
            // manager Paul Yates" is the manager.
            while s < j && !toks.toks[s].cap && !(s + 1 < j && lex.is_title(toks.lower(s))) {
                s += 1;
            }
        }
        // "Presently Lucy", "Suddenly Mr. Darcy": a sentence adverb opening the sentence
        // before a name is not part of it.
        if s == start && s + 1 < j && sentence_initial(toks, s, lex) && is_adverb_like(toks, s, lex)
        {
            s += 1;
        }
        if s < name_end {
            let with_letters = |mut m: NameMention| {
                if m.toks.1 == name_end && name_end < j {
                    m.toks.1 = j;
                    m.span.end = toks.toks[j - 1].span.end;
                }
                m
            };
            match person_of(toks, s, name_end, lex) {
                // "Sen. Tom Carper of Delaware", "Mr. Morgan of the Sierra Club": a person,
                // then where they are from or with, each a mention of its own.
                Some((person, of)) => {
                    out.push(person);
                    let mut k = of + 1;
                    if toks.is_word(k) && toks.lower(k) == "the" {
                        k += 1;
                    }
                    out.extend(
                        (k < name_end)
                            .then(|| classify(toks, k, name_end, lex))
                            .flatten()
                            .map(with_letters),
                    );
                }
                None => out.extend(classify(toks, s, name_end, lex).map(with_letters)),
            }
        }
        i = j.max(i + 1);
    }
    // "chief Malemia", "councillor Ada Lum": a title in lower case right before a person's
    // name is their role, so that "the chief" later finds them.
    for m in &mut out {
        let s = m.toks.0;
        let titled = m.role.is_none()
            && lower_title_before(toks, s, lex)
            && (m.kind == NameKind::Unknown || m.kind == NameKind::Person && m.name.len() == 1)
            && bare_title(toks, s - 1, lex)
            && !lex.is_time_word(toks.lower(s))
            && !lex.is_place_head(toks.lower(m.toks.1 - 1));
        if titled {
            m.role = Some(toks.lower(s - 1).into());
            m.kind = NameKind::Person;
        }
    }
    out
}

/// A title in lower case right before token `s`: "chief" in "chief Malemia".
/// Never one in the paragraph before: a paragraph's names read only its own tokens (and
/// those after it that the memo checks), so that a kept paragraph's names stay right.
fn lower_title_before(toks: &Tokens, s: usize, lex: &Lexicon) -> bool {
    s > 0
        && toks.toks[s - 1].para == toks.toks[s].para
        && toks.is_word(s - 1)
        && !toks.toks[s - 1].cap
        && lex.is_title(toks.lower(s - 1))
}

/// Whether the title at `k` stands alone before a name: "chief Malemia", "said councillor
/// Lum", not "mayoral candidate McCallum" or "Republican nominee Trump", whose modifiers
/// say which of many such titles.
fn bare_title(toks: &Tokens, k: usize, lex: &Lexicon) -> bool {
    let Some(p) = k.checked_sub(1) else {
        return true;
    };
    // Nothing before the paragraph counts (see `lower_title_before`).
    if toks.toks[p].para != toks.toks[k].para || !toks.is_word(p) {
        return true;
    }
    let w = toks.lower(p);
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "by"
            | "to"
            | "with"
            | "and"
            | "of"
            | "as"
            | "for"
            | "from"
            | "is"
            | "was"
    ) || lex.cue(w).is_some()
}

/// "Little said.", "said Young.": a person's surname that is also a common word is dropped
/// as one when it stands alone, though the document named the person in full ("Dr. Norris
/// Little"). Beside a speech verb, such a word written exactly as that surname is their
/// mention. Adds those mentions to `names` (in token order, as it is).
pub fn add_common_word_surnames(toks: &Tokens, lex: &Lexicon, names: &mut Vec<NameMention>) {
    let surnames: Vec<&str> = names
        .iter()
        .filter(|m| m.personal() && m.name.len() >= 2 && !m.in_quote)
        .filter_map(|m| m.name.last().map(String::as_str))
        .filter(|w| {
            let w = w.to_lowercase();
            lex.is_common(&w) && lex.pronoun(&w).is_none()
        })
        .collect();
    if surnames.is_empty() {
        return;
    }
    let cue_at =
        |k: usize| toks.is_word(k) && !toks.toks[k].cap && lex.cue(toks.lower(k)).is_some();
    let mut added = Vec::new();
    let mut next = 0; // the first mention not ending before the token
    for k in 0..toks.len() {
        while next < names.len() && names[next].toks.1 <= k {
            next += 1;
        }
        let t = &toks.toks[k];
        if t.kind != Kind::Word || !t.cap || t.quote.is_some() {
            continue;
        }
        let inside = names.get(next).is_some_and(|m| m.toks.0 <= k);
        let same_para = |j: usize| toks.toks.get(j).is_some_and(|o| o.para == t.para);
        let beside_cue = (same_para(k + 1) && cue_at(k + 1))
            || (k > 0 && same_para(k - 1) && cue_at(k - 1) && !toks.is_word(k + 1));
        if inside || !beside_cue || !surnames.contains(&toks.str(k)) {
            continue;
        }
        added.extend(classify(toks, k, k + 1, lex));
    }
    if !added.is_empty() {
        names.extend(added);
        names.sort_by_key(|m| m.toks.0);
    }
}

/// A run `s..e` that reads "<person> of <place or body>" (or "for"): the words before its first
/// lower-case "of" are a person by themselves (an honorific or a title before a name, or a
/// given name and a surname), so "of …" is an affiliation, not part of a title ("Secretary of
/// State") or of an organisation ("Bank of Canada"). The person's mention and the "of".
fn person_of(toks: &Tokens, s: usize, e: usize, lex: &Lexicon) -> Option<(NameMention, usize)> {
    let of = (s + 1..e).find(|&k| toks.is_word(k) && matches!(toks.str(k), "of" | "for"))?;
    if of + 1 >= e {
        return None;
    }
    let person = classify(toks, s, of, lex)?;
    // "chief Malemia of Nsanje": a title in lower case right before the run.
    let titled = lower_title_before(toks, s, lex);
    let two_words = person.name.len() >= 2 || titled;
    let named = match person.kind {
        NameKind::Person => person.honorific.is_some() || person.role.is_some() || two_words,
        // "Ida Novak of Yarmouth", not "the United States of America", "Beacon Hill of …".
        NameKind::Unknown => {
            let after_the = s > 0 && toks.is_word(s - 1) && toks.lower(s - 1) == "the";
            two_words && !after_the && !lex.is_place_head(toks.lower(of - 1))
        }
        _ => false,
    };
    named.then_some((person, of))
}

/// A capitalised word shaped like an adverb ("Presently", "Unfortunately") that no given name
/// in the lexicon matches.
fn is_adverb_like(toks: &Tokens, s: usize, lex: &Lexicon) -> bool {
    let w = toks.lower(s);
    w.len() >= 6
        && w.ends_with("ly")
        && lex.first_name(w).is_none()
        && lex.honorific(w).is_none()
        && !is_acronym(toks.str(s))
}

/// "Garment Manufacturers and Exporters Association", "Housing and Local Government
/// Minister": an "and" at `j` inside one body's name or one title, which the capitalised
/// words after it end (an organisation word or a title), with no given name or title before
/// it ("Premier Doug Ford and Health Minister …" are two people) and no body or title whole
/// before it.
fn coordinated_body(toks: &Tokens, start: usize, j: usize, lex: &Lexicon) -> bool {
    if !(toks.is_word(j) && toks.lower(j) == "and") || j - start > 6 {
        return false;
    }
    // "Minister of Local Government and Rural Development": a title's portfolio, whose
    // parts may each be a body's name.
    let portfolio = (start..j).any(|k| opens_portfolio(toks, k, lex));
    // "Minister Gallant and Secretary Austin": a titled person before the "and".
    let given_before = (start..j).any(|k| {
        toks.is_word(k) && (lex.first_name(toks.lower(k)).is_some() || lex.is_title(toks.lower(k)))
    });
    // "Fox News and NBC News", "House and Senate": two bodies, each whole before the "and".
    let whole_before = lex.is_org_word(toks.lower(j - 1)) || lex.is_title(toks.lower(j - 1));
    if whole_before && !portfolio {
        return false;
    }
    let para = toks.toks[j].para;
    let after = (j + 1..toks.len().min(j + 5))
        .take_while(|&k| toks.toks[k].para == para && toks.is_word(k) && toks.toks[k].cap);
    let mut ends_body = false;
    for k in after {
        let w = toks.lower(k);
        ends_body |= lex.is_org_word(w) || lex.is_title(w);
    }
    // A portfolio's next part, not a second person ("Minister of Health and Premier Doug
    // Ford", "… and Doug Ford").
    let next_part = toks.is_word(j + 1)
        && toks.toks[j + 1].cap
        && !lex.is_role_word(toks.lower(j + 1))
        && lex.honorific(toks.lower(j + 1)).is_none()
        && lex.first_name(toks.lower(j + 1)).is_none();
    (portfolio && next_part) || (!given_before && ends_body)
}

/// A title at token `k` with "of" or "for" after it: the start of a portfolio or a seat
/// ("Minister of Finance", "MP for North Devon").
fn opens_portfolio(toks: &Tokens, k: usize, lex: &Lexicon) -> bool {
    toks.is_word(k)
        && lex.is_title(toks.lower(k))
        && toks.is_word(k + 1)
        && matches!(toks.str(k + 1), "of" | "for")
}

fn run_word_ahead(toks: &Tokens, mut j: usize, lex: &Lexicon) -> bool {
    // "Secretary of the Treasury": allow one "the" after a connector.
    if toks.is_word(j) && toks.lower(j) == "the" {
        j += 1;
    }
    j < toks.len() && run_word(toks, j, lex)
}

fn is_common_start(
    toks: &Tokens,
    s: usize,
    run_start: usize,
    lex: &Lexicon,
    lower_words: &dyn Fn(&str) -> bool,
) -> bool {
    let w = toks.lower(s);
    if lex.is_time_word(w) {
        // "Jan told the outlet", "said May": a month's name beside a speech verb is a
        // person's ("In May" or "Jan 5" is not).
        let cue_at =
            |k: usize| toks.is_word(k) && !toks.toks[k].cap && lex.cue(toks.lower(k)).is_some();
        // Right after a quote, a tag's verb of manner counts too ("“…,” May went on").
        let after_quote = s > 0 && toks.toks[s - 1].quote.is_some();
        let tag_after = after_quote
            && toks.is_word(s + 1)
            && !toks.toks[s + 1].cap
            && lex.tag_cue(toks.lower(s + 1)).is_some();
        let beside_cue = cue_at(s + 1) || (s > 0 && cue_at(s - 1)) || tag_after;
        let month = MONTH_NAMES.contains(&w);
        // "The council in May said", "on Tuesday said": a date, not a person.
        let dated = s > 0 && toks.is_word(s - 1) && DATE_WORDS.contains(&toks.lower(s - 1));
        return !(s == run_start && month && beside_cue && !dated);
    }
    if is_acronym(toks.str(s)) {
        // "US" is not "us", but "HE said" is a pronoun in capitals.
        return matches!(w, "he" | "she" | "they");
    }
    if lex.is_vague_head(w) {
        return true; // "Critics say"
    }
    if lex.is_common(w) && lex.honorific(w).is_none() {
        if s == run_start && names_mid_sentence(toks, s, lex) {
            return false;
        }
        return s == run_start || lex.pronoun(w).is_some();
    }
    if s != run_start || !sentence_initial(toks, s, lex) || lex.first_name(w).is_some() {
        return false;
    }
    // "President Cyril Ramaphosa has called …" though "the president said" comes later: a
    // title before a name is part of it.
    // So is "Minister of Finance Ruth Okafor …", though "the minister said" comes later.
    let capital_at = |k: usize| toks.is_word(k) && toks.toks[k].cap;
    let title_of_name = (lex.is_title(w) && capital_at(s + 1))
        || (opens_portfolio(toks, s, lex) && capital_at(s + 2));
    (lower_words(w) && !opens_known_org(toks, s, lex) && !title_of_name)
        || imperative_opener(toks, s)
        || modifier_opener(toks, s, lex)
}

/// "Previous reports suggested …", "Several officials said": a sentence's first word that
/// the tagger reads as a modifier of the lower-case noun after it is no name. Not before a
/// role ("Former secretary of state Hillary Clinton"), and not when the next word reads as a
/// verb by what follows it ("Guardian hopes that …", "Young claims the …").
fn modifier_opener(toks: &Tokens, s: usize, lex: &Lexicon) -> bool {
    let para = toks.toks[s].para;
    let lower_word = |k: usize| toks.is_word(k) && !toks.toks[k].cap && toks.toks[k].para == para;
    let next = s + 1;
    if !lower_word(next) || lex.is_role_word(toks.lower(next)) {
        return false;
    }
    if lower_word(next + 1) && lex.is_role_word(toks.lower(next + 1)) {
        return false;
    }
    // Only a word that training saw as a modifier in lower case is worth tagging in its
    // sentence ("previous", not "guardian").
    const MODIFIERS: &[Upos] = &[Upos::Adj, Upos::Adv, Upos::Det, Upos::Num];
    if !super::tagger::tagger().may_be(toks.lower(s), MODIFIERS) {
        return false;
    }
    // One reading of the sentence's first words.
    let (_, tags) = tags_in_paragraph(toks, s, 0, 3);
    if !matches!(tags[0], Upos::Adj | Upos::Adv | Upos::Det | Upos::Num)
        || !matches!(tags.get(1), Some(Upos::Noun | Upos::Adj))
    {
        return false;
    }
    let clause_after = matches!(
        tags.get(2),
        Some(Upos::Sconj | Upos::Pron | Upos::Det | Upos::Propn)
    ) || (next + 1 < s + tags.len()
        && toks.is_word(next + 1)
        && toks.lower(next + 1) == "that");
    !clause_after
}

/// A verb opening its sentence before a comma ("Wait, it gets better:", "Look, …"): the
/// tagger reads it in its paragraph, never a name.
fn imperative_opener(toks: &Tokens, s: usize) -> bool {
    if !toks.is_punct(s + 1, ",") {
        return false;
    }
    tag_in_paragraph(toks, s, 0, 3) == Some(Upos::Verb)
}

/// The tag of token `s`, read with at most `before` tokens before it and `after` after it
/// from its own paragraph (a paragraph's mentions read nothing of another's).
fn tag_in_paragraph(toks: &Tokens, s: usize, before: usize, after: usize) -> Option<Upos> {
    let (at, tags) = tags_in_paragraph(toks, s, before, after);
    tags.get(at).copied()
}

/// The tags of the window [`tag_in_paragraph`] reads, and where token `s` is in it.
fn tags_in_paragraph(toks: &Tokens, s: usize, before: usize, after: usize) -> (usize, Vec<Upos>) {
    let para = toks.toks[s].para;
    let mut from = s;
    while from > 0 && s - from < before && toks.toks[from - 1].para == para {
        from -= 1;
    }
    let mut to = s + 1;
    while to < toks.len() && to - s <= after && toks.toks[to].para == para {
        to += 1;
    }
    (s - from, toks.tags(from..to))
}

/// A capitalised common word inside a sentence that is a name all the same, before another
/// capitalised word: a given name ("said Will Doyle", "with Grant Robertson"), or a word the
/// tagger reads as a name, an adjective or a noun there ("New York City", "Great Britain"),
/// not a function word.
fn names_mid_sentence(toks: &Tokens, s: usize, lex: &Lexicon) -> bool {
    let next = s + 1;
    let para = toks.toks[s].para;
    // "“…,” said Small, who attended": alone after a cue, a surname.
    let after_cue = s > 0
        && toks.toks[s - 1].para == para
        && toks.is_word(s - 1)
        && !toks.toks[s - 1].cap
        && lex.cue(toks.lower(s - 1)).is_some()
        && lex.pronoun(toks.lower(s)).is_none()
        && (toks.is_punct(next, ",") || toks.is_punct(next, "."));
    if after_cue {
        return true;
    }
    let before_capital = !sentence_initial(toks, s, lex)
        && lex.pronoun(toks.lower(s)).is_none()
        && toks.is_word(next)
        && toks.toks[next].cap
        && toks.toks[next].para == toks.toks[s].para
        && toks.toks[next].quote == toks.toks[s].quote
        && !lex.is_common(toks.lower(next));
    if !before_capital {
        return false;
    }
    if lex.first_name(toks.lower(s)).is_some() {
        return true;
    }
    matches!(
        tag_in_paragraph(toks, s, 2, 2),
        Some(Upos::Propn | Upos::Adj | Upos::Noun)
    )
}

/// "Shopkeeper Tom Price was less happy", "Comedian Ann Lee said": a common noun or adjective
/// capitalised only because it opens the sentence, before a given name and a surname, describes
/// the person. The tagger reads the word in lower case before the name ("follow Tom Price on
/// X" stays a verb, and the run no name of a person's role).
fn described_opener(toks: &Tokens, s: usize, e: usize, lex: &Lexicon) -> bool {
    let w = toks.lower(s);
    let plain = |k: usize| k < e && toks.is_word(k) && toks.toks[k].cap;
    if !(plain(s) && plain(s + 1) && plain(s + 2) && sentence_initial(toks, s, lex)) {
        return false;
    }
    if lex.first_name(w).is_some()
        || lex.honorific(w).is_some()
        || lex.is_org_word(w)
        || is_acronym(toks.str(s))
        || !(lex.first_name(toks.lower(s + 1)).is_some() || lex.is_person_noun(w))
    {
        return false;
    }
    let para = toks.toks[s].para;
    let mut words: Vec<&str> = vec![w];
    words.extend(
        (s + 1..(s + 5).min(toks.len()))
            .take_while(|&k| toks.toks[k].para == para)
            .map(|k| toks.str(k)),
    );
    let mut tags = Vec::new();
    super::tagger::tagger().tag(&words, &mut tags);
    matches!(tags.first(), Some(Upos::Noun | Upos::Adj))
}

/// "State Department spokesperson …" opens a sentence with an organisation's name, even where
/// "state" is also written in lower case: an organisation word follows, or the lexicon knows it.
fn opens_known_org(toks: &Tokens, s: usize, lex: &Lexicon) -> bool {
    let org_word_next = toks.is_word(s + 1)
        && toks.toks[s + 1].cap
        && toks.toks[s + 1].para == toks.toks[s].para
        && lex.is_org_word(toks.lower(s + 1));
    org_word_next
        || lex.orgs_starting(toks.str(s)).any(|org| {
            org.len() > 1
                && org
                    .iter()
                    .enumerate()
                    .all(|(k, w)| toks.is_word(s + k) && toks.str(s + k) == *w)
        })
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Honorific,
    Title,
    OrgWord,
    Connector,
    Acronym,
    Word,
}

fn classify(toks: &Tokens, s: usize, e: usize, lex: &Lexicon) -> Option<NameMention> {
    // Word tokens of the run, with their class.
    let words: Vec<usize> = (s..e).filter(|&k| toks.is_word(k)).collect();
    if words.is_empty() {
        return None;
    }
    let described = described_opener(toks, s, e, lex);
    let class = |k: usize| -> Class {
        let w = toks.lower(k);
        if described && k == words[0] {
            return Class::Title;
        }
        let followed_by_dot = toks.is_punct(k + 1, ".");
        // "Lord Mayor Betty Disero", "Lady Mayoress": before a title, a form of address is
        // part of the title and says nothing of its holder's sex.
        let before_title = k + 1 < e && toks.is_word(k + 1) && lex.is_role_word(toks.lower(k + 1));
        if before_title && lex.honorific(w).is_some() && !lex.is_role_word(w) {
            return Class::Title;
        }
        if !toks.toks[k].cap {
            if CONNECTORS.contains(&w) || w == "the" || w == "and" {
                return Class::Connector;
            }
            if lex.is_role_word(w) {
                return Class::Title;
            }
        }
        if lex.honorific(w).is_some()
            && (followed_by_dot
                || matches!(
                    w,
                    "mr" | "mrs"
                        | "ms"
                        | "miss"
                        | "sir"
                        | "dame"
                        | "lady"
                        | "lord"
                        | "madam"
                        | "madame"
                        // Councillors in Australia and Britain: "Cr Hill", "Cllr Ann Kerr";
                        // British style drops the stop after "Dr" and "Prof" too.
                        | "cr"
                        | "cllr"
                        | "dr"
                        | "prof"
                        // Kin and foreign forms of address: "Aunt Juley", "Signor Carella".
                        | "aunt"
                        | "auntie"
                        | "uncle"
                        | "cousin"
                        | "signor"
                        | "signora"
                        | "signorina"
                        | "monsieur"
                        | "mademoiselle"
                        | "herr"
                        | "frau"
                        | "fraulein"
                ))
            && !lex.is_title(w)
        {
            return Class::Honorific;
        }
        if lex.is_role_word(w) {
            return Class::Title;
        }
        if lex.honorific(w).is_some() && followed_by_dot {
            return Class::Honorific;
        }
        if lex.is_org_word(w) {
            return Class::OrgWord;
        }
        if is_acronym(toks.str(k)) && !COUNTRY_ACRONYMS.contains(&toks.str(k)) {
            return Class::Acronym;
        }
        Class::Word
    };
    let classes: Vec<Class> = words.iter().map(|&k| class(k)).collect();
    let text_of = |a: usize, b: usize| -> String {
        // Words a..b (indices into `words`) joined as written, periods kept.
        let (ts, te) = (words[a], words[b - 1]);
        let mut end = toks.toks[te].span.end;
        if toks.is_punct(te + 1, ".") && toks.toks[te + 1].span.start == end {
            end = toks.toks[te + 1].span.end;
        }
        toks.text[toks.toks[ts].span.start..end].to_string()
    };
    let span = Span::new(toks.toks[s].span.start, toks.toks[e - 1].span.end);
    let in_quote = toks.toks[s].quote.is_some();
    let base = |kind, name_span, name: Vec<String>| NameMention {
        toks: (s, e),
        span,
        name_span,
        name: name.into(),
        kind,
        role: None,
        honorific: None,
        gender: Gender::Unknown,
        in_quote,
        given: false,
    };
    let wspan = |a: usize, b: usize| {
        Span::new(
            toks.toks[words[a]].span.start,
            toks.toks[words[b - 1]].span.end,
        )
    };
    let lowers = |a: usize, b: usize| -> Vec<String> {
        (a..b).map(|x| toks.str(words[x]).to_string()).collect()
    };

    // Known organisations ("White House") and organisation words ("State Department").
    let last = classes.len() - 1;
    // An acronym before one plain word is a body, not a given name: "BC Hydro", "CN Rail".
    let acronym_led = classes == [Class::Acronym, Class::Word];
    // "Department of Fisheries", "Bank of Canada": an organisation word, then what it is of.
    let org_of = classes.len() >= 3
        && classes[0] == Class::OrgWord
        && classes[1] == Class::Connector
        && matches!(toks.lower(words[1]), "of" | "for" | "on");
    // "Quarterly Labour Force Survey", "Global Risks Report": a named document speaks as
    // a body does, never as a person.
    let named_document = classes.len() >= 2
        && classes[last] == Class::Word
        && lex.is_document(toks.lower(words[last]))
        && classes
            .iter()
            .all(|c| matches!(c, Class::Word | Class::OrgWord | Class::Title));
    // "Wood River Fire & Rescue", "Procter & Gamble": an ampersand joins a firm's names.
    let ampersand = (s..e).any(|k| toks.is_punct(k, "&"));
    let org_shaped = classes[last] == Class::OrgWord
        || ampersand
        || named_document
        || classes[last] == Class::Acronym
        || acronym_led
        || org_of
        || known_org(toks, &words, lex);
    let org_words_only = classes.iter().all(|c| {
        matches!(
            c,
            Class::Word | Class::OrgWord | Class::Connector | Class::Acronym
        )
    });
    // "Garda Press Office", "Presidential Communications Office": a rank or role word before
    // an organisation word that ends the run names a body, not its holder, when no given name
    // stands in it ("Head of the Southern Command" is a role).
    let titled_body = classes[last] == Class::OrgWord
        && classes.len() >= 2
        && classes.iter().all(|c| {
            matches!(
                c,
                Class::Word | Class::OrgWord | Class::Acronym | Class::Title
            )
        })
        && words
            .iter()
            .all(|&k| lex.first_name(toks.lower(k)).is_none());
    if org_shaped && (org_words_only || titled_body) {
        let name = if ampersand {
            // The ampersand is part of the name as written.
            (s..e)
                .filter(|&k| toks.is_word(k) || toks.is_punct(k, "&"))
                .map(|k| toks.str(k).to_string())
                .collect()
        } else {
            lowers(0, words.len())
        };
        return Some(base(NameKind::Organisation, wspan(0, words.len()), name));
    }

    // The name: the longest tail of plain words.
    let mut name_start = classes.len();
    while name_start > 0 && classes[name_start - 1] == Class::Word {
        name_start -= 1;
    }
    // "Professor de Worms": a particle before the tail belongs to the name.
    let particle = |x: usize| !matches!(toks.lower(words[x]), "of" | "for" | "the" | "and");
    if name_start > 1
        && name_start < classes.len()
        && classes[name_start - 1] == Class::Connector
        && particle(name_start - 1)
        && !toks.toks[words[name_start - 1]].cap
    {
        name_start -= 1;
        // "Bill de Blasio": and the plain words before it.
        while name_start > 0 && classes[name_start - 1] == Class::Word {
            name_start -= 1;
        }
    }
    // "Secretary of State Antony Blinken": after "<title> of", part of the tail is the role.
    // After "<body> of" ("Chairman of the Tea Board of Sri Lanka") the tail is where the
    // body is, unless a given name opens a name in it.
    if name_start > 0 && classes[name_start - 1] == Class::Connector {
        let tail = classes.len() - name_start;
        // The title's "of" or "for": right before the tail, or before a portfolio of two
        // parts ("Minister of Local Government and Rural Development Ann Banda").
        let title_link = if name_start >= 2 && classes[name_start - 2] == Class::Title {
            Some(name_start - 1)
        } else if toks.lower(words[name_start - 1]) == "and" {
            (1..name_start - 1).rev().find(|&x| {
                classes[x - 1] == Class::Title
                    && classes[x] == Class::Connector
                    && matches!(toks.lower(words[x]), "of" | "for")
                    && classes[x + 1..name_start - 1]
                        .iter()
                        .all(|c| matches!(c, Class::Word | Class::OrgWord))
            })
        } else {
            None
        };
        let after_title = title_link.is_some();
        let first_known = (name_start..classes.len().saturating_sub(1))
            .find(|&x| lex.first_name(toks.lower(words[x])).is_some());
        // "Conservative MP for North Devon", "Minister for Housing": after "for" comes the
        // seat or the portfolio, a name only from a given name on.
        let for_seat = toks.lower(words[title_link.unwrap_or(name_start - 1)]) == "for";
        // "Commissioner for Environment Tokunbo Wahab": after a portfolio of a word or more,
        // two last words that name no part of a seat are a name.
        let seat_word = |x: usize| {
            let w = toks.lower(words[x]);
            SEAT_WORDS.contains(&w) || lex.is_place_head(w)
        };
        let n = classes.len();
        let named_after_portfolio =
            after_title && for_seat && tail >= 3 && !seat_word(n - 1) && !seat_word(n - 2);
        name_start = match first_known {
            Some(x) if x > name_start => x,
            _ if named_after_portfolio => n - 2,
            _ if !after_title || for_seat => classes.len(),
            _ if tail >= 3 => classes.len() - 2,
            _ if tail == 2 => classes.len() - 1,
            _ => classes.len(),
        };
    }
    let head = &classes[..name_start];
    let has_title = head.contains(&Class::Title);
    if name_start == classes.len() && !has_title && head.contains(&Class::OrgWord) {
        // "Roper Center for Public Opinion Research": a body, and what it is for.
        return Some(base(
            NameKind::Organisation,
            wspan(0, words.len()),
            lowers(0, words.len()),
        ));
    }
    let honorific_end = name_start;
    let mut honorific_start = name_start;
    while honorific_start > 0 && classes[honorific_start - 1] == Class::Honorific {
        honorific_start -= 1;
    }
    let mut m = if name_start == classes.len() {
        if !has_title {
            return None;
        }
        base(
            NameKind::Role,
            wspan(0, words.len()),
            lowers(0, words.len()),
        )
    } else {
        let name = lowers(name_start, classes.len());
        let mut m = base(NameKind::Unknown, wspan(name_start, classes.len()), name);
        if has_title || honorific_start < honorific_end {
            m.kind = NameKind::Person;
        }
        let first = toks.lower(words[name_start]);
        if let Some(g) = lex.first_name(first) {
            m.given = true;
            m.gender = g;
            if m.name.len() > 1 {
                m.kind = NameKind::Person;
            }
        }
        m
    };
    if honorific_start < honorific_end {
        m.honorific = Some(Arc::from(text_of(honorific_start, honorific_end)));
        for &w in &words[honorific_start..honorific_end] {
            match lex.honorific(toks.lower(w)) {
                Some(Gender::Unknown) | None => {}
                Some(g) => m.gender = g,
            }
        }
    }
    if has_title && m.kind != NameKind::Role {
        m.role = Some(Arc::from(text_of(0, honorific_start)));
    }
    Some(m)
}

/// Organisations named inside a role: "Pentagon" in "Pentagon Press Secretary", "State
/// Department" in "State Department spokesperson".
pub fn orgs_in_role(toks: &Tokens, m: &NameMention, lex: &Lexicon) -> Vec<NameMention> {
    let mut out = Vec::new();
    let role_end = toks.at_or_after(m.name_span.start).min(m.toks.1);
    let mut k = m.toks.0;
    while k < role_end {
        if !(toks.is_word(k) && toks.toks[k].cap) || lex.is_role_word(toks.lower(k)) {
            k += 1;
            continue;
        }
        // A run of capitalised non-role words.
        let s = k;
        while k < role_end
            && toks.is_word(k)
            && toks.toks[k].cap
            && !lex.is_role_word(toks.lower(k))
        {
            k += 1;
        }
        let words: Vec<usize> = (s..k).collect();
        let last = toks.lower(k - 1);
        if lex.is_org_word(last) || known_org(toks, &words, lex) {
            let span = Span::new(toks.toks[s].span.start, toks.toks[k - 1].span.end);
            out.push(NameMention {
                toks: (s, k),
                span,
                name_span: span,
                name: words.iter().map(|&w| toks.str(w).to_string()).collect(),
                kind: NameKind::Organisation,
                role: None,
                honorific: None,
                gender: Gender::Unknown,
                in_quote: m.in_quote,
                given: false,
            });
        }
    }
    out
}

fn known_org(toks: &Tokens, words: &[usize], lex: &Lexicon) -> bool {
    let Some(&last) = words.last() else {
        return false;
    };
    lex.orgs_ending(toks.str(last)).any(|org| {
        org.len() <= words.len()
            && words[words.len() - org.len()..]
                .iter()
                .zip(org)
                .all(|(&k, w)| toks.str(k) == *w)
    })
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::lexicon;
    use super::*;

    fn runs(text: &str) -> Vec<(String, NameKind, Option<String>, Option<String>)> {
        let toks = Tokens::new(text, &[Span::new(0, text.len())], &[]);
        name_mentions(&toks, lexicon(), &|_| false)
            .into_iter()
            .map(|m| {
                let text = |s: Option<Arc<str>>| s.map(|s| s.to_string());
                (m.name.join(" "), m.kind, text(m.role), text(m.honorific))
            })
            .collect()
    }

    #[test]
    fn affiliations_and_capitalised_common_words() {
        let names = |text: &str| -> Vec<String> { runs(text).into_iter().map(|r| r.0).collect() };
        // "of" after a person is where they are from; after a title or a body it is the name's.
        assert_eq!(
            names("said Sen. Lia Marsh of Vermont."),
            ["Lia Marsh", "Vermont"]
        );
        assert_eq!(names("the Bank of Canada said"), ["Bank of Canada"]);
        assert_eq!(runs("the Secretary of State said")[0].1, NameKind::Role);
        // Common words that name inside a sentence, and one that opens it as a verb.
        assert_eq!(names("a reply from Will Doyle today"), ["Will Doyle"]);
        assert_eq!(names("a councillor in New Glasgow"), ["New Glasgow"]);
        assert_eq!(names("Wait, it gets better."), Vec::<String>::new());
    }

    #[test]
    fn roles_honorifics_and_names() {
        let r = runs("Pentagon Press Secretary Maj. Gen. Pat Ryder said it.");
        assert_eq!(
            r,
            vec![(
                "Pat Ryder".into(),
                NameKind::Person,
                Some("Pentagon Press Secretary".into()),
                Some("Maj. Gen.".into())
            )]
        );
        let r = runs("Then US Secretary of State Antony Blinken spoke.");
        assert_eq!(r[0].0, "Antony Blinken");
        assert_eq!(r[0].2.as_deref(), Some("US Secretary of State"));
        let r = runs("He met State Department spokesperson Matthew Miller.");
        assert_eq!(r[0].0, "Matthew Miller");
        assert_eq!(r[0].2.as_deref(), Some("State Department spokesperson"));
        let r = runs("and the Secretary of Defense agreed");
        assert_eq!(r[0].1, NameKind::Role);
        let r = runs("the State Department and the IDF and the Pentagon");
        let kinds: Vec<NameKind> = r.iter().map(|x| x.1).collect();
        assert_eq!(kinds, vec![NameKind::Organisation; 3]);
    }
}
