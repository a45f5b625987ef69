//! Finding quotations: one pass over each paragraph's characters.
//!
//! Double marks (curly, straight, „German“, «guillemets», mixed) pair up by direction and
//! context. Single marks count only outside double quotes and only as a strict pair, since
//! most of them are apostrophes (`States' ironclad`, `Hamas’ faucets`, `rock 'n' roll`).
//! A quote still open at a paragraph's end goes on if the next paragraph reopens it (the
//! multi-paragraph convention), and is otherwise closed there, so a stray mark never
//! swallows the rest of the document.

use super::memo::Memo;
use super::model::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawQuote {
    pub span: Span,
    pub content: Span,
    pub closed: bool,
}

impl RawQuote {
    /// The same quote with every offset mapped by `f` (to and from a paragraph's start, as
    /// a memo keeps them).
    fn moved(&self, f: impl Fn(usize) -> usize) -> RawQuote {
        RawQuote {
            span: Span::new(f(self.span.start), f(self.span.end)),
            content: Span::new(f(self.content.start), f(self.content.end)),
            closed: self.closed,
        }
    }
}

fn is_double(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟' | '«' | '»')
}

fn is_single(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '‹' | '›')
}

/// Any quotation mark, double or single (and the backtick of LaTeX quotes).
pub fn is_quote_mark(c: char) -> bool {
    is_double(c) || is_single(c) || c == '`'
}

/// Room before a mark that lets it open: start of text, space, bracket or dash.
fn opens_after(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(p) => p.is_whitespace() || "([{<—–-/:".contains(p) || is_single(p),
    }
}

fn opens_before(next: Option<char>) -> bool {
    matches!(next, Some(n) if !n.is_whitespace())
}

/// Words that start with an apostrophe and are not quotations.
const ELISIONS: &[&str] = &[
    "em", "tis", "twas", "twill", "twould", "n", "cause", "cos", "til", "till", "bout", "round",
    "ere", "un", "im", "er", "ave", "ow", "e", "ome", "owever", "ad", "ud", "d", "s", "t", "ll",
    "m", "re", "ve", "fraid", "gainst", "nuff", "spose", "member", "scuse", "tween",
];

fn is_elision(rest: &str) -> bool {
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if word.is_empty() {
        return false;
    }
    if word.chars().all(|c| c.is_ascii_digit()) || word.starts_with(|c: char| c.is_ascii_digit()) {
        return true; // '90s
    }
    ELISIONS.contains(&word.as_str())
}

struct Open {
    start: usize,
    mark: char,
    /// Bytes of the opening mark (2 for `''` and ``).
    width: usize,
}

/// A double quotation mark at byte `i`: its direction-bearing char and its width.
/// Two backticks open like “ (LaTeX), and two apostrophes close them. Two apostrophes on
/// their own are a straight double mark only when `apostrophe_pairs` is set: archived
/// newswire writes ''so'', but annotated news treats such text as unquoted, and writers in
/// an editor do not type it.
fn double_mark_at(body: &str, i: usize, apostrophe_pairs: bool) -> Option<(char, usize)> {
    let rest = &body[i..];
    if rest.starts_with("''") {
        return apostrophe_pairs.then_some(('"', 2));
    }
    if rest.starts_with("``") {
        return Some(('“', 2));
    }
    // Two single marks for a double, as some presses set them: ‘‘It is alleged …’’.
    if rest.starts_with("‘‘") {
        return Some(('“', "‘‘".len()));
    }
    if rest.starts_with("’’") {
        return Some(('”', "’’".len()));
    }
    // A left and a right single mark for a double, as some Nigerian presses set them:
    // said ‘’The influx …’’. Which way it faces, its place tells, as for a straight mark.
    if rest.starts_with("‘’") {
        return Some(('"', "‘’".len()));
    }
    let c = rest.chars().next()?;
    is_double(c).then_some((c, c.len_utf8()))
}

/// The first byte of a double mark, of `` or '': ASCII marks and the lead bytes of
/// U+00AB/U+00BB (« ») and U+201C..U+201F (“ ” „ ‟).
fn may_open_mark(b: u8) -> bool {
    MAY_OPEN_MARK[b as usize]
}

/// [`may_open_mark`] as a table: one load a byte over the whole text.
static MAY_OPEN_MARK: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = matches!(i as u8, b'"' | b'\'' | b'`' | 0xC2 | 0xE2);
        i += 1;
    }
    table
};

/// The character before byte `i` of `body`.
fn prev_before(body: &str, i: usize) -> Option<char> {
    body[..i].chars().next_back()
}

/// Find every quotation in `text` (already masked to prose), paragraph by paragraph.
#[cfg(test)]
pub fn find_quotes(text: &str, paragraphs: &[Span], apostrophe_pairs: bool) -> Vec<RawQuote> {
    find_quotes_with_memo(text, paragraphs, apostrophe_pairs, None)
}

/// [`find_quotes`], taking the quotes of each unchanged paragraph from `memo`.
pub fn find_quotes_with_memo(
    text: &str,
    paragraphs: &[Span],
    apostrophe_pairs: bool,
    mut memo: Option<&mut Memo>,
) -> Vec<RawQuote> {
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    for pi in 0..paragraphs.len() {
        let para = paragraphs[pi];
        // Kept quotes were found with no single mark opening the next paragraph.
        let runs_on = next_opens_single(text, paragraphs, pi);
        let reusable = open.is_none() && !runs_on;
        let mut memo = memo.as_deref_mut().filter(|_| reusable);
        if let Some(kept) = memo
            .as_deref_mut()
            .and_then(|m| m.quotes(pi, apostrophe_pairs))
        {
            out.extend(kept.iter().map(|q| q.moved(|o| o + para.start)));
            continue;
        }
        let before = out.len();
        let self_contained = paragraph_quotes(
            text,
            paragraphs,
            pi,
            apostrophe_pairs,
            runs_on,
            &mut open,
            &mut out,
        );
        if let Some(memo) = memo.filter(|_| self_contained) {
            let local = out[before..]
                .iter()
                .map(|q| q.moved(|o| o - para.start))
                .collect();
            memo.keep_quotes(pi, apostrophe_pairs, local);
        }
    }
    out.sort_by_key(|q| q.span.start);
    // Singles were only looked for outside doubles; drop any that an unclosed double swallowed.
    let mut kept: Vec<RawQuote> = Vec::with_capacity(out.len());
    for q in out {
        if let Some(last) = kept.last() {
            if q.span.start < last.span.end {
                continue;
            }
        }
        kept.push(q);
    }
    kept
}

/// The quotes of paragraph `pi`, with `open` the double quote carried in from the paragraph
/// before and out to the next, and `runs_on` when the next paragraph opens with a single
/// mark. True when the paragraph neither continued nor left open a quote, and nothing runs
/// on: then what it found depends on its own text alone.
fn paragraph_quotes(
    text: &str,
    paragraphs: &[Span],
    pi: usize,
    apostrophe_pairs: bool,
    runs_on: bool,
    open: &mut Option<Open>,
    out: &mut Vec<RawQuote>,
) -> bool {
    let para = &paragraphs[pi];
    let entered_open = open.is_some();
    let body = &text[para.start..para.end];
    let mut doubles: Vec<(usize, usize)> = Vec::new(); // closed double quotes in this paragraph
    let mut first = true;
    let mut i = 0;
    while i < body.len() {
        // Only these bytes can begin a double mark: skip the prose between them.
        let Some(skip) = body.as_bytes()[i..].iter().position(|&b| may_open_mark(b)) else {
            break;
        };
        if skip > 0 {
            first = false;
            i += skip;
        }
        let Some(c) = body[i..].chars().next() else {
            break;
        };
        let latex_open = open.as_ref().is_some_and(|o| o.width == 2 && o.mark == '“');
        let Some((mark, width)) = double_mark_at(body, i, apostrophe_pairs || latex_open) else {
            first = false;
            i += c.len_utf8();
            continue;
        };
        let at = para.start + i;
        let next = body[i + width..].chars().next();
        let reopening = first && open.is_some();
        let inch = mark == '"' && width == 1 && is_inch_mark(body, i);
        first = false;
        i += width;
        if reopening || inch {
            // A reopening mark at the start of a continued quote's paragraph, or a prime.
            continue;
        }
        let opening_ctx = opens_after(prev_before(body, at - para.start)) && opens_before(next);
        match open.take() {
            Some(mut o) if mark == '“' && o.mark == '“' && at == o.start + o.width => {
                // A doubled opening mark, a slip of the keyboard ("““East Hants is …").
                o.width += width;
                *open = Some(o);
            }
            Some(o) => {
                let closes = match mark {
                    '”' | '»' | '"' => true,
                    '“' => o.mark == '„' || !opening_ctx,
                    _ => false, // „ « ‟ open again
                };
                if closes {
                    let end = at + width;
                    doubles.push((o.start.max(para.start), end));
                    out.push(RawQuote {
                        span: Span::new(o.start, end),
                        content: Span::new(o.start + o.width, at),
                        closed: true,
                    });
                } else {
                    // A new opening mark while one is open: the first was never closed.
                    out.push(unclosed(text, &o, at));
                    *open = Some(Open {
                        start: at,
                        mark,
                        width,
                    });
                }
            }
            None => {
                let opens = match mark {
                    '«' => next.is_some(), // « Bonjour »: French spacing
                    '“' | '„' | '‟' => opens_before(next),
                    '”' | '»' | '"' => opening_ctx,
                    _ => false,
                };
                if opens {
                    *open = Some(Open {
                        start: at,
                        mark,
                        width,
                    });
                }
            }
        }
    }
    let left_open = open.is_some();
    if let Some(o) = open.take() {
        let continues = paragraphs
            .get(pi + 1)
            .is_some_and(|n| double_mark_at(&text[n.start..n.end], 0, apostrophe_pairs).is_some());
        if continues {
            *open = Some(o);
        } else {
            out.push(unclosed(text, &o, para.end));
        }
    }
    // British style quotes a speech of several paragraphs in single marks, each paragraph
    // opening again: "He added: 'This left us no option.¶'However, …'".
    singles(
        text,
        *para,
        &doubles,
        open.as_ref().map(|o| o.start),
        runs_on,
        out,
    );
    !entered_open && !left_open && !runs_on
}

/// Whether the paragraph after `pi` opens with a single mark before a word ("'However").
fn next_opens_single(text: &str, paragraphs: &[Span], pi: usize) -> bool {
    paragraphs.get(pi + 1).is_some_and(|n| {
        let mut next = text[n.start..n.end].chars();
        matches!(next.next(), Some('\'' | '‘')) && next.next().is_some_and(char::is_alphanumeric)
    })
}

fn unclosed(text: &str, o: &Open, end: usize) -> RawQuote {
    let mut e = end;
    while e > o.start + o.width && text.as_bytes()[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    RawQuote {
        span: Span::new(o.start, e),
        content: Span::new(o.start + o.width, e),
        closed: false,
    }
}

/// `5'10"`: a straight double mark right after feet and inches is a prime.
fn is_inch_mark(body: &str, i: usize) -> bool {
    let before = &body[..i];
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return false;
    }
    let rest = &before[..before.len() - digits];
    rest.ends_with('\'') || rest.ends_with('’') || rest.ends_with('′')
}

/// Single-quoted quotations outside the paragraph's double quotes: an opening mark at a
/// word's start paired with the first closing mark at a word's end. With `runs_on` (the
/// next paragraph opens with a single mark), an opening mark after a colon or at the
/// paragraph's start that nothing closes runs to the paragraph's end.
fn singles(
    text: &str,
    para: Span,
    doubles: &[(usize, usize)],
    open_from: Option<usize>,
    runs_on: bool,
    out: &mut Vec<RawQuote>,
) {
    let body = &text[para.start..para.end];
    // ' or the lead byte of ‘ ’ ‹ (a superset: the loop below tells them apart).
    if !body.bytes().any(|b| b == b'\'' || b == 0xE2) {
        return;
    }
    // The first byte at or after `from` (absolute) inside a double quote: a single never
    // crosses into one. Char starts only: every double's start and `from` are char starts.
    let first_inside = |from: usize| {
        doubles
            .iter()
            .filter(|&&(_, e)| e > from)
            .map(|&(s, _)| s.max(from))
            .chain(open_from.map(|s| s.max(from)))
            .min()
            .unwrap_or(usize::MAX)
    };
    let inside_double = |at: usize| first_inside(at) == at;
    let mut i = 0;
    // Only ' ‘ ‹ open a single quote (‘ and ‹ begin with byte E2); the prose between is skipped.
    while let Some(found) = body.as_bytes()[i..]
        .iter()
        .position(|&b| b == b'\'' || b == 0xE2)
    {
        i += found;
        let c = body[i..].chars().next().unwrap_or(' ');
        if !matches!(c, '\'' | '‘' | '‹') {
            i += c.len_utf8(); // another character of the U+2000 block: a dash, a curly mark
            continue;
        }
        let after = i + c.len_utf8();
        let prev = body[..i].chars().next_back();
        let next = body[after..].chars().next();
        let at = para.start + i;
        let doubled = c == '\'' && (prev == Some('\'') || next == Some('\''));
        let is_opener = !doubled
            && opens_after(prev)
            && next.is_some_and(|n| n.is_alphanumeric())
            && !is_elision(&body[after..])
            && !inside_double(at);
        if !is_opener {
            i = after;
            continue;
        }
        let stop = first_inside(para.start + after);
        let mut p = c;
        let mut found = None;
        let mut rest = body[after..]
            .char_indices()
            .map(|(o, ch)| (after + o, ch))
            .peekable();
        while let Some((ci, cc)) = rest.next() {
            if is_double(cc) || para.start + ci >= stop {
                break;
            }
            let n = rest.peek().map(|&(_, n)| n);
            let doubled = cc == '\'' && n == Some('\'');
            let closes = matches!(cc, '\'' | '’' | '›')
                && !doubled
                && !p.is_whitespace()
                && !n.is_some_and(|n| n.is_alphanumeric());
            if closes {
                found = Some((ci, cc));
                break;
            }
            p = cc;
        }
        match found {
            Some((ci, cc)) => {
                let end = para.start + ci + cc.len_utf8();
                out.push(RawQuote {
                    span: Span::new(at, end),
                    content: Span::new(at + c.len_utf8(), para.start + ci),
                    closed: true,
                });
                i = ci + cc.len_utf8();
            }
            None => {
                let before = body[..i].trim_end();
                let introduced = before.is_empty() || before.ends_with(':');
                if runs_on && introduced && stop == usize::MAX {
                    let o = Open {
                        start: at,
                        mark: c,
                        width: c.len_utf8(),
                    };
                    out.push(unclosed(text, &o, para.end));
                    return;
                }
                i = after;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        let paras = super::super::prose::prose(text, super::super::model::Format::Plain).paragraphs;
        find_quotes(text, &paras, false)
            .iter()
            .map(|q| q.span.slice(text))
            .collect()
    }

    #[test]
    fn curly_straight_and_mixed() {
        assert_eq!(quotes("He said “yes” and \"no\"."), vec!["“yes”", "\"no\""]);
        assert_eq!(quotes("“Mixed marks\" happen."), vec!["“Mixed marks\""]);
        assert_eq!(quotes("„Guten Tag“, sagte er."), vec!["„Guten Tag“"]);
        assert_eq!(quotes("« Bonjour », dit-il."), vec!["« Bonjour »"]);
        assert_eq!(quotes("``Like this,'' he wrote."), vec!["``Like this,''"]);
        assert!(quotes("''Not by default,'' he said.").is_empty());
        let t = "''We don't have silver bullets,'' he said.";
        let paras = [Span::new(0, t.len())];
        let qs: Vec<&str> = find_quotes(t, &paras, true)
            .iter()
            .map(|q| q.span.slice(t))
            .collect();
        assert_eq!(qs, vec!["''We don't have silver bullets,''"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quotes("the United States' ironclad commitment").is_empty());
        assert!(quotes("Hamas’ faucets are being shut").is_empty());
        assert!(quotes("rock 'n' roll").is_empty());
        assert!(quotes("He is 5'10\" tall.").is_empty());
        assert!(quotes("They'd seen 'em in the '90s.").is_empty());
    }

    #[test]
    fn singles_nest_inside_doubles_and_stand_alone_outside() {
        assert_eq!(
            quotes("“He told me ‘never’ twice,” she said."),
            vec!["“He told me ‘never’ twice,”"]
        );
        assert_eq!(quotes("Trump: 'I will win' today"), vec!["'I will win'"]);
    }

    #[test]
    fn single_marks_run_over_paragraphs_after_a_colon() {
        let t = "He added: 'This left us no option.\n\n'However, the birds hid.'\n\nAfter.";
        assert_eq!(
            quotes(t),
            vec!["'This left us no option.", "'However, the birds hid.'"]
        );
        // Not without a colon before it, nor when the next paragraph opens no quote.
        let t = "The 'plan was late.\n\n'However, the birds hid.'";
        assert_eq!(quotes(t), vec!["'However, the birds hid.'"]);
        let t = "He added: 'This left us no option.\n\nAfter that, nothing.";
        assert!(quotes(t).is_empty());
    }

    #[test]
    fn multi_paragraph_quote_is_one() {
        let t = "“First part.\n\n“Second part,” he said.\n\nAfter.";
        assert_eq!(quotes(t), vec!["“First part.\n\n“Second part,”"]);
    }

    #[test]
    fn unbalanced_marks_close_at_paragraph_end() {
        let t = "“Never closed here.\n\nA new paragraph with “a quote” in it.";
        let paras = super::super::prose::prose(t, super::super::model::Format::Plain).paragraphs;
        let qs = find_quotes(t, &paras, false);
        assert_eq!(qs.len(), 2);
        assert_eq!(qs[0].span.slice(t), "“Never closed here.");
        assert!(!qs[0].closed);
        assert_eq!(qs[1].span.slice(t), "“a quote”");
    }
}
