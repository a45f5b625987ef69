//! CoNLL-U paragraphs cut the way whosaid's tokenizer cuts text, for training and measuring.
//!
//! Each paragraph's text is rebuilt from the forms (`SpaceAfter=No` honoured) and tokenized
//! by `engine::tokens`, so the tagger learns the tokens it will see: `don't` whole, `'s` split
//! off, `Al-Zaman` and `long-term` whole, `Mr.` as `Mr` + `.`. A token covering several
//! treebank words takes the tag of its first word whose head lies outside the token (`do` of
//! `do+n't` -> AUX, `I` of `I+'m` -> PRON, `term` of `long-term`); a punctuation mark cut
//! out of a larger word (`.` of `Mr.` or `3.5`) is PUNCT, or SYM inside a symbol.

use std::path::Path;

use super::super::model::Span;
use super::super::tokens::{Kind, Tokens};
use super::Upos;

/// One paragraph as whosaid tokens with their gold tags.
#[derive(Debug, Clone, Default)]
pub struct Paragraph {
    pub words: Vec<String>,
    pub tags: Vec<Upos>,
}

pub fn read(path: &Path) -> std::io::Result<Vec<Paragraph>> {
    Ok(parse(&std::fs::read_to_string(path)?))
}

/// A treebank paragraph being rebuilt: its text and, for each syntactic word, its byte span
/// in that text, tag and head (an index into the paragraph's words; `None` for the root).
#[derive(Default)]
struct Builder {
    text: String,
    spans: Vec<(usize, usize)>,
    tags: Vec<Upos>,
    heads: Vec<Option<usize>>,
}

pub fn parse(conllu: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut para = Builder::default();
    let mut sentence: Vec<&str> = Vec::new();
    for line in conllu.lines().chain(std::iter::once("")) {
        if line.starts_with("# newpar") || line.starts_with("# newdoc") {
            if !para.tags.is_empty() {
                out.push(para.finish());
            }
            para = Builder::default();
        } else if line.trim().is_empty() {
            if !sentence.is_empty() {
                para.add_sentence(&sentence);
                sentence.clear();
            }
        } else if !line.starts_with('#') {
            sentence.push(line);
        }
    }
    if !para.tags.is_empty() {
        out.push(para.finish());
    }
    out
}

impl Builder {
    fn add_sentence(&mut self, lines: &[&str]) {
        let base = self.tags.len();
        // The range line of the multiword token being read: its words' forms and its span.
        let mut range: Option<(usize, usize)> = None;
        for line in lines {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 10 || cols[0].contains('.') {
                continue;
            }
            let (id, form, misc) = (cols[0], cols[1], cols[9]);
            if let Some((a, b)) = id.split_once('-') {
                let (a, b): (usize, usize) = (a.parse().unwrap_or(0), b.parse().unwrap_or(0));
                let start = self.text.len();
                self.text.push_str(form);
                let end = self.text.len();
                let subs: Vec<&str> = lines
                    .iter()
                    .map(|l| l.split('\t').collect::<Vec<_>>())
                    .filter(|c| {
                        c.len() >= 10 && c[0].parse::<usize>().is_ok_and(|i| a <= i && i <= b)
                    })
                    .map(|c| c[1])
                    .collect();
                // Words that spell the token give each its own span; otherwise they share it.
                let spelt = subs.concat() == form;
                let mut at = start;
                for s in &subs {
                    if spelt {
                        self.spans.push((at, at + s.len()));
                        at += s.len();
                    } else {
                        self.spans.push((start, end));
                    }
                }
                range = Some((b, self.spans.len()));
                self.space_after(misc);
                continue;
            }
            let Ok(n) = id.parse::<usize>() else { continue };
            let tag = Upos::parse(cols[3]).unwrap_or(Upos::X);
            let head = cols[6]
                .parse::<usize>()
                .ok()
                .filter(|&h| h > 0)
                .map(|h| base + h - 1);
            match range {
                Some((last, _)) if n <= last => {
                    if n == last {
                        range = None;
                    }
                }
                _ => {
                    let start = self.text.len();
                    self.text.push_str(form);
                    self.spans.push((start, self.text.len()));
                    self.space_after(misc);
                }
            }
            self.tags.push(tag);
            self.heads.push(head);
        }
        if !self.text.ends_with(' ') {
            self.text.push(' ');
        }
    }

    fn space_after(&mut self, misc: &str) {
        if !misc.split('|').any(|m| m == "SpaceAfter=No") {
            self.text.push(' ');
        }
    }

    fn finish(self) -> Paragraph {
        let toks = Tokens::new(&self.text, &[Span::new(0, self.text.len())], &[]);
        let mut p = Paragraph::default();
        let mut first = 0;
        for (i, t) in toks.toks.iter().enumerate() {
            let (s, e) = (t.span.start, t.span.end);
            while first < self.spans.len() && self.spans[first].1 <= s {
                first += 1;
            }
            let mut last = first;
            while last < self.spans.len() && self.spans[last].0 < e {
                last += 1;
            }
            if first == last {
                continue;
            }
            let inside = |h: &Option<usize>| h.is_some_and(|h| first <= h && h < last);
            let k = (first..last)
                .find(|&k| !inside(&self.heads[k]))
                .unwrap_or(first);
            let mut tag = self.tags[k];
            let (ws, we) = self.spans[k];
            if t.kind == Kind::Punct && e - s < we - ws && tag != Upos::Sym {
                tag = Upos::Punct;
            }
            p.words.push(toks.str(i).to_string());
            p.tags.push(tag);
        }
        p
    }
}
