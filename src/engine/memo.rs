//! Work kept from one analysis of a document to the next.
//!
//! A keystroke changes one paragraph; a novel has thousands. What is a function of one
//! paragraph's text alone is kept here, keyed by that text (the full text, not a hash, so
//! a collision cannot change a result), and reused while the paragraph is unchanged. The
//! passes that read the whole document run again over it. An analysis with a memo equals
//! one without, always: only work that cannot depend on anything outside its paragraph is
//! kept, and what a version no longer contains is dropped after each analysis.
//!
//! Kept today: each paragraph's tokens (words, punctuation, lower-case forms), from
//! masked prose (after Markdown masking, so the keys are what the tokenizer saw).

use rustc_hash::FxHashMap as HashMap;

use super::tokens::LocalTokens;

/// The caller owns one per document (the language server keeps one per open document);
/// `analyze` uses none. Not shared between threads while in use.
#[derive(Default)]
pub struct Memo {
    /// Paragraphs of the last analysis.
    previous: HashMap<Box<str>, LocalTokens>,
    /// Paragraphs of this analysis, so far.
    current: HashMap<Box<str>, LocalTokens>,
    /// Paragraphs reused and computed so far in this analysis, and in the last one.
    counts: (usize, usize),
    last: (usize, usize),
}

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Memo")
            .field("paragraphs", &self.previous.len())
            .field("last", &self.last)
            .finish()
    }
}

impl Memo {
    /// The paragraph's tokens from the last analysis or this one, or `compute`d now.
    pub(super) fn tokens(
        &mut self,
        body: &str,
        compute: impl FnOnce() -> LocalTokens,
    ) -> &LocalTokens {
        if !self.current.contains_key(body) {
            let (key, local) = match self.previous.remove_entry(body) {
                Some(kept) => {
                    self.counts.0 += 1;
                    kept
                }
                None => {
                    self.counts.1 += 1;
                    (Box::from(body), compute())
                }
            };
            self.current.insert(key, local);
        }
        &self.current[body]
    }

    /// The analysis is done: keep exactly its paragraphs for the next one.
    pub(super) fn finish(&mut self) {
        self.previous = std::mem::take(&mut self.current);
        self.last = std::mem::take(&mut self.counts);
    }

    /// Paragraphs the last analysis reused and computed anew, for logs and tests.
    pub fn last_counts(&self) -> (usize, usize) {
        self.last
    }
}
