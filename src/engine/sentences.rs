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
    scan(toks, lex, i, para, limit, quotes, Dir::Back)
}

/// One past the last token of the sentence holding token `i` (its full stop excluded), at
/// most `limit` tokens on.
pub fn end(toks: &Tokens, lex: &Lexicon, i: usize, limit: usize, quotes: AtQuotes) -> usize {
    let Some(first) = toks.get(i) else { return i };
    scan(toks, lex, i, first.para, limit, quotes, Dir::Forward)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Dir {
    Back,
    Forward,
}

/// From token `i` to the sentence's bound in direction `dir`: the cursor is the first token
/// going back, one past the last going forward.
fn scan(
    toks: &Tokens,
    lex: &Lexicon,
    i: usize,
    para: u32,
    limit: usize,
    quotes: AtQuotes,
    dir: Dir,
) -> usize {
    let mut c = i;
    while c.abs_diff(i) < limit {
        // The token the cursor would take in next.
        let next = match dir {
            Dir::Back => match c.checked_sub(1) {
                Some(t) => t,
                None => break,
            },
            Dir::Forward => c,
        };
        let Some(tok) = toks.get(next) else { break };
        if tok.para != para {
            break;
        }
        if let Some(q) = tok.quote {
            let AtQuotes::Through(raw) = quotes else {
                break;
            };
            let q = &raw[q as usize];
            let ends = quote_ends_sentence(toks, q);
            // A quote whose words end their sentence closes the sentence going forward and
            // belongs to the one before going back.
            if ends && dir == Dir::Back {
                break;
            }
            c = match dir {
                Dir::Back => toks.at_or_after(q.span.start),
                Dir::Forward => toks.at_or_after(q.span.end),
            };
            if ends {
                break;
            }
            continue;
        }
        if ends_at(toks, lex, next) {
            break;
        }
        c = match dir {
            Dir::Back => next,
            Dir::Forward => next + 1,
        };
    }
    c
}
