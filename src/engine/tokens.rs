//! Words and punctuation with byte spans, the paragraph each is in, and the quote (if any)
//! that contains it. Lower-case forms live in one shared buffer to keep allocation flat.

use super::lexicon;
use super::memo::Memo;
use super::model::Span;
use super::quotes::RawQuote;
use super::tagger::{self, Upos};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// The clitic `'s` / `’s`, split off its word: `Israel’s` -> `Israel`, `’s`.
    Possessive,
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub span: Span,
    pub kind: Kind,
    pub para: u32,
    /// The quote whose span (marks included) holds this token.
    pub quote: Option<u32>,
    /// The first letter is upper case.
    pub cap: bool,
    /// A word's [`lexicon::SPEECH_WORD`] and [`lexicon::CLAIM_START`] bits, a colon's
    /// [`lexicon::COLON`]; 0 for any other token.
    pub flags: u8,
    lower: (u32, u32),
}

impl Token {
    /// A word written in lower case: what the document's lower-case vocabulary counts.
    pub fn in_vocabulary(&self) -> bool {
        self.kind == Kind::Word && !self.cap
    }
}

pub struct Tokens<'t> {
    pub text: &'t str,
    pub toks: Vec<Token>,
    lower: String,
    /// The indices of the tokens with any `flags`, in order: the passes that look for cues
    /// and claims visit these, not every token of a novel.
    flagged: Vec<u32>,
}

impl<'t> Tokens<'t> {
    pub fn new(text: &'t str, paragraphs: &[Span], quotes: &[RawQuote]) -> Tokens<'t> {
        Tokens::with_memo(text, paragraphs, quotes, None)
    }

    /// Tokens, taking each unchanged paragraph's from `memo` (and leaving this version's there).
    pub fn with_memo(
        text: &'t str,
        paragraphs: &[Span],
        quotes: &[RawQuote],
        mut memo: Option<&mut Memo>,
    ) -> Tokens<'t> {
        // About one token in four bytes of prose: room for all, grown once at most.
        let mut toks = Vec::with_capacity(text.len() / 4);
        let mut lower = String::with_capacity(text.len());
        let mut flagged = Vec::new();
        for (pi, para) in paragraphs.iter().enumerate() {
            let first = toks.len();
            match memo.as_deref_mut() {
                None => {
                    tokenize(text, *para, pi as u32, &mut toks, &mut lower);
                    flagged.extend(
                        (first..toks.len())
                            .filter(|&i| toks[i].flags != 0)
                            .map(|i| i as u32),
                    );
                }
                Some(memo) => {
                    let body = para.slice(text);
                    let local = memo.tokens(pi, || LocalTokens::of(body));
                    local.append_to(*para, pi as u32, &mut toks, &mut lower);
                    flagged.extend(local.flagged.iter().map(|&i| first as u32 + i));
                }
            }
        }
        if let Some(memo) = memo {
            memo.finish();
        }
        let mut qi = 0;
        for t in &mut toks {
            while qi < quotes.len() && quotes[qi].span.end <= t.span.start {
                qi += 1;
            }
            if qi < quotes.len() && quotes[qi].span.start <= t.span.start {
                t.quote = Some(qi as u32);
            }
        }
        Tokens {
            text,
            toks,
            lower,
            flagged,
        }
    }

    /// The tokens in `range` with any of the `bits`, in order.
    pub fn flagged(
        &self,
        range: std::ops::Range<usize>,
        bits: u8,
    ) -> impl Iterator<Item = usize> + '_ {
        let from = self
            .flagged
            .partition_point(|&i| (i as usize) < range.start);
        self.flagged[from..]
            .iter()
            .map(|&i| i as usize)
            .take_while(move |&i| i < range.end)
            .filter(move |&i| self.toks[i].flags & bits != 0)
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }
    pub fn get(&self, i: usize) -> Option<&Token> {
        self.toks.get(i)
    }
    pub fn str(&self, i: usize) -> &'t str {
        self.toks[i].span.slice(self.text)
    }
    pub fn lower(&self, i: usize) -> &str {
        let (s, e) = self.toks[i].lower;
        &self.lower[s as usize..e as usize]
    }
    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }
    /// A word of ASCII digits only: "7" in "District 7", an age, "No. 4".
    pub fn is_number(&self, i: usize) -> bool {
        self.is_word(i) && self.str(i).bytes().all(|b| b.is_ascii_digit())
    }
    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && t.span.slice(self.text) == p)
    }
    /// A comma, colon or dash that can separate a quote from its tag.
    pub fn is_separator(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.kind == Kind::Punct && matches!(t.span.slice(self.text), "," | ":" | "—" | "–" | "-")
        })
    }
    pub fn is_sentence_end(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.kind == Kind::Punct && matches!(t.span.slice(self.text), "." | "!" | "?" | ";" | "…")
        })
    }
    /// Part-of-speech tags of tokens `range`, tagged as one stretch of text. Tagging is
    /// asked for where a word list cannot decide (is this quote a clause?), never for the
    /// whole document: that keeps a keystroke on a novel as cheap as before.
    pub fn tags(&self, range: std::ops::Range<usize>) -> Vec<Upos> {
        let range = range.start.min(self.len())..range.end.min(self.len());
        let words: Vec<&str> = range.clone().map(|i| self.str(i)).collect();
        let mut out = Vec::with_capacity(words.len());
        tagger::tagger().tag(&words, &mut out);
        out
    }
    /// Whether tokens `range` hold a verb: a clause ("Build that wall!"), not a term
    /// ("optics") or a phrase ("over the budget for an hour").
    pub fn is_clause(&self, range: std::ops::Range<usize>) -> bool {
        let range = range.start.min(self.len())..range.end.min(self.len());
        let words: Vec<&str> = range.map(|i| self.str(i)).collect();
        words.iter().any(|w| contracts_verb(w)) || tagger::tagger().any(&words, Upos::is_verb)
    }
    /// Tokens `range`'s words joined by NUL (which no token holds): what the tagger reads
    /// of them, as a key for answers kept between analyses.
    pub fn words_key(&self, range: std::ops::Range<usize>) -> String {
        let range = range.start.min(self.len())..range.end.min(self.len());
        let mut key = String::new();
        for i in range {
            key.push_str(self.str(i));
            key.push('\0');
        }
        key
    }
    /// A possessive: a split-off "’s", or the bare apostrophe of a plural or a name in s
    /// ("Harbour Lines’ office"), written against its word with a word after it.
    pub fn is_possessive(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        if t.kind == Kind::Possessive {
            return true;
        }
        let apostrophe = t.kind == Kind::Punct && matches!(self.str(i), "’" | "'");
        apostrophe
            && i > 0
            && self.toks[i - 1].span.end == t.span.start
            && self.lower(i - 1).ends_with('s')
            && self.is_word(i + 1)
            && self.toks[i + 1].span.start > t.span.end
    }
    /// The tokens of each paragraph that has any, in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        let mut start = 0;
        std::iter::from_fn(move || {
            let para = self.toks.get(start)?.para;
            let len = self.toks[start..].partition_point(|t| t.para == para);
            let range = start..start + len;
            start += len;
            Some(range)
        })
    }
    /// The index of the first token at or after byte `offset`.
    pub fn at_or_after(&self, offset: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < offset)
    }
}

/// One paragraph's tokens with offsets from the paragraph's start: what a [`Memo`] keeps.
pub struct LocalTokens {
    toks: Box<[LocalToken]>,
    lower: Box<str>,
    /// The words it writes in lower case, once each, as ranges of `lower`.
    lower_words: Box<[(u32, u32)]>,
    /// Its tokens with any flags, from its first token.
    flagged: Box<[u32]>,
}

#[derive(Clone, Copy)]
struct LocalToken {
    start: u32,
    end: u32,
    lower: (u32, u32),
    kind: Kind,
    cap: bool,
    flags: u8,
}

impl LocalTokens {
    fn of(body: &str) -> LocalTokens {
        let (mut toks, mut lower) = (Vec::new(), String::new());
        tokenize(body, Span::new(0, body.len()), 0, &mut toks, &mut lower);
        LocalTokens {
            toks: toks
                .iter()
                .map(|t| LocalToken {
                    start: t.span.start as u32,
                    end: t.span.end as u32,
                    lower: t.lower,
                    kind: t.kind,
                    cap: t.cap,
                    flags: t.flags,
                })
                .collect(),
            lower_words: {
                let mut seen = rustc_hash::FxHashSet::default();
                toks.iter()
                    .filter(|t| t.in_vocabulary())
                    .map(|t| t.lower)
                    .filter(|&(s, e)| seen.insert(&lower[s as usize..e as usize]))
                    .collect()
            },
            flagged: (0..toks.len())
                .filter(|&i| toks[i].flags != 0)
                .map(|i| i as u32)
                .collect(),
            lower: lower.into_boxed_str(),
        }
    }

    /// The words the paragraph writes in lower case, each once.
    pub fn lower_words(&self) -> impl Iterator<Item = &str> {
        self.lower_words
            .iter()
            .map(|&(s, e)| &self.lower[s as usize..e as usize])
    }

    /// The tokens as paragraph `pi` at `para` of the whole text.
    fn append_to(&self, para: Span, pi: u32, toks: &mut Vec<Token>, lower: &mut String) {
        let base = lower.len() as u32;
        lower.push_str(&self.lower);
        let at = |offset: u32| para.start + offset as usize;
        toks.extend(self.toks.iter().map(|t| Token {
            span: Span::new(at(t.start), at(t.end)),
            kind: t.kind,
            para: pi,
            quote: None,
            cap: t.cap,
            flags: t.flags,
            lower: (base + t.lower.0, base + t.lower.1),
        }));
    }
}

fn push(text: &str, span: Span, kind: Kind, para: u32, toks: &mut Vec<Token>, lower: &mut String) {
    let s = span.slice(text);
    let ls = lower.len() as u32;
    if s.is_ascii() {
        lower.push_str(s);
        lower[ls as usize..].make_ascii_lowercase();
    } else {
        for c in s.chars() {
            match c {
                '’' | '‘' => lower.push('\''),
                _ => lower.extend(c.to_lowercase()),
            }
        }
    }
    let flags = match kind {
        Kind::Word => lexicon::lexicon().word_flags(&lower[ls as usize..]),
        Kind::Punct if s == ":" => lexicon::COLON,
        _ => 0,
    };
    toks.push(Token {
        span,
        kind,
        para,
        quote: None,
        cap: s.chars().next().is_some_and(char::is_uppercase),
        flags,
        lower: (ls, lower.len() as u32),
    });
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The character starting at byte `i` of `body` (always a char boundary here), if any.
fn char_at(body: &str, i: usize) -> Option<char> {
    match *body.as_bytes().get(i)? {
        b if b.is_ascii() => Some(b as char),
        _ => body.get(i..).and_then(|rest| rest.chars().next()),
    }
}

fn tokenize(text: &str, para: Span, pi: u32, toks: &mut Vec<Token>, lower: &mut String) {
    let body = &text[para.start..para.end];
    let at = |i: usize| char_at(body, i);
    let span = |s: usize, e: usize| Span::new(para.start + s, para.start + e);
    let bytes = body.as_bytes();
    let mut p = 0;
    while let Some(c) = at(p) {
        let width = c.len_utf8();
        // ASCII space and control characters, without the Unicode tables.
        if bytes[p] <= b' ' || bytes[p] == 0x7f || c.is_whitespace() || c.is_control() {
            p += width;
            continue;
        }
        if !c.is_alphanumeric() {
            push(text, span(p, p + width), Kind::Punct, pi, toks, lower);
            p += width;
            continue;
        }
        let start = p;
        // Dotted abbreviations of two letters or more: U.S., a.m., D.C.
        if at(p + width) == Some('.') && at(p + width + 1).is_some_and(char::is_alphabetic) {
            let (mut j, mut letters) = (p, 0);
            while let Some(letter) = at(j).filter(|c| c.is_alphabetic()) {
                let dot = j + letter.len_utf8();
                if at(dot) != Some('.') {
                    break;
                }
                j = dot + 1;
                letters += 1;
                if !at(j).is_some_and(char::is_alphabetic) {
                    break;
                }
            }
            if letters >= 2 {
                push(text, span(p, j), Kind::Word, pi, toks, lower);
                p = j;
                continue;
            }
        }
        loop {
            // Runs of ASCII letters and digits are word characters whatever follows them.
            while bytes.get(p).is_some_and(u8::is_ascii_alphanumeric) {
                p += 1;
            }
            let Some(c) = at(p) else { break };
            let width = c.len_utf8();
            let next = at(p + width);
            let word_char = c.is_alphanumeric() || c.is_mark();
            let hyphen = matches!(c, '-' | '‐') && next.is_some_and(char::is_alphanumeric);
            if word_char || hyphen {
                p += width;
            } else if let Some(n) = next.filter(|n| is_apostrophe(c) && n.is_alphabetic()) {
                let after = at(p + width + n.len_utf8());
                if matches!(n, 's' | 'S') && !after.is_some_and(char::is_alphanumeric) {
                    break; // the possessive, split off below
                }
                p += width;
            } else {
                break;
            }
        }
        push(text, span(start, p), Kind::Word, pi, toks, lower);
        if let Some(mark) = at(p).filter(|&c| is_apostrophe(c)) {
            let s = p + mark.len_utf8();
            if matches!(at(s), Some('s' | 'S')) && !at(s + 1).is_some_and(char::is_alphanumeric) {
                push(text, span(p, s + 1), Kind::Possessive, pi, toks, lower);
                p = s + 1;
            }
        }
    }
}

trait IsMark {
    fn is_mark(&self) -> bool;
}

impl IsMark for char {
    /// Combining diacritics (U+0300..U+036F) stay inside their word.
    fn is_mark(&self) -> bool {
        ('\u{300}'..='\u{36f}').contains(self)
    }
}

/// A word with a verb contracted into it: "We're", "they’ll", "I've", "can't", "that's"
/// ("Ryan's" is a possessive, so "'s" only after a pronoun or "that", "it", "there").
fn contracts_verb(word: &str) -> bool {
    let Some((at, mark)) = word.char_indices().find(|&(_, c)| c == '\'' || c == '’') else {
        return false;
    };
    let (head, tail) = (&word[..at], &word[at + mark.len_utf8()..]);
    let is = |s: &str, w: &str| s.eq_ignore_ascii_case(w);
    if ["re", "ve", "ll", "m", "d", "t"]
        .iter()
        .any(|w| is(tail, w))
    {
        return true;
    }
    is(tail, "s")
        && [
            "it", "that", "there", "here", "he", "she", "what", "who", "let",
        ]
        .iter()
        .any(|w| is(head, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, Kind)> {
        let t = Tokens::new(text, &[Span::new(0, text.len())], &[]);
        (0..t.len())
            .map(|i| (t.str(i).to_string(), t.toks[i].kind))
            .collect()
    }

    #[test]
    fn possessives_split_and_contractions_stay() {
        let w = words("Israel’s U.S. don't O'Brien Hamas’ x");
        let texts: Vec<&str> = w.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            texts,
            vec!["Israel", "’s", "U.S.", "don't", "O'Brien", "Hamas", "’", "x"]
        );
        assert_eq!(w[1].1, Kind::Possessive);
    }
}
