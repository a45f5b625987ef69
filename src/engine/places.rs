//! Places and families among the names: "New York", "Windy Corner", "the Emersons". They
//! are written like people, but are never the "he" or "she" of a speech tag, nor the
//! subject a paragraph's narration names as its speaker.

use rustc_hash::FxHashMap as HashMap;

use super::lexicon::Lexicon;
use super::model::ActorId;
use super::names::NameMention;
use super::tokens::Tokens;

/// Actors whose name ends in a place word ("Fifth Avenue"), or that the text mostly writes
/// after a preposition of place ("in New York", "on the Embankment") or as a family ("the
/// Emersons"). Never one named with an honorific or a known given name (but for "in Owen
/// Road", a given name before a place word after a preposition of place).
pub fn place_like(
    toks: &Tokens,
    lex: &Lexicon,
    names: &[NameMention],
    name_actor: &[Option<ActorId>],
) -> Vec<ActorId> {
    // (mentions, mentions in a place or as a family, ends in a place word, a person's name)
    let mut tally: HashMap<ActorId, (u32, u32, bool, bool)> = HashMap::default();
    for (m, id) in names.iter().zip(name_actor) {
        let Some(id) = *id else { continue };
        let e = tally.entry(id).or_default();
        e.0 += 1;
        let last = m.name.last().map(|w| w.to_lowercase()).unwrap_or_default();
        let place_head = m.name.len() > 1 && lex.is_place_head(&last);
        e.2 |= place_head;
        let mut k = m.toks.0;
        let the = k > 0 && toks.lower(k - 1) == "the";
        if the {
            k -= 1;
        }
        let located = k > 0 && toks.is_word(k - 1) && lex.is_place_preposition(toks.lower(k - 1));
        // "in Owen Road": a given name before a place word, after "in", names a street.
        let given = m.given && !(place_head && located);
        e.3 |= m.honorific.is_some() || given || m.role.is_some();
        let family = the && m.name.len() == 1 && last.len() > 3 && last.ends_with('s');
        if located || family {
            e.1 += 1;
        }
    }
    let mut out: Vec<ActorId> = tally
        .into_iter()
        .filter(|&(_, (all, placed, head, person))| !person && (head || 2 * placed >= all))
        .map(|(id, _)| id)
        .collect();
    out.sort_unstable();
    out
}
