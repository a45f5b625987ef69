//! Sentence bounds around a token, read in one place. Attribution reads a tag's own sentence
//! and stops at quotes; reported speech reads the whole sentence, quotes inside it included.

use super::lexicon::Lexicon;
use super::names::is_abbreviation_dot;
use super::quotes::RawQuote;
use super::tokens::Tokens;

/// What a sentence scan does at a quotation.
#[derive(Clone, Copy)]
pub enum AtQuotes<'a> {
    /// The quote ends the scan.
    Stop,
    /// The quote is part of the sentence, unless its words end their sentence inside the
    /// marks (`“… nominee.”`).
    Through(&'a [RawQuote]),
}

/// A full stop, question mark or the like that ends a sentence (not "Mr." or "U.S.").
pub fn ends_at(toks: &Tokens, lex: &Lexicon, i: usize) -> bool {
    toks.is_sentence_end(i) && !is_abbreviation_dot(toks, i, lex)
}

fn quote_ends_sentence(toks: &Tokens, q: &RawQuote) -> bool {
    q.content
        .slice(toks.text)
        .trim_end()
        .ends_with(['.', '!', '?', '…'])
}

/// The first token of the sentence holding token `i` in paragraph `para`, at most `limit`
/// tokens back (bounded, so a text without full stops stays linear).
pub fn start(
    toks: &Tokens,
    lex: &Lexicon,
    i: usize,
    para: u32,
    limit: usize,
    quotes: AtQuotes,
) -> usize {
    let mut s = i;
    while s > 0 && i - s < limit {
        let t = s - 1;
        let tok = &toks.toks[t];
        if tok.para != para {
            break;
        }
        if let Some(q) = tok.quote {
            match quotes {
                AtQuotes::Stop => break,
                AtQuotes::Through(raw) => {
                    let q = &raw[q as usize];
                    if quote_ends_sentence(toks, q) {
                        break;
                    }
                    s = toks.at_or_after(q.span.start);
                    continue;
                }
            }
        }
        if ends_at(toks, lex, t) {
            break;
        }
        s = t;
    }
    s
}

/// One past the last token of the sentence holding token `i` (its full stop excluded), at
/// most `limit` tokens on.
pub fn end(toks: &Tokens, lex: &Lexicon, i: usize, limit: usize, quotes: AtQuotes) -> usize {
    let n = toks.len();
    let Some(first) = toks.get(i) else { return i };
    let para = first.para;
    let mut e = i;
    while e < n && e - i < limit {
        let tok = &toks.toks[e];
        if tok.para != para {
            break;
        }
        if let Some(q) = tok.quote {
            match quotes {
                AtQuotes::Stop => break,
                AtQuotes::Through(raw) => {
                    let q = &raw[q as usize];
                    e = toks.at_or_after(q.span.end);
                    if quote_ends_sentence(toks, q) {
                        break;
                    }
                    continue;
                }
            }
        }
        if ends_at(toks, lex, e) {
            break;
        }
        e += 1;
    }
    e
}
