//! Work kept from one analysis of a document to the next.
//!
//! A keystroke changes one paragraph; a novel has thousands. What is a function of one
//! paragraph's text is kept here, keyed by that text (the full text, not a hash, so a
//! collision cannot change a result), and reused while the paragraph is unchanged. The
//! passes that read the whole document run again over it. An analysis with a memo equals
//! one without, always: kept work is reused only when everything it read is unchanged, and
//! what a version no longer contains is dropped after each analysis.
//!
//! Kept today, per paragraph of masked prose (after Markdown masking, so the keys are what
//! the tokenizer saw):
//! - its quotation marks' quotes, when the paragraph neither continues a quote from the one
//!   before nor leaves one open (then they depend on its text alone);
//! - its tokens (words, punctuation, lower-case forms);
//! - its name mentions, with what they read beyond the paragraph (its quotes, the next few
//!   tokens, the vocabulary questions asked), checked before reuse;
//!
//! and for the document, its lower-case vocabulary, counted by paragraph so that an edit
//! updates it in place, and the tagger's answer to whether each quote is a clause, by the
//! quote's words.

use rustc_hash::FxHashMap as HashMap;

use super::model::Span;
use super::names::LocalNames;
use super::quotes::RawQuote;
use super::tokens::LocalTokens;

/// What is kept of one paragraph. The first pass to reach a paragraph in an analysis moves
/// its entry from `kept` to `current` (or makes an empty one); each pass fills its own part.
#[derive(Default)]
struct Entry {
    /// The paragraph's quotes (offsets from its start) and the `apostrophe_pairs` option
    /// they were found with.
    quotes: Option<(bool, Box<[RawQuote]>)>,
    tokens: Option<LocalTokens>,
    names: Option<LocalNames>,
}

/// The caller owns one per document (the language server keeps one per open document);
/// `analyze` uses none. Not shared between threads while in use.
#[derive(Default)]
pub struct Memo {
    /// Kept paragraphs, by slot; a freed slot is `None` until reused.
    entries: Vec<Option<Entry>>,
    free: Vec<usize>,
    /// Each kept paragraph's slot, by its text: the one lookup of a paragraph's text in an
    /// analysis (in [`Memo::begin`]); the passes after it go by paragraph number.
    by_text: HashMap<Box<str>, usize>,
    /// This analysis's slot for each paragraph.
    slots: Vec<usize>,
    /// The analysis that last used each slot, and the one under way.
    used_in: Vec<u64>,
    analysis: u64,
    /// The document's lower-case vocabulary: for each word, how many kept paragraphs write
    /// it in lower case. Kept up to date paragraph by paragraph as they come and go.
    lower_words: HashMap<Box<str>, u32>,
    /// Whether a quote's words make a clause (the tagger's answer), by [`Tokens::words_key`],
    /// for the last analysis and for this one.
    ///
    /// [`Tokens::words_key`]: super::tokens::Tokens::words_key
    clauses: HashMap<Box<str>, bool>,
    clauses_now: HashMap<Box<str>, bool>,
    /// Paragraphs reused and computed so far in this analysis, and in the last one: `begin`
    /// counts each distinct paragraph as reused, and computing its tokens moves it over.
    counts: (usize, usize),
    last: (usize, usize),
}

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Memo")
            .field("paragraphs", &self.by_text.len())
            .field("last", &self.last)
            .finish()
    }
}

/// The document's lower-case vocabulary, as the name pass asks it.
pub struct Vocabulary<'m>(&'m HashMap<Box<str>, u32>);

impl Vocabulary<'_> {
    pub fn contains(&self, word: &str) -> bool {
        self.0.contains_key(word)
    }
}

impl Memo {
    /// A new version's paragraphs (`paragraphs` of `text`): each finds its kept entry, or a
    /// new empty one. Called once an analysis, before any pass reads the memo.
    pub(super) fn begin(&mut self, text: &str, paragraphs: &[Span]) {
        self.analysis += 1;
        self.slots.clear();
        for para in paragraphs {
            let body = para.slice(text);
            let slot = match self.by_text.get(body) {
                Some(&slot) => slot,
                None => {
                    let slot = match self.free.pop() {
                        Some(slot) => {
                            self.entries[slot] = Some(Entry::default());
                            slot
                        }
                        None => {
                            self.entries.push(Some(Entry::default()));
                            self.used_in.push(0);
                            self.entries.len() - 1
                        }
                    };
                    self.by_text.insert(Box::from(body), slot);
                    slot
                }
            };
            if self.used_in[slot] != self.analysis {
                self.used_in[slot] = self.analysis;
                self.counts.0 += 1; // a paragraph written twice counts once
            }
            self.slots.push(slot);
        }
    }

    fn entry(&mut self, paragraph: usize) -> &mut Entry {
        self.entries[self.slots[paragraph]]
            .as_mut()
            .expect("a paragraph's slot holds an entry")
    }

    /// Paragraph `paragraph`'s quotes, found with the same `apostrophe_pairs`, if kept.
    pub(super) fn quotes(
        &mut self,
        paragraph: usize,
        apostrophe_pairs: bool,
    ) -> Option<&[RawQuote]> {
        match &self.entry(paragraph).quotes {
            Some((pairs, quotes)) if *pairs == apostrophe_pairs => Some(quotes),
            _ => None,
        }
    }

    pub(super) fn keep_quotes(
        &mut self,
        paragraph: usize,
        apostrophe_pairs: bool,
        quotes: Box<[RawQuote]>,
    ) {
        self.entry(paragraph).quotes = Some((apostrophe_pairs, quotes));
    }

    /// Paragraph `paragraph`'s tokens from the last analysis or this one, or `compute`d now.
    pub(super) fn tokens(
        &mut self,
        paragraph: usize,
        compute: impl FnOnce() -> LocalTokens,
    ) -> &LocalTokens {
        if self.entry(paragraph).tokens.is_none() {
            let tokens = compute();
            for w in tokens.lower_words() {
                *self.lower_words.entry(Box::from(w)).or_default() += 1;
            }
            self.entry(paragraph).tokens = Some(tokens);
            self.counts.1 += 1; // computed, so not reused
            self.counts.0 -= 1;
        }
        self.entry(paragraph).tokens.as_ref().expect("set above")
    }

    /// The tokens are done: keep exactly this version's paragraphs.
    pub(super) fn finish(&mut self) {
        let (analysis, used_in) = (self.analysis, &self.used_in);
        let (entries, free, lower_words) =
            (&mut self.entries, &mut self.free, &mut self.lower_words);
        self.by_text.retain(|_, &mut slot| {
            if used_in[slot] == analysis {
                return true;
            }
            let gone = entries[slot].take();
            for w in gone
                .iter()
                .flat_map(|e| &e.tokens)
                .flat_map(LocalTokens::lower_words)
            {
                if let Some(n) = lower_words.get_mut(w) {
                    *n -= 1;
                    if *n == 0 {
                        lower_words.remove(w);
                    }
                }
            }
            free.push(slot);
            false
        });
        self.last = std::mem::take(&mut self.counts);
    }

    /// Whether the document (as of the last `finish`) writes `word` in lower case anywhere.
    #[cfg(test)]
    pub(super) fn writes_in_lower_case(&self, word: &str) -> bool {
        self.lower_words.contains_key(word)
    }

    /// Whether the words `key` make a clause: kept from the last analysis or `compute`d.
    pub(super) fn is_clause(&mut self, key: &str, compute: impl FnOnce() -> bool) -> bool {
        if let Some(&answer) = self.clauses_now.get(key) {
            return answer;
        }
        let (key, answer) = match self.clauses.remove_entry(key) {
            Some(kept) => kept,
            None => (Box::from(key), compute()),
        };
        self.clauses_now.insert(key, answer);
        answer
    }

    /// The analysis is done: keep only what this version asked.
    pub(super) fn end(&mut self) {
        self.clauses = std::mem::take(&mut self.clauses_now);
    }

    /// Paragraph `paragraph`'s slot for its name mentions, beside the vocabulary they may ask.
    pub(super) fn names(&mut self, paragraph: usize) -> (&mut Option<LocalNames>, Vocabulary<'_>) {
        let entry = self.entries[self.slots[paragraph]]
            .as_mut()
            .expect("a paragraph's slot holds an entry");
        (&mut entry.names, Vocabulary(&self.lower_words))
    }

    /// Paragraphs the last analysis reused and computed anew, for logs and tests.
    pub fn last_counts(&self) -> (usize, usize) {
        self.last
    }
}

#[cfg(test)]
mod tests {
    use super::super::{analyze, analyze_with, Options};
    use super::Memo;

    /// "Carver" opening a sentence is a common word where the story writes "carver", and a
    /// name where it does not. The memo must follow each edit, in both directions.
    #[test]
    fn the_lower_case_vocabulary_follows_each_edit() {
        let opts = Options::default();
        let names = |text: &str| -> Vec<String> {
            analyze(text, &opts)
                .actors
                .iter()
                .map(|a| a.name.clone())
                .collect()
        };
        let with_word =
            "Officials met on Monday.\n\nCarver said the plan had failed. \"We lost,\" \
                         Holt said.\n\nThe carver stayed.";
        let without = with_word.replace("The carver", "The others");
        assert_eq!(names(with_word), ["Holt"]);
        assert_eq!(names(&without), ["Carver", "Holt"]);
        let mut memo = Memo::default();
        for text in [with_word, &without, with_word, &without] {
            assert_eq!(
                analyze_with(text, &opts, &mut memo),
                analyze(text, &opts),
                "{text}"
            );
        }
        assert_eq!(memo.last_counts(), (2, 1), "two paragraphs kept, one new");
        assert!(memo.writes_in_lower_case("stayed") && !memo.writes_in_lower_case("carver"));
    }
}
