//! Part-of-speech tags (the 17 Universal POS tags) from a greedy averaged perceptron trained
//! on UD English EWT (`examples/train_tagger.rs`). Two passes: the second sees the first
//! pass's tags of the next words, which a left-to-right tagger otherwise cannot know.
//!
//! The model is compiled in (`weights.bin`, CC BY-SA 4.0, see `LICENSE-weights.md`) as
//! open-addressing tables read in place: start-up checks a 32-byte header and decodes a 4 KB
//! weight codebook, nothing else. A lexicon gives each word seen in training its ambiguity
//! class (the tags it takes) as a feature, and tags frequent unambiguous words outright.
//!
//! Measured on EWT cut into whosaid tokens (`conllu`): 94.96% dev, 95.16% test (the
//! previous model without the lexicon: 94.76% and 94.48%); 6.4 MB of weights. Throughput
//! (`cargo bench --bench tagger`, three interleaved runs on a busy 2-core machine): medians
//! 0.74/0.85/0.83M tokens/s against 0.95/0.77/0.93M for the previous 3.1 MB model.

pub mod conllu;
pub mod features;
pub mod table;

use std::sync::OnceLock;

use features::{annotate, for_each_contextual, for_each_static, lex_tag, prepare, Context, Word};
use table::{Scores, Table, MAX_KEYS, ROW};

/// A word's feature keys, on the stack.
struct Keys {
    keys: [u64; MAX_KEYS],
    n: usize,
}

impl Default for Keys {
    fn default() -> Keys {
        Keys {
            keys: [0; MAX_KEYS],
            n: 0,
        }
    }
}

impl Keys {
    fn push(&mut self, k: u64) {
        if self.n < MAX_KEYS {
            self.keys[self.n] = k;
            self.n += 1;
        }
    }
    fn as_slice(&self) -> &[u64] {
        &self.keys[..self.n]
    }
}

/// The Universal POS tags, in the order of their index in the weights.
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

impl From<Upos> for u8 {
    fn from(t: Upos) -> u8 {
        t as u8
    }
}

pub const N_TAGS: usize = 17;

impl Upos {
    pub const ALL: [Upos; N_TAGS] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    pub fn as_str(self) -> &'static str {
        const NAMES: [&str; N_TAGS] = [
            "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
            "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
        ];
        NAMES[self as usize]
    }

    /// A verb or an auxiliary: what makes words a clause.
    pub fn is_verb(self) -> bool {
        matches!(self, Upos::Verb | Upos::Aux)
    }

    /// A word of a plain noun phrase: determiner, adjective, noun or proper noun.
    pub fn is_nominal(self) -> bool {
        matches!(self, Upos::Det | Upos::Adj | Upos::Noun | Upos::Propn)
    }

    /// The tag named as in CoNLL-U ("NOUN"); `None` for anything else.
    pub fn parse(s: &str) -> Option<Upos> {
        Upos::ALL.into_iter().find(|t| t.as_str() == s)
    }

    pub fn from_index(i: usize) -> Option<Upos> {
        Upos::ALL.get(i).copied()
    }
}

impl std::str::FromStr for Upos {
    type Err = String;
    fn from_str(s: &str) -> Result<Upos, String> {
        Upos::parse(s).ok_or_else(|| format!("not a UPOS tag: {s}"))
    }
}

impl std::fmt::Display for Upos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

static WEIGHTS: &[u8] = include_bytes!("weights.bin");

/// The compiled-in tagger. Building it only checks the header of the static tables.
pub fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(|| Tagger::from_bytes(WEIGHTS).expect("compiled-in tagger weights"))
}

/// How far ahead a tag looks: the features read the next two words, and the second pass
/// reads the first pass's tags of the next two, which read two words further.
pub const REACH: usize = 4;
/// The words [`Tagger::any`] tags first; most clauses show their verb in the first few.
const FIRST_PREFIX: usize = 12;

/// A model: perceptron weights for both passes and the tag dictionary.
pub struct Tagger {
    table: Table<'static>,
}

impl Tagger {
    /// A tagger over weights in the `weights.bin` format (the trainer evaluates through this).
    pub fn from_bytes(bytes: &'static [u8]) -> Result<Tagger, &'static str> {
        Ok(Tagger {
            table: Table::new(bytes)?,
        })
    }

    /// Tags one sentence or paragraph, given its tokens as whosaid's tokenizer cuts them
    /// (original case; a split-off `'s` is its own token). `out` is cleared first and gets
    /// one tag a word.
    // The named lifetime is the documented signature; clippy would elide it.
    #[allow(clippy::needless_lifetimes)]
    pub fn tag<'a>(&self, words: &[&'a str], out: &mut Vec<Upos>) {
        out.clear();
        if words.is_empty() {
            return;
        }
        let mut ws = Vec::with_capacity(words.len());
        prepare(words, &mut ws);
        annotate(&mut ws, |form| self.table.lex(form));
        // Pass 1 scores the word features for both passes and keeps pass 2's half.
        let mut cached = vec![[0i32; N_TAGS]; words.len()];
        let mut first = Vec::with_capacity(words.len());
        self.pass(&ws, None, &mut cached, &mut first);
        self.pass(&ws, Some(&first), &mut cached, out);
    }

    /// Whether training saw `word`, written just so, take any of the tags `wanted` at least
    /// one time in twenty: a dictionary look-up, far cheaper than tagging its sentence.
    pub fn may_be(&self, word: &str, wanted: &[Upos]) -> bool {
        let seen = features::lex_mask(self.table.lex(features::form_key(word)));
        wanted.iter().any(|&t| seen & 1 << t as u64 != 0)
    }

    /// Whether any word of `words` gets a tag that `wanted` accepts, tagging no more than it
    /// must: a prefix is tagged first, and a hit there is final when it lies farther than
    /// [`REACH`] words from the prefix's end, since no tag depends on words that far ahead.
    /// The answer is always the one full tagging gives.
    pub fn any(&self, words: &[&str], wanted: impl Fn(Upos) -> bool) -> bool {
        let mut tags = Vec::new();
        let mut len = FIRST_PREFIX;
        loop {
            let whole = len >= words.len();
            let prefix = &words[..len.min(words.len())];
            self.tag(prefix, &mut tags);
            let settled = if whole {
                tags.len()
            } else {
                tags.len() - REACH
            };
            if tags[..settled].iter().any(|&t| wanted(t)) {
                return true;
            }
            if whole {
                return false;
            }
            len *= 4;
        }
    }

    /// One greedy left-to-right pass; `ahead` holds the previous pass's tags, if any.
    fn pass(
        &self,
        ws: &[Word],
        ahead: Option<&[Upos]>,
        cached: &mut [[i32; N_TAGS]],
        out: &mut Vec<Upos>,
    ) {
        out.clear();
        let (mut p1, mut p2) = (features::START, features::START2);
        for (i, w) in ws.iter().enumerate() {
            let tag = match lex_tag(w.lex) {
                Some(t) => Upos::ALL[t],
                None => {
                    let ctx = Context::at(i, (p1, p2), ahead);
                    let mut scores: Scores = [0; 64];
                    let mut keys = Keys::default();
                    if ahead.is_none() {
                        for_each_static(ws, i, |f| keys.push(f));
                    } else {
                        scores[N_TAGS..ROW].copy_from_slice(&cached[i]);
                    }
                    for_each_contextual(ws, i, &ctx, |f| keys.push(f));
                    self.table.add_weights(keys.as_slice(), &mut scores);
                    if ahead.is_none() {
                        cached[i].copy_from_slice(&scores[N_TAGS..ROW]);
                    }
                    let half = if ahead.is_none() { 0 } else { N_TAGS };
                    best(scores[half..half + N_TAGS].try_into().expect("17 scores"))
                }
            };
            out.push(tag);
            p2 = p1;
            p1 = tag as u8;
        }
    }
}

/// The highest-scoring tag; ties go to the lower index, as in training.
pub fn best(scores: &[i32; N_TAGS]) -> Upos {
    let mut b = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[b] {
            b = i;
        }
    }
    Upos::ALL[b]
}
