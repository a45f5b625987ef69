//! The table of actors: clustering name mentions into people and organisations
//! ("Gallant", "Minister Gallant" and "Defense Minister Yoav Gallant" are one), and adding
//! documents, unnamed sources, pronoun and description mentions as attribution finds them.

use rustc_hash::FxHashMap as HashMap;

use super::lexicon::Lexicon;
use super::model::{Actor, ActorId, ActorKind, Gender, Mention, MentionForm, Span};
use super::names::{NameKind, NameMention};

#[derive(Debug, Default)]
pub struct ActorTable {
    actors: Vec<Entry>,
    /// Lower-cased organisation, document or source name -> actor.
    by_key: HashMap<String, ActorId>,
    /// Actors by their name words, and those of two words or more by their first and by
    /// their last word, each list in id order: the clustering of a name looks at the
    /// actors that share its words, not at every actor (a novel has hundreds).
    by_words: HashMap<Vec<String>, Vec<ActorId>>,
    by_first: HashMap<String, Vec<ActorId>>,
    by_last: HashMap<String, Vec<ActorId>>,
}

/// Put `id` in its place in an id-ordered list.
fn insert_sorted(list: &mut Vec<ActorId>, id: ActorId) {
    let at = list.partition_point(|&x| x < id);
    list.insert(at, id);
}

fn remove_id(list: Option<&mut Vec<ActorId>>, id: ActorId) {
    if let Some(list) = list {
        list.retain(|&x| x != id);
    }
}

#[derive(Debug)]
struct Entry {
    actor: Actor,
    /// Name words of the fullest form ("Pat", "Ryder").
    words: Vec<String>,
    /// Whether every name mention carried an honorific ("Mrs. Bennet" and never "Bennet").
    always_honorific: bool,
    honorific: Option<String>,
    /// Byte offset of the latest mention, for "most recent" choices.
    last_seen: usize,
    /// The document owned by this actor ("Ryder said in a statement"), by head noun.
    documents: Vec<(String, ActorId)>,
    /// Set once the actor has been a speaker or is clearly a person or organisation.
    confirmed: bool,
    /// The first of `words` is a given name from the lexicon.
    given_first: bool,
    /// A place or a family ("New York", "the Emersons"): never a "he" or a "she".
    place: bool,
    /// The gender comes only from a given-name list ("Laurie"), which a pronoun the text uses
    /// of the person overrules.
    gender_by_name_only: bool,
    /// The mentions' spans as (start, end), pairwise non-overlapping and sorted: a new
    /// mention's overlap check is a binary search, not a scan (a name said 100,000 times was
    /// quadratic), and mentions come mostly in text order, so most land at the end.
    taken: Vec<(usize, usize)>,
}

impl Entry {
    /// The start of the latest mention before byte `at` (0 if none).
    fn latest_before(&self, at: usize) -> usize {
        let before = self.taken.partition_point(|&t| t < (at, 0));
        before.checked_sub(1).map_or(0, |i| self.taken[i].0)
    }
}

/// Particles that open a surname of two words ("Ó Murchú", "Mac Giolla", "van Gogh"): such a
/// name alone is a surname, the person named in full with it.
const SURNAME_PARTICLES: &[&str] = &[
    "ó", "o", "ní", "nic", "mac", "mc", "uí", "ua", "van", "von", "de", "da", "di", "du", "del",
    "della", "le", "la", "al", "el", "bin", "ibn", "ap",
];

fn compatible(a: Gender, b: Gender) -> bool {
    a == Gender::Unknown || b == Gender::Unknown || a == b
}

impl ActorTable {
    fn push(&mut self, actor: Actor, words: Vec<String>, at: usize, confirmed: bool) -> ActorId {
        self.index_words(self.actors.len(), &words);
        self.actors.push(Entry {
            actor,
            words,
            always_honorific: true,
            honorific: None,
            last_seen: at,
            documents: Vec::new(),
            confirmed,
            given_first: false,
            place: false,
            gender_by_name_only: false,
            taken: Vec::new(),
        });
        self.actors.len() - 1
    }

    fn index_words(&mut self, id: ActorId, words: &[String]) {
        insert_sorted(self.by_words.entry(words.to_vec()).or_default(), id);
        if let [first, .., last] = words {
            insert_sorted(self.by_first.entry(first.clone()).or_default(), id);
            insert_sorted(self.by_last.entry(last.clone()).or_default(), id);
        }
    }

    /// Change an actor's name words, and the indexes with them.
    fn set_words(&mut self, id: ActorId, words: Vec<String>) {
        let old = std::mem::take(&mut self.actors[id].words);
        remove_id(self.by_words.get_mut(&old[..]), id);
        if let [first, .., last] = &old[..] {
            remove_id(self.by_first.get_mut(first), id);
            remove_id(self.by_last.get_mut(last), id);
        }
        self.index_words(id, &words);
        self.actors[id].words = words;
    }

    /// The actors named exactly `words`, in id order.
    fn named(&self, words: &[String]) -> &[ActorId] {
        self.by_words.get(words).map_or(&[], Vec::as_slice)
    }

    pub fn add_mention(&mut self, id: ActorId, span: Span, form: MentionForm) {
        let e = &mut self.actors[id];
        // Of non-overlapping spans sorted by start, the last one starting before `span` ends
        // reaches furthest: it alone can overlap `span`.
        let before_end = e.taken.partition_point(|&t| t < (span.end, 0));
        let overlapping = before_end
            .checked_sub(1)
            .is_some_and(|i| Span::new(e.taken[i].0, e.taken[i].1).overlaps(span));
        if !overlapping {
            let key = (span.start, span.end);
            let at = e.taken.partition_point(|&t| t < key);
            if e.taken.get(at) != Some(&key) {
                e.taken.insert(at, key);
            }
            e.actor.mentions.push(Mention { span, form });
        }
        e.last_seen = e.last_seen.max(span.start);
    }

    pub fn confirm(&mut self, id: ActorId, kind: Option<ActorKind>) {
        let e = &mut self.actors[id];
        e.confirmed = true;
        if let Some(k) = kind {
            e.actor.kind = k;
        }
    }

    pub fn set_role_if_none(&mut self, id: ActorId, role: String) {
        let actor = &mut self.actors[id].actor;
        if actor.role.is_none() {
            actor.role = Some(role);
        }
    }

    /// Known to be an actor: named with a title, honorific or given name, or already a speaker.
    pub fn is_confirmed(&self, id: ActorId) -> bool {
        self.actors[id].confirmed
    }

    pub fn set_place(&mut self, id: ActorId) {
        self.actors[id].place = true;
    }

    pub fn is_place(&self, id: ActorId) -> bool {
        self.actors[id].place
    }

    /// The person whose full name ends with `surname` ("Carter" is Pete Carter), the one
    /// named most often; none when no full name ends so.
    pub fn by_surname(&self, surname: &str) -> Option<ActorId> {
        self.actors
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                e.actor.kind == ActorKind::Person
                    && !e.place
                    && e.words.len() >= 2
                    && e.words
                        .last()
                        .is_some_and(|w| w.eq_ignore_ascii_case(surname))
            })
            .max_by_key(|(_, e)| e.actor.mentions.len())
            .map(|(id, _)| id)
    }

    /// The words of the actor's fullest name ("Pat", "Ryder").
    pub fn name_words(&self, id: ActorId) -> &[String] {
        &self.actors[id].words
    }

    pub fn gender(&self, id: ActorId) -> Gender {
        self.actors[id].actor.gender
    }

    /// People described but not named, in the plural ("the previous tenants", "the
    /// family"): a "they".
    pub fn is_described_group(&self, id: ActorId) -> bool {
        let e = &self.actors[id];
        let head = e.actor.name.rsplit(' ').next().unwrap_or("");
        e.actor.kind == ActorKind::Person
            && e.words.is_empty()
            && (head.len() > 3 && head.ends_with('s') && !head.ends_with("ss")
                || matches!(head, "family" | "couple"))
    }

    pub fn set_gender(&mut self, id: ActorId, g: Gender) {
        let e = &mut self.actors[id];
        if e.actor.gender == Gender::Unknown || e.gender_by_name_only {
            e.actor.gender = g;
            e.gender_by_name_only = false;
        }
    }

    /// The start of the actor's latest mention before byte `at` (0 if none).
    pub fn seen_before(&self, id: ActorId, at: usize) -> usize {
        self.actors[id].latest_before(at)
    }

    /// Whether the actor's gender rests on a given-name list alone ("Laurie").
    pub fn gender_by_name_only(&self, id: ActorId) -> bool {
        self.actors[id].gender_by_name_only
    }

    /// Cluster a name mention into an actor (creating one if needed).
    pub fn add_name(&mut self, m: &NameMention, text: &str) -> Option<ActorId> {
        let at = m.span.start;
        let id = match m.kind {
            NameKind::Role => return None,
            NameKind::Organisation => {
                let key = m.name.join(" ").to_lowercase();
                match self.by_key.get(&key) {
                    Some(&id) => id,
                    None => {
                        let actor = new_actor(m.name.join(" "), ActorKind::Organisation);
                        let id = self.push(actor, m.name.to_vec(), at, true);
                        self.by_key.insert(key, id);
                        id
                    }
                }
            }
            NameKind::Person | NameKind::Unknown => self.person(m, at),
        };
        let e = &mut self.actors[id];
        if m.kind == NameKind::Person {
            e.confirmed = true;
            if e.actor.kind != ActorKind::Organisation {
                e.actor.kind = ActorKind::Person;
            }
        }
        if m.gender != Gender::Unknown && e.actor.gender == Gender::Unknown {
            e.actor.gender = m.gender;
            e.gender_by_name_only = m.honorific.is_none();
        } else if m.honorific.is_some() && m.gender == e.actor.gender {
            e.gender_by_name_only = false;
        }
        if let Some(role) = &m.role {
            let longer = e.actor.role.as_ref().is_none_or(|r| role.len() > r.len());
            if longer {
                e.actor.role = Some(role.to_string());
            }
        }
        match &m.honorific {
            Some(h) => {
                if e.honorific.is_none() {
                    e.honorific = Some(h.to_string());
                }
            }
            None => e.always_honorific = false,
        }
        let alias = m.span.slice(text).to_string();
        if !e.actor.aliases.contains(&alias) {
            e.actor.aliases.push(alias);
        }
        self.add_mention(id, m.span, MentionForm::Name);
        Some(id)
    }

    fn person(&mut self, m: &NameMention, at: usize) -> ActorId {
        let words = &m.name;
        let is_person = |e: &Entry| matches!(e.actor.kind, ActorKind::Person);
        // The same full name.
        if let Some(&id) = self
            .named(words)
            .iter()
            .find(|&&id| is_person(&self.actors[id]))
        {
            return id;
        }
        let surname = words.last().cloned().unwrap_or_default();
        let given = m.given;
        // "Councillor Ó Murchú" after "Ruairí Ó Murchú": a particle's surname, said alone.
        let particle_surname = words.len() == 2
            && !given
            && SURNAME_PARTICLES.contains(&words[0].to_lowercase().as_str());
        if particle_surname {
            let bearer = self
                .by_last
                .get(&surname)
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .copied()
                .filter(|&id| {
                    let e = &self.actors[id];
                    is_person(e)
                        && e.words.len() > 2
                        && e.words.ends_with(words)
                        && compatible(e.actor.gender, m.gender)
                })
                .max_by_key(|&id| self.actors[id].last_seen);
            if let Some(id) = bearer {
                return id;
            }
        }
        // Not "Cassandra Katharine" (two people named in a row) nor a name quoted in passing.
        let grows = !m.in_quote
            && !words.first().is_some_and(|first| {
                self.named(std::slice::from_ref(first))
                    .iter()
                    .any(|&id| is_person(&self.actors[id]))
            });
        if words.len() >= 2 {
            // An earlier surname-only actor grows into the full name.
            let found = self
                .named(std::slice::from_ref(&surname))
                .iter()
                .copied()
                .find(|&id| {
                    let e = &self.actors[id];
                    grows && is_person(e) && compatible(e.actor.gender, m.gender)
                });
            if let Some(id) = found {
                self.set_words(id, words.to_vec());
                let e = &mut self.actors[id];
                e.given_first = m.given;
                e.actor.name = words.join(" ");
                return id;
            }
        } else {
            // A surname, or in fiction a first name: the most recent compatible bearer.
            let pick = |by_first: bool| {
                let index = if by_first {
                    &self.by_first
                } else {
                    &self.by_last
                };
                index
                    .get(&surname)
                    .map_or(&[][..], Vec::as_slice)
                    .iter()
                    .map(|&id| (id, &self.actors[id]))
                    .filter(|(_, e)| {
                        is_person(e)
                            && compatible(e.actor.gender, m.gender)
                            // A given name ("Anne") ends a full name only after another
                            // given name: not "Aunt Anne" nor "Vandie Newland".
                            && (by_first || !given || e.given_first)
                    })
                    .max_by_key(|(_, e)| e.last_seen)
                    .map(|(id, _)| id)
            };
            let picked = pick(false).or_else(|| pick(true));
            if let Some(id) = picked {
                return id;
            }
            // "Mr. Bennet" and "Mrs. Bennet" are two people.
            let found = self.named(words).iter().copied().find(|&id| {
                let e = &self.actors[id];
                is_person(e) && compatible(e.actor.gender, m.gender)
            });
            if let Some(id) = found {
                return id;
            }
        }
        let actor = new_actor(words.join(" "), ActorKind::Person);
        let id = self.push(actor, words.to_vec(), at, m.kind == NameKind::Person);
        self.actors[id].given_first = m.given;
        id
    }

    /// Fiction: a given name used alone ("Lucy") is the character whose full name starts
    /// with it ("Lucy Honeychurch"), wherever in the book that full name first appears, when
    /// one such character stands out: by surname evidence (the surname also goes with an
    /// honorific, "Miss Honeychurch"), then by mentions. Repoints `name_actor` and returns
    /// The merged actor keeps no mentions and is dropped at the end.
    pub fn merge_given_names(
        &mut self,
        names: &[NameMention],
        name_actor: &mut [Option<ActorId>],
        lex: &super::lexicon::Lexicon,
    ) {
        let surnames: rustc_hash::FxHashSet<&str> = names
            .iter()
            .filter(|m| m.honorific.is_some() && m.name.len() == 1)
            .map(|m| m.name[0].as_str())
            .collect();
        // Where the surname ends a full name: "Lucy Honeychurch Drive Out" in a title-cased
        // heading is "Lucy Honeychurch".
        let surname_at =
            |words: &[String]| (1..words.len()).find(|&k| surnames.contains(words[k].as_str()));
        let is_person = |e: &Entry| e.actor.kind == ActorKind::Person;
        // Given name -> full-name actors starting with it.
        let mut full: HashMap<String, Vec<ActorId>> = HashMap::default();
        for (id, e) in self.actors.iter().enumerate() {
            if is_person(e) && e.words.len() >= 2 {
                full.entry(e.words[0].to_lowercase()).or_default().push(id);
            }
        }
        // A familiar form stands for its formal name when the text uses no full name with it.
        let lookup = |word: &str| -> Option<&Vec<ActorId>> {
            let lower = word.to_lowercase();
            full.get(&lower).or_else(|| {
                let mut found = lex.formal_names(&lower).iter().filter_map(|f| full.get(*f));
                let first = found.next()?;
                found.next().is_none().then_some(first)
            })
        };
        // How often the narration gives an actor's given name with a title and no surname
        // ("Lady Catherine"): a narrator who writes that and also plain "Kitty" or
        // "Catherine" means two people.
        let mut titled_given: HashMap<String, usize> = HashMap::default();
        for m in names
            .iter()
            .filter(|m| !m.in_quote && m.honorific.is_some())
        {
            if let [word] = &m.name[..] {
                *titled_given.entry(word.to_lowercase()).or_default() += 1;
            }
        }
        let titled = |c: ActorId| {
            let given = self.actors[c].words[0].to_lowercase();
            titled_given.get(&given).copied().unwrap_or(0) >= 3
        };
        let mut in_narration = vec![0usize; self.actors.len()];
        for (m, id) in names.iter().zip(name_actor.iter()) {
            if let (false, Some(id)) = (m.in_quote, *id) {
                in_narration[id] += 1;
            }
        }
        let mut redirect: Vec<(ActorId, ActorId)> = Vec::new();
        for (id, e) in self.actors.iter().enumerate() {
            if !is_person(e) || e.words.len() != 1 || e.always_honorific {
                continue;
            }
            let Some(cands) = lookup(&e.words[0]) else {
                continue;
            };
            let score = |c: ActorId| {
                let f = &self.actors[c];
                (surname_at(&f.words).is_some(), f.actor.mentions.len())
            };
            let mut fitting: Vec<(bool, usize, ActorId)> = cands
                .iter()
                .filter(|&&c| compatible(self.actors[c].actor.gender, e.actor.gender))
                .filter(|&&c| in_narration[id] < 3 || !titled(c))
                .map(|&c| {
                    let (ev, n) = score(c);
                    (ev, n, c)
                })
                .collect();
            fitting.sort_by(|a, b| b.cmp(a));
            let best = match fitting.as_slice() {
                [only] => only.2,
                [a, b, ..] if (a.0, a.1) > (b.0, b.1) => a.2,
                _ => continue,
            };
            redirect.push((id, best));
        }
        let mut target: Vec<Option<ActorId>> = vec![None; self.actors.len()];
        for &(from, to) in &redirect {
            target[from] = Some(to);
            if let Some(k) = surname_at(&self.actors[to].words) {
                let words = self.actors[to].words[..=k].to_vec();
                self.actors[to].actor.name = words.join(" ");
                self.set_words(to, words);
            }
            self.absorb(from, to);
        }
        for slot in name_actor.iter_mut() {
            if let Some(to) = slot.and_then(|id| target[id]) {
                *slot = Some(to);
            }
        }
    }

    /// Move `from`'s mentions, aliases, gender and confirmation to `to`; `from` is left with
    /// no mentions and is dropped at the end.
    pub fn absorb(&mut self, from: ActorId, to: ActorId) {
        let moved = std::mem::take(&mut self.actors[from].actor.mentions);
        let aliases = std::mem::take(&mut self.actors[from].actor.aliases);
        self.actors[from].taken.clear();
        let (gender, confirmed) = (self.gender(from), self.actors[from].confirmed);
        for m in moved {
            self.add_mention(to, m.span, m.form);
        }
        let e = &mut self.actors[to];
        for a in aliases {
            if !e.actor.aliases.contains(&a) {
                e.actor.aliases.push(a);
            }
        }
        if e.actor.gender == Gender::Unknown {
            e.actor.gender = gender;
        }
        e.confirmed |= confirmed;
    }

    /// A named or keyed actor that is not a person: a document, an unnamed source, or an
    /// organisation met only in lower case ("the ministry").
    pub fn keyed(&mut self, key: &str, name: &str, kind: ActorKind, at: usize) -> ActorId {
        let key = format!("{}:{}", kind.as_str(), key.to_lowercase());
        if let Some(&id) = self.by_key.get(&key) {
            return id;
        }
        let id = self.push(new_actor(name.to_string(), kind), vec![], at, true);
        self.by_key.insert(key, id);
        id
    }

    /// The document `owner` issued ("said in a statement"), created on first use.
    pub fn document_of(&mut self, owner: ActorId, head: &str, at: usize) -> ActorId {
        if let Some(&(_, id)) = self.actors[owner].documents.iter().find(|(h, _)| h == head) {
            return id;
        }
        let name = format!("{}'s {}", self.actors[owner].actor.name, head);
        let id = self.push(new_actor(name, ActorKind::Document), vec![], at, true);
        self.actors[owner].documents.push((head.to_string(), id));
        id
    }

    /// Whether document `id` is named by this head noun ("statement").
    pub fn is_document_of_head(&self, id: ActorId, head: &str) -> bool {
        self.actors[id].actor.name.ends_with(head)
    }

    /// The document of this head noun owned by `owner`, if it issued one.
    pub fn owned_document(&self, owner: ActorId, head: &str) -> Option<ActorId> {
        self.actors[owner]
            .documents
            .iter()
            .find(|(h, _)| h == head)
            .map(|&(_, id)| id)
    }

    /// The person holding a role described by these words ("secretary", "defense"): every
    /// word must appear in the actor's role; the most recently seen such actor wins.
    pub fn by_role(&self, words: &[String], before: usize) -> Option<ActorId> {
        self.actors
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                e.actor
                    .mentions
                    .first()
                    .is_some_and(|m| m.span.start < before)
            })
            .filter(|(_, e)| {
                // One who speaks for a body ("a Tesco spokesperson") holds the role its words
                // name.
                let name = e.actor.name.as_str();
                let indefinite = ["a ", "an ", "A ", "An "]
                    .iter()
                    .any(|d| name.starts_with(d));
                let described =
                    (e.words.is_empty() && e.actor.kind == ActorKind::Person && indefinite)
                        .then_some(name);
                e.actor.role.as_deref().or(described).is_some_and(|r| {
                    let role: Vec<String> = r
                        .split(|c: char| !c.is_alphanumeric())
                        .map(str::to_lowercase)
                        .collect();
                    words.iter().all(|w| role.contains(w))
                })
            })
            .max_by_key(|(_, e)| e.latest_before(before))
            .map(|(id, _)| id)
    }

    /// The one person seen before `before` whose rank, written short before their name,
    /// stands for the title `words` name: "Sen. Tom Carper" is "the senator", "Cllr Ann
    /// Roe" "the councillor". With two of that rank in the story, neither.
    pub fn by_rank(&self, words: &[String], before: usize, lex: &Lexicon) -> Option<ActorId> {
        if !words.iter().all(|w| lex.is_rank_title(w)) {
            return None;
        }
        let holds = |e: &Entry| {
            let seen = e
                .actor
                .mentions
                .first()
                .is_some_and(|m| m.span.start < before);
            let ranks = || {
                e.honorific
                    .as_deref()
                    .into_iter()
                    .flat_map(|h| h.split(|c: char| !c.is_alphanumeric()))
                    .filter_map(|part| lex.rank_title(&part.to_ascii_lowercase()))
            };
            seen && ranks().next().is_some() && words.iter().all(|w| ranks().any(|r| r == w))
        };
        let mut holders = self.actors.iter().enumerate().filter(|(_, e)| holds(e));
        match (holders.next(), holders.next()) {
            (Some((id, _)), None) => Some(id),
            _ => None,
        }
    }

    /// The most recent organisation whose name contains `head` ("ministry").
    pub fn org_by_head(&self, head: &str, before: usize) -> Option<ActorId> {
        self.actors
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                e.actor.kind == ActorKind::Organisation
                    && e.actor
                        .mentions
                        .first()
                        .is_some_and(|m| m.span.start < before)
                    && e.words.iter().any(|w| w.eq_ignore_ascii_case(head))
            })
            .max_by_key(|(_, e)| e.latest_before(before))
            .map(|(id, _)| id)
    }

    pub fn kind(&self, id: ActorId) -> ActorKind {
        self.actors[id].actor.kind
    }

    /// The final actors, those confirmed as actors, in order of first mention, with a map
    /// from table ids to output ids.
    pub fn finish(self) -> (Vec<Actor>, Vec<Option<ActorId>>) {
        let mut order: Vec<usize> = (0..self.actors.len())
            .filter(|&i| self.actors[i].confirmed && !self.actors[i].actor.mentions.is_empty())
            .collect();
        order.sort_by_key(|&i| {
            self.actors[i]
                .actor
                .mentions
                .iter()
                .map(|m| m.span.start)
                .min()
        });
        let mut map = vec![None; self.actors.len()];
        for (new, &old) in order.iter().enumerate() {
            map[old] = Some(new);
        }
        let mut entries: Vec<Option<Entry>> = self.actors.into_iter().map(Some).collect();
        let actors = order
            .iter()
            .filter_map(|&i| entries[i].take())
            .map(|mut e| {
                e.actor.mentions.sort_by_key(|m| m.span.start);
                if e.actor.kind == ActorKind::Person && e.words.len() == 1 && e.always_honorific {
                    if let Some(h) = &e.honorific {
                        e.actor.name = format!("{} {}", h, e.actor.name);
                    }
                }
                e.actor.aliases.retain(|a| *a != e.actor.name);
                e.actor
            })
            .collect();
        (actors, map)
    }
}

fn new_actor(name: String, kind: ActorKind) -> Actor {
    Actor {
        name,
        kind,
        role: None,
        gender: Gender::Unknown,
        aliases: Vec::new(),
        mentions: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lookup keeps exactly the mentions the scan over all mentions kept.
    #[test]
    fn overlapping_mentions_are_dropped_like_a_scan_would() {
        let spans = [
            (10, 15),
            (12, 13),
            (5, 5),
            (5, 10),
            (0, 6),
            (15, 15),
            (14, 20),
            (20, 25),
            (7, 7),
            (3, 4),
            (25, 25),
            (24, 30),
        ];
        let mut table = ActorTable::default();
        let id = table.push(
            new_actor("Smith".into(), ActorKind::Person),
            vec![],
            0,
            true,
        );
        let mut scan: Vec<Span> = Vec::new();
        for (start, end) in spans {
            let span = Span::new(start, end);
            table.add_mention(id, span, MentionForm::Name);
            if !scan.iter().any(|m| m.overlaps(span)) {
                scan.push(span);
            }
        }
        let kept: Vec<Span> = table.actors[id]
            .actor
            .mentions
            .iter()
            .map(|m| m.span)
            .collect();
        assert_eq!(kept, scan);
        assert_eq!(kept.len(), 7);
    }
}
