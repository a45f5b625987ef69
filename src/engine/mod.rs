//! The attribution engine: text in, [`Analysis`] out. Pure: no I/O, no global mutable state.
//!
//! Layers, each a pass over the previous one's output:
//! prose (Markdown masking, paragraphs) -> quotes (marks) -> tokens -> names (capitalised
//! runs) -> actors (clustering) -> attribute (cues, conventions) -> findings.

mod actors;
mod attribute;
mod conventions;
mod findings;
mod gender;
pub mod lexicon;
mod memo;
pub mod model;
mod names;
mod narrator;
mod phrases;
mod places;
mod prose;
mod quotes;
mod reported;
mod sentences;
pub mod tagger;
mod tokens;

use rustc_hash::FxHashSet as HashSet;

pub use gender::referred_gender;
pub use memo::Memo;
pub use model::*;
pub use quotes::is_quote_mark;

use actors::ActorTable;
use attribute::{Attributor, Found};
use names::NameMention;
use phrases::{NameIndex, Phrases};
use quotes::RawQuote;
use tokens::{Kind, Tokens};

/// Analyse a document.
pub fn analyze(text: &str, opts: &Options) -> Analysis {
    run(text, opts, None)
}

/// Analyse a new version of a document, reusing what `memo` kept of the unchanged
/// paragraphs of the last one. The result equals [`analyze`]'s.
pub fn analyze_with(text: &str, opts: &Options, memo: &mut Memo) -> Analysis {
    run(text, opts, Some(memo))
}

fn run(text: &str, opts: &Options, mut memo: Option<&mut Memo>) -> Analysis {
    let lex = lexicon::lexicon();
    let prose = prose::prose(text, opts.format);
    if let Some(memo) = memo.as_deref_mut() {
        memo.begin(&prose.text, &prose.paragraphs);
    }
    let raw = quotes::find_quotes_with_memo(
        &prose.text,
        &prose.paragraphs,
        opts.apostrophe_pairs,
        memo.as_deref_mut(),
    );
    let toks = Tokens::with_memo(&prose.text, &prose.paragraphs, &raw, memo.as_deref_mut());
    let mode = match opts.mode {
        Mode::Auto => detect_mode(&toks, &prose.paragraphs, &raw),
        m => m,
    };

    // Words the document writes in lower case: a capitalised one among them is no name.
    let mut names = match memo.as_deref_mut() {
        Some(memo) => names::mentions_with_memo(&toks, &prose.paragraphs, lex, memo),
        None => {
            let lower_words: HashSet<&str> = (0..toks.len())
                .filter(|&i| toks.toks[i].in_vocabulary())
                .map(|i| toks.lower(i))
                .collect();
            names::name_mentions(&toks, lex, &|w| lower_words.contains(w))
        }
    };
    names::add_common_word_surnames(&toks, lex, &mut names);
    let role_orgs: Vec<NameMention> = names
        .iter()
        .filter(|m| m.role.is_some())
        .flat_map(|m| names::orgs_in_role(&toks, m, lex))
        .collect();

    let mut table = ActorTable::default();
    for m in &role_orgs {
        table.add_name(m, text);
    }
    let mut name_actor: Vec<_> = names.iter().map(|m| table.add_name(m, text)).collect();
    if mode == Mode::Fiction {
        table.merge_given_names(&names, &mut name_actor, lex);
    }
    for id in places::place_like(&toks, lex, &names, &name_actor) {
        table.set_place(id);
    }
    infer_genders(&toks, &names, &name_actor, &mut table);
    names.shrink_to_fit();
    let index = NameIndex::new(toks.len(), &names);
    let ph = Phrases {
        toks: &toks,
        lex,
        names: &names,
        index: &index,
    };
    let mut attributor = Attributor::new(ph, table, name_actor, mode, opts);
    let mut found = attributor.explicit(&raw);
    let speech: Vec<bool> = raw
        .iter()
        .zip(&found)
        .map(|(q, f)| is_speech(&toks, q, f, mode, opts))
        .collect();
    attributor.conventions(&raw, &mut found, &speech);
    attributor.role_mentions();
    let pulls = if mode == Mode::News {
        attributor.pull_quotes()
    } else {
        Vec::new()
    };

    let mut events = std::mem::take(&mut attributor.events);
    events.append(&mut attributor.reports);
    events.sort_by_key(|e| e.cue_tok);
    let unresolved = std::mem::take(&mut attributor.unresolved);
    let (actors, map) = attributor.table.finish();
    let out_id = |id: Option<ActorId>| id.and_then(|i| map.get(i).copied().flatten());

    let quotes: Vec<Quote> = raw
        .iter()
        .zip(found)
        .zip(&speech)
        .map(|((q, f), &is_speech)| {
            let speaker = if is_speech { out_id(f.speaker) } else { None };
            Quote {
                span: q.span,
                content: q.content,
                parts: paragraph_pieces(&prose.paragraphs, q.span),
                kind: if !is_speech {
                    QuoteKind::Term
                } else if embedded(&toks, q, lex) {
                    QuoteKind::Mixed
                } else {
                    QuoteKind::Direct
                },
                closed: q.closed,
                speaker,
                // An unresolved pronoun keeps its mention and cue: the source is there.
                mention: if is_speech { f.mention } else { None },
                cue: if is_speech { f.cue } else { None },
                method: if speaker.is_some() {
                    f.method
                } else {
                    Method::None
                },
                candidates: if is_speech && speaker.is_none() {
                    f.candidates
                        .iter()
                        .filter_map(|&c| out_id(Some(c)))
                        .collect()
                } else {
                    Vec::new()
                },
            }
        })
        .collect();
    let quotes = if mode == Mode::News {
        let quotes = merge_interrupted(&toks, quotes);
        let reports: Vec<reported::Report> = events
            .iter()
            .map(|e| reported::Report::new(e, out_id(Some(e.speaker))))
            .chain(unresolved.iter().map(|e| reported::Report::new(e, None)))
            .collect();
        let quotes = reported::add_reported(&toks, lex, &raw, &reports, quotes);
        add_pull_quotes(&pulls, out_id, quotes)
    } else {
        quotes
    };

    let mut findings = Vec::new();
    findings::unattributed(&quotes, &mut findings, |q| {
        let (a, b) = (
            toks.at_or_after(q.content.start),
            toks.at_or_after(q.content.end),
        );
        match memo.as_deref_mut() {
            Some(memo) => memo.is_clause(&toks.words_key(a..b), || toks.is_clause(a..b)),
            None => toks.is_clause(a..b),
        }
    });
    if let Some(memo) = memo {
        memo.end();
    }
    let mut spoken: Vec<(ActorId, Span, Option<usize>)> = quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| !matches!(q.method, Method::Continuation | Method::ConversationTurn))
        .filter_map(|(i, q)| Some((q.speaker?, q.mention?, Some(i))))
        .collect();
    // "Mia Tolland, a forecaster at the weather office said": a description after a
    // person's name and its comma says who she is; it is no unnamed source of its own.
    let describes_named = |mention: Span| {
        let k = toks.at_or_after(mention.start);
        k >= 2 && toks.is_punct(k - 1, ",") && {
            let at = names.partition_point(|m| m.toks.1 < k - 1);
            names
                .get(at)
                .is_some_and(|m| m.toks.1 == k - 1 && m.personal() && !m.in_quote)
        }
    };
    spoken.extend(
        events
            .iter()
            .filter(|e| !describes_named(e.mention))
            .filter_map(|e| Some((out_id(Some(e.speaker))?, e.mention, None))),
    );
    // One finding a mention, tied to its quote when it has one.
    spoken.sort_by_key(|s| (s.1, s.2.is_none(), s.2));
    spoken.dedup_by_key(|s| s.1);
    findings::unnamed_sources(&actors, &spoken, &mut findings);
    let extra: Vec<Vec<String>> = opts
        .extra_vague
        .iter()
        .map(|p| p.split_whitespace().map(str::to_lowercase).collect())
        .filter(|p: &Vec<String>| !p.is_empty())
        .collect();
    findings::claims(&toks, lex, &extra, &mut findings);
    findings.sort_by_key(|f| (f.span.start, f.code));
    findings.dedup_by(|a, b| a.span.overlaps(b.span) && a.code == b.code);

    Analysis {
        mode,
        quotes,
        actors,
        findings,
    }
}

/// A person's gender from the pronoun that most often first follows their name in the
/// narration ("Anne smiled. She ..."), where no honorific or first name told it.
fn infer_genders(
    toks: &Tokens,
    names: &[NameMention],
    name_actor: &[Option<ActorId>],
    table: &mut ActorTable,
) {
    let mut tally: rustc_hash::FxHashMap<ActorId, (u32, u32)> = Default::default();
    for (m, id) in names.iter().zip(name_actor) {
        let Some(id) = *id else { continue };
        if m.in_quote
            || table.gender(id) != Gender::Unknown
            || table.kind(id) != ActorKind::Person
            || table.is_place(id)
        {
            continue;
        }
        let para = toks.toks[m.toks.0].para;
        for k in m.toks.1..(m.toks.1 + 12).min(toks.len()) {
            let t = &toks.toks[k];
            if t.para != para || t.quote.is_some() {
                break;
            }
            let entry = tally.entry(id).or_default();
            match toks.lower(k) {
                "he" | "him" | "his" | "himself" => {
                    entry.0 += 1;
                    break;
                }
                "she" | "her" | "hers" | "herself" => {
                    entry.1 += 1;
                    break;
                }
                _ => {}
            }
        }
    }
    for (id, (m, f)) in tally {
        if m >= 2 && m >= 2 * f {
            table.set_gender(id, Gender::Male);
        } else if f >= 2 && f >= 2 * m {
            table.set_gender(id, Gender::Female);
        }
    }
}

/// News or fiction, from the text itself. A novel is long and its paragraphs often open with
/// dialogue. A shorter text (a chapter, a story) is fiction when its paragraphs open with
/// dialogue that asks, exclaims and says "you", and it has few capitalised words inside
/// sentences (names, places and organisations fill news), few digits and no news words
/// (weekdays, "percent", "according to", years). Measured on news articles and on 3 KB and
/// 10 KB passages of novels.
fn detect_mode(toks: &Tokens, paragraphs: &[Span], quotes: &[RawQuote]) -> Mode {
    let mut qi = 0;
    let mut opening = 0usize;
    for p in paragraphs {
        while qi < quotes.len() && quotes[qi].span.start < p.start {
            qi += 1;
        }
        if quotes.get(qi).is_some_and(|q| q.span.start == p.start) {
            opening += 1;
        }
    }
    if toks.text.len() >= 40_000 && paragraphs.len() >= 40 {
        return if opening * 5 >= paragraphs.len() {
            Mode::Fiction
        } else {
            Mode::News
        };
    }
    if paragraphs.len() < 6 || quotes.len() < 4 {
        return Mode::News;
    }
    let signs = text_signs(toks, quotes);
    let share = |n: usize, of: usize| n as f64 / of.max(1) as f64;
    let words = signs.words;
    let per_thousand = share(signs.news_words, words) * 1000.0;
    let score = [
        share(opening, paragraphs.len()) >= 0.3,
        per_thousand < 2.5,
        share(signs.asking, quotes.len()) >= 0.12,
        share(signs.you, quotes.len()) >= 0.15,
        share(signs.digits, words) < 0.004,
    ]
    .iter()
    .filter(|&&b| b)
    .count();
    // News words in the narration at news's rate rule a story out, whatever its dialogue
    // (a sports piece full of "you" and questions).
    let newsy = share(signs.news_narration, words) * 1000.0 >= NEWS_WORDS_VETO;
    let fiction =
        share(signs.capitalised_inside, words) < 0.08 && signs.asking > 0 && score >= 3 && !newsy;
    if fiction {
        Mode::Fiction
    } else {
        Mode::News
    }
}

/// News words a thousand words at which a short text is news, whatever else it shows.
const NEWS_WORDS_VETO: f64 = 5.0;

/// Counts that tell news from fiction.
#[derive(Default)]
struct TextSigns {
    words: usize,
    /// Capitalised words inside a sentence, "I" aside.
    capitalised_inside: usize,
    digits: usize,
    /// Weekdays, "percent", "according", four-digit numbers.
    news_words: usize,
    /// News words outside quotes, and lower-case titles before names ("coach Trent
    /// Robinson"): a story's characters name weekdays too, its narration less.
    news_narration: usize,
    /// Quotes ending in a question or an exclamation.
    asking: usize,
    /// Quotes that say "you".
    you: usize,
}

fn text_signs(toks: &Tokens, quotes: &[RawQuote]) -> TextSigns {
    let mut signs = TextSigns::default();
    let mut initial = true;
    let mut para = u32::MAX;
    for (i, t) in toks.toks.iter().enumerate() {
        if t.para != para {
            para = t.para;
            initial = true;
        }
        if t.kind != Kind::Word {
            let p = toks.str(i);
            if toks.is_sentence_end(i) || matches!(p, "“" | "\"" | "‘" | ":") {
                initial = true;
            }
            continue;
        }
        signs.words += 1;
        let w = toks.lower(i);
        if t.cap && !initial && !(w == "i" || w.starts_with("i'")) {
            signs.capitalised_inside += 1;
        }
        if w.bytes().any(|b| b.is_ascii_digit()) {
            signs.digits += 1;
            if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
                signs.news_words += 1;
            }
        }
        if NEWS_WORDS.contains(&w) {
            signs.news_words += 1;
            signs.news_narration += usize::from(t.quote.is_none());
        }
        // "Roosters coach Trent Robinson", "finance minister Ann Kerr": a lower-case title
        // before a name is how news introduces people; novels capitalise "Captain Benwick".
        let titled_name = !t.cap
            && toks.is_word(i + 1)
            && toks.toks[i + 1].cap
            && toks.toks[i].quote.is_none()
            && lexicon::lexicon().is_title(w);
        // "Coun. Erwin Wiens", "Sen. Ann Cole", "Cllr Ann Kerr": ranks of office abbreviated
        // before a name are news's; novels write "Mr." and "Captain".
        let office_rank = t.cap
            && t.quote.is_none()
            && NEWS_RANKS.contains(&w)
            && (toks.is_word(i + 1) && toks.toks[i + 1].cap
                || toks.is_punct(i + 1, ".") && toks.is_word(i + 2) && toks.toks[i + 2].cap);
        if titled_name || office_rank {
            signs.news_words += 1;
            signs.news_narration += 1;
        }
        initial = false;
    }
    for q in quotes {
        let content = q.content.slice(toks.text);
        let end = content.trim_end_matches(|c: char| c.is_whitespace() || "”\"’'".contains(c));
        if end.ends_with(['?', '!']) {
            signs.asking += 1;
        }
        if content
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case("you"))
        {
            signs.you += 1;
        }
    }
    signs
}

/// Abbreviated ranks of elected and police office, before a name in news copy.
const NEWS_RANKS: &[&str] = &[
    "coun", "cllr", "cr", "sen", "rep", "gov", "supt", "insp", "cst",
];

/// Words that mark news copy.
const NEWS_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "percent",
    "according",
];

/// A quote's piece in each paragraph it covers: one for most quotes, one a paragraph for a
/// speech that reopens its mark at each new paragraph (each piece is marked, as the
/// annotated corpora but PolNeAR count them).
fn paragraph_pieces(paragraphs: &[Span], span: Span) -> Vec<Span> {
    let first = paragraphs.partition_point(|p| p.end <= span.start);
    let mut pieces: Vec<Span> = paragraphs[first..]
        .iter()
        .take_while(|p| p.start < span.end)
        .map(|p| Span::new(p.start.max(span.start), p.end.min(span.end)))
        .collect();
    if pieces.len() <= 1 {
        return vec![span];
    }
    if let Some(last) = pieces.last_mut() {
        last.end = span.end;
    }
    pieces[0].start = span.start;
    pieces
}

/// News convention: `“Q1,” Smith said, “Q2.”` is one quote in two parts, when the words
/// between the parts are the tag that attributes them and nothing else.
fn merge_interrupted(toks: &Tokens, quotes: Vec<Quote>) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::with_capacity(quotes.len());
    for q in quotes {
        if let Some(prev) = out.last_mut() {
            if joins(toks, prev, &q) {
                prev.span.end = q.span.end;
                prev.content.end = q.content.end;
                prev.parts.extend_from_slice(&q.parts);
                prev.closed = q.closed;
                if prev.cue.is_none() {
                    prev.cue = q.cue;
                    prev.mention = q.mention;
                    prev.method = q.method;
                }
                continue;
            }
        }
        out.push(q);
    }
    out
}

fn joins(toks: &Tokens, a: &Quote, b: &Quote) -> bool {
    if a.kind != QuoteKind::Direct
        || b.kind != QuoteKind::Direct
        || a.speaker.is_none()
        || a.speaker != b.speaker
    {
        return false;
    }
    let gap = Span::new(a.span.end, b.span.start);
    // The tag between them: a cue of either quote, inside the gap.
    let tag_between = [a, b].iter().any(|q| {
        q.cue
            .as_ref()
            .is_some_and(|c| gap.start <= c.span.start && c.span.end <= gap.end)
    });
    // "“…,” Morgan said. She added: “…”": two cues, two statements. Not so when the
    // first cue introduced the first part and the tag breaks into its sentence: "Fallon
    // fired back: “…,” he wrote, “…”".
    let broken_off = a.content.slice(toks.text).trim_end().ends_with(',');
    let own_cues = match (&a.cue, &b.cue) {
        (Some(x), Some(y)) => {
            x.span != y.span
                && gap.start <= y.span.start
                && (gap.start <= x.span.start || !broken_off)
        }
        _ => false,
    };
    if !tag_between || own_cues {
        return false;
    }
    let (i, j) = (toks.at_or_after(gap.start), toks.at_or_after(gap.end));
    // Both quotes and the tag in one paragraph: the tag's first word may open the next one.
    let a_para = toks
        .get(toks.at_or_after(a.span.end).saturating_sub(1))
        .map(|t| t.para);
    let same_para = toks.get(i).is_some_and(|t| Some(t.para) == a_para)
        && toks.get(j).map(|t| t.para) == a_para;
    let words = (i..j).filter(|&k| toks.is_word(k)).count();
    same_para && words <= 16
}

/// A quote that continues a sentence begun outside it (`said Fiorina “was personally ...”`)
/// rather than standing as its own sentence or after a colon or comma.
fn embedded(toks: &Tokens, q: &RawQuote, lex: &lexicon::Lexicon) -> bool {
    let first = toks.at_or_after(q.span.start);
    if first == 0 || first >= toks.len() || toks.toks[first - 1].para != toks.toks[first].para {
        return false;
    }
    let prev = first - 1;
    let t = &toks.toks[prev];
    // A quote that opens its own line stands alone, as in a list of signed reader
    // comments; after a lower-case word the line break is only hard wrapping.
    let wrapped = t.kind == Kind::Word && !t.cap;
    if !wrapped && toks.text[t.span.end..q.span.start].contains('\n') {
        return false;
    }
    if t.kind != Kind::Word {
        // After a clause mark or a symbol (an emoji, a bullet) it stands on its own; after
        // other ASCII marks (`&`, `/`, `*`) or an opening mark it continues the sentence.
        let p = toks.str(prev);
        let stands_alone = matches!(
            p,
            "." | "!"
                | "?"
                | ":"
                | ","
                | ";"
                | "("
                | "—"
                | "–"
                | "-"
                | "”"
                | "\""
                | "’"
                | "'"
                | "»"
                | "…"
        ) || !(p.is_ascii() || p == "‘" || p == "“");
        return !stands_alone;
    }
    let starts_upper = q
        .content
        .slice(toks.text)
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .starts_with(char::is_uppercase);
    // A dotted abbreviation's stop also ends its sentence before a quote that is a sentence
    // of its own (`before 3 a.m. “It was orange,” said …`), not before a name (`the U.S.
    // “Buy American” rule`).
    let ends_sentence = toks.str(prev).ends_with('.')
        && (q.content.slice(toks.text).trim_end()).ends_with(['.', ',', '!', '?', '…', '—']);
    !(starts_upper && (ends_sentence || lex.tag_cue(toks.lower(prev)).is_some()))
}

/// A label word right before the quote ("its motto, “…”", "signs reading “…”"): a name
/// or a title, not speech.
fn labelled(toks: &Tokens, first: usize) -> bool {
    let lex = lexicon::lexicon();
    let mut k = first;
    while k > 0 && toks.toks[k - 1].kind == Kind::Punct && matches!(toks.str(k - 1), "," | ":") {
        k -= 1;
    }
    k > 0
        && toks.toks[k - 1].para == toks.toks[first.min(toks.len() - 1)].para
        && toks.is_word(k - 1)
        && lex.is_term_label(toks.lower(k - 1))
}

/// Speech, or a quoted term? Long quotes are speech; a short one is speech when a cue
/// stands next to it or it makes a sentence of its own.
fn is_speech(toks: &Tokens, q: &RawQuote, f: &Found, mode: Mode, opts: &Options) -> bool {
    let content = q.content.slice(toks.text);
    // Words counted only as far as the rules below ask: a long quote is not read to its end.
    let enough = opts.min_quote_words.max(1);
    let words = content
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .take(enough)
        .count();
    if words == 0 {
        return false;
    }
    if f.adjacent {
        return true;
    }
    let first = toks.at_or_after(q.span.start);
    if labelled(toks, first) {
        return false;
    }
    if words >= enough {
        return true;
    }
    let trimmed = content.trim_end();
    let punctuated = trimmed.ends_with(['.', '!', '?', '…', ',', '—']);
    let starts_sentence = first == 0
        || toks.toks[first - 1].para != toks.toks[first].para
        || (toks.toks[first - 1].kind == Kind::Punct
            && matches!(toks.str(first - 1), "." | "!" | "?" | ":" | "”" | "\""));
    if mode == Mode::Fiction {
        return punctuated || starts_sentence;
    }
    // A few words with no cue beside them are speech only as a clause: "Build that wall!"
    // is, "optics," in a list of words is not.
    let inner = first + 1..toks.at_or_after(q.content.end);
    punctuated && (starts_sentence || f.speaker.is_some()) && toks.is_clause(inner)
}

/// Signed paragraphs join the quotes as indirect speech (their marks are lost), in place of
/// any clause reported inside them.
fn add_pull_quotes(
    pulls: &[attribute::PullQuote],
    out_id: impl Fn(Option<ActorId>) -> Option<ActorId>,
    mut quotes: Vec<Quote>,
) -> Vec<Quote> {
    if pulls.is_empty() {
        return quotes;
    }
    quotes.retain(|q| !pulls.iter().any(|p| p.content.overlaps(q.span)));
    for p in pulls {
        let Some(speaker) = out_id(Some(p.speaker)) else {
            continue;
        };
        quotes.push(Quote {
            span: p.content,
            content: p.content,
            parts: vec![p.content],
            kind: QuoteKind::Indirect,
            closed: true,
            speaker: Some(speaker),
            mention: Some(p.mention),
            cue: None,
            method: p.method,
            candidates: Vec::new(),
        });
    }
    quotes.sort_by_key(|q| q.span.start);
    quotes
}
