//! Words and punctuation with byte spans, the paragraph each is in, and the quote (if any)
//! that contains it. Lower-case forms live in one shared buffer to keep allocation flat.

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
    lower: (u32, u32),
}

pub struct Tokens<'t> {
    pub text: &'t str,
    pub toks: Vec<Token>,
    lower: String,
}

impl<'t> Tokens<'t> {
    pub fn new(text: &'t str, paragraphs: &[Span], quotes: &[RawQuote]) -> Tokens<'t> {
        let mut toks = Vec::with_capacity(text.len() / 5);
        let mut lower = String::with_capacity(text.len());
        for (pi, para) in paragraphs.iter().enumerate() {
            tokenize(text, *para, pi as u32, &mut toks, &mut lower);
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
        Tokens { text, toks, lower }
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
        tagger::tagger().any(&words, Upos::is_verb)
    }
    /// The index of the first token at or after byte `offset`.
    pub fn at_or_after(&self, offset: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < offset)
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
    toks.push(Token {
        span,
        kind,
        para,
        quote: None,
        cap: s.chars().next().is_some_and(char::is_uppercase),
        lower: (ls, lower.len() as u32),
    });
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn tokenize(text: &str, para: Span, pi: u32, toks: &mut Vec<Token>, lower: &mut String) {
    let body = &text[para.start..para.end];
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let at = |k: usize| {
        chars
            .get(k)
            .map(|&(i, _)| para.start + i)
            .unwrap_or(para.end)
    };
    let ch = |k: usize| chars.get(k).map(|&(_, c)| c);
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k].1;
        if c.is_whitespace() || c.is_control() {
            k += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            push(
                text,
                Span::new(at(k), at(k + 1)),
                Kind::Punct,
                pi,
                toks,
                lower,
            );
            k += 1;
            continue;
        }
        let start = k;
        // Dotted abbreviations: U.S., a.m., D.C.
        if ch(k + 1) == Some('.') && ch(k + 2).is_some_and(char::is_alphabetic) {
            let mut j = k;
            while ch(j).is_some_and(char::is_alphabetic)
                && !ch(j + 1).is_some_and(char::is_alphanumeric)
                && ch(j + 1) == Some('.')
            {
                j += 2;
                if !ch(j).is_some_and(char::is_alphabetic) {
                    break;
                }
            }
            if j >= k + 4 {
                push(text, Span::new(at(k), at(j)), Kind::Word, pi, toks, lower);
                k = j;
                continue;
            }
        }
        while k < chars.len() {
            let c = chars[k].1;
            let word_char = c.is_alphanumeric() || c.is_mark();
            let hyphen = matches!(c, '-' | '‐') && ch(k + 1).is_some_and(char::is_alphanumeric);
            if word_char || hyphen {
                k += 1;
            } else if is_apostrophe(c) && ch(k + 1).is_some_and(char::is_alphabetic) {
                let possessive = matches!(ch(k + 1), Some('s' | 'S'))
                    && !ch(k + 2).is_some_and(char::is_alphanumeric);
                if possessive {
                    break;
                }
                k += 1;
            } else {
                break;
            }
        }
        push(
            text,
            Span::new(at(start), at(k)),
            Kind::Word,
            pi,
            toks,
            lower,
        );
        if ch(k).is_some_and(is_apostrophe)
            && matches!(ch(k + 1), Some('s' | 'S'))
            && !ch(k + 2).is_some_and(char::is_alphanumeric)
        {
            push(
                text,
                Span::new(at(k), at(k + 2)),
                Kind::Possessive,
                pi,
                toks,
                lower,
            );
            k += 2;
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
