//! Fiction told in the first person: the narrator's name, from what the others call them.
//!
//! "I replied" makes "the narrator" speak, a name no reader would give. The people the
//! narrator talks to call them by name ("Alexis Ivanovitch, do put an end to this"), while
//! the narration itself, being theirs, almost never names them. So the narrator is the person
//! most often called by name in the quotes next to the narrator's own, provided the
//! narration seldom names them.

use rustc_hash::FxHashMap as HashMap;

use super::attribute::{Attributor, Found};
use super::model::ActorId;
use super::quotes::RawQuote;

/// Fewer narrator quotes than this: a stray "I said" in a third-person book.
const MIN_NARRATOR_QUOTES: usize = 5;
/// Fewer calls by name than this is no evidence.
const MIN_CALLS: usize = 3;
/// A call counts in a quote this many paragraphs or fewer from one of the narrator's: the
/// scene the narrator is in, though their own turns there go untagged ("“Higher, Nell.”"
/// three paragraphs after the last "I said").
const NEAR_PARAGRAPHS: u32 = 6;

impl Attributor<'_, '_> {
    /// Give the narrator the name the others call them by, merging the two actors, and
    /// pass their quotes to that person.
    pub fn name_the_narrator(&mut self, quotes: &[RawQuote], paras: &[u32], found: &mut [Found]) {
        let Some(narrator) = self.writer else {
            return;
        };
        let narrator_paras: Vec<u32> = (0..quotes.len())
            .filter(|&k| found[k].speaker == Some(narrator))
            .map(|k| paras[k])
            .collect();
        if narrator_paras.len() < MIN_NARRATOR_QUOTES {
            return;
        }
        let near_narrator = |p: u32| {
            let at = narrator_paras.partition_point(|&n| n + NEAR_PARAGRAPHS < p);
            narrator_paras
                .get(at)
                .is_some_and(|&n| n <= p + NEAR_PARAGRAPHS)
        };
        let mut calls: HashMap<ActorId, usize> = HashMap::default();
        for (k, q) in quotes.iter().enumerate() {
            if found[k].speaker == Some(narrator) || !near_narrator(paras[k]) {
                continue;
            }
            for (_, id) in self.vocatives(q) {
                *calls.entry(id).or_default() += 1;
            }
        }
        let mut in_narration: HashMap<ActorId, usize> = HashMap::default();
        for (m, id) in self.ph.names.iter().zip(&self.name_actor) {
            if let (false, Some(id)) = (m.in_quote, id) {
                *in_narration.entry(*id).or_default() += 1;
            }
        }
        let mut ranked: Vec<(usize, ActorId)> = calls
            .into_iter()
            .filter(|&(id, n)| 2 * in_narration.get(&id).copied().unwrap_or(0) <= n)
            .map(|(id, n)| (n, id))
            .collect();
        ranked.sort_by(|a, b| b.cmp(a));
        let Some(&(n, name)) = ranked.first() else {
            return;
        };
        if n < MIN_CALLS || ranked.get(1).is_some_and(|s| s.0 == n) {
            return;
        }
        self.table.absorb(narrator, name);
        self.writer = Some(name);
        self.table.confirm(name, None);
        self.table.set_role_if_none(name, "narrator".to_string());
        for f in found.iter_mut().filter(|f| f.speaker == Some(narrator)) {
            f.speaker = Some(name);
        }
        for e in &mut self.events {
            if e.speaker == narrator {
                e.speaker = name;
            }
        }
    }
}
