//! Word lists compiled into the binary from `lexicon/*.txt`, parsed once on first use.
//! Every list is immutable after parsing; callers' extra words live in `Options`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use super::model::{ActorKind, FindingCode, Gender};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounRef {
    Male,
    Female,
    Plural,
    Neuter,
    /// "I", "we": the writer's own voice.
    Writer,
}

#[derive(Debug)]
pub struct Lexicon {
    /// Inflected form -> lemma, for cues usable anywhere.
    cues: HashMap<&'static str, &'static str>,
    /// Forms that only tag an adjacent quote ("sighed", "retorted").
    tag_cues: HashMap<&'static str, &'static str>,
    /// Forms that only report a clause outside quotes ("thinks", "found").
    report_cues: HashMap<&'static str, &'static str>,
    pub participles: HashSet<&'static str>,
    /// Multi-word cues before a source, as word lists ("according to").
    pub source_first: Vec<Vec<&'static str>>,
    /// Multi-word cues after a source, right before a quote ("As Cole put it, “…”").
    pub phrasal_cues: Vec<Vec<&'static str>>,
    /// What a word can start, as [`SPEECH_WORD`] and [`CLAIM_START`] bits: one lookup when
    /// a paragraph is tokenized rules out the rest of a document's words for good.
    word_flags: HashMap<&'static str, u8>,
    honorifics: HashMap<&'static str, Gender>,
    /// The title a short rank stands for ("sen" → "senator").
    rank_titles: HashMap<&'static str, &'static str>,
    titles: HashSet<&'static str>,
    title_modifiers: HashSet<&'static str>,
    /// Unnamed sources: word lists with their kind.
    pub sources: Vec<(ActorKind, Vec<&'static str>)>,
    /// Vague heads that take quantifiers ("some experts").
    vague_heads: HashSet<&'static str>,
    /// Their singulars: one of many ("a second source").
    vague_singulars: HashSet<&'static str>,
    pub claims: Vec<(FindingCode, Vec<&'static str>)>,
    org_words: HashSet<&'static str>,
    org_types: HashSet<&'static str>,
    /// Nouns that say a person's gender ("spokeswoman", "mother").
    noun_genders: HashMap<&'static str, Gender>,
    /// Nouns for one who speaks for a body ("spokesperson").
    voices: HashSet<&'static str>,
    /// Nouns that describe a person named just before ("the local", `person-nouns.txt`).
    person_nouns: HashSet<&'static str>,
    /// Parts of the body, never a speaker ("his head told that …").
    body_parts: HashSet<&'static str>,
    /// Known organisations as word lists, e.g. ["White", "House"].
    pub known_orgs: Vec<Vec<&'static str>>,
    /// Indices into `known_orgs` by an organisation's first word and by its last.
    orgs_by_first: HashMap<&'static str, Vec<usize>>,
    orgs_by_last: HashMap<&'static str, Vec<usize>>,
    documents: HashSet<&'static str>,
    pronouns: HashMap<&'static str, PronounRef>,
    common: HashSet<&'static str>,
    time_words: HashSet<&'static str>,
    /// Letters after a name, no part of it ("MP", "OBE"), in capitals.
    post_nominals: HashSet<&'static str>,
    /// Words before a quote that make it a label, not speech ("motto", "dubbed").
    term_labels: HashSet<&'static str>,
    /// Labels of page furniture ("read more", "watch"), before a colon.
    furniture: HashSet<&'static str>,
    abbreviations: HashSet<&'static str>,
    first_names: HashMap<&'static str, Gender>,
    /// Familiar form -> formal given names ("kitty" -> catherine, katharine).
    nicknames: HashMap<&'static str, Vec<&'static str>>,
    /// Prepositions that put a name in a place ("in", "at").
    place_prepositions: HashSet<&'static str>,
    /// Last words of place names ("street", "house").
    place_heads: HashSet<&'static str>,
    /// Forms of "be" that make a following cue passive, the adverbs allowed between, and
    /// cue participles without "-ed" (`passives.txt`).
    pub passive_be: HashSet<&'static str>,
    pub passive_between: HashSet<&'static str>,
    pub irregular_participles: HashSet<&'static str>,
}

/// An age as a word: "46-year-old".
pub fn is_age(lower: &str) -> bool {
    lower
        .strip_suffix("-year-old")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The lists' lines and words are cut at ASCII whitespace only, a byte test where Unicode
/// whitespace decodes every character; a test checks no list holds other whitespace.
fn entries(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim_ascii)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn words(src: &'static str) -> impl Iterator<Item = &'static str> {
    entries(src).flat_map(str::split_ascii_whitespace)
}

/// A map sized for the words of `src` (an upper bound: one entry per five bytes), so
/// building it never grows and rehashes the table.
fn map_for<V>(src: &str) -> HashMap<&'static str, V> {
    HashMap::with_capacity_and_hasher(src.len() / 5, Default::default())
}

/// The words of `src` as a set sized for them (see [`map_for`]).
fn set_of(src: &'static str) -> HashSet<&'static str> {
    let mut set = HashSet::with_capacity_and_hasher(src.len() / 5, Default::default());
    set.extend(words(src));
    set
}

/// The words of `passives.txt` on lines starting with `label`.
fn part(label: &str) -> HashSet<&'static str> {
    entries(include_str!("lexicon/passives.txt"))
        .filter_map(|l| l.strip_prefix(label))
        .flat_map(str::split_ascii_whitespace)
        .collect()
}

fn gender_of(tag: &str) -> Gender {
    match tag {
        "m" => Gender::Male,
        "f" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// Positions of `lists` by one word of each (its first, its last).
fn index_by(
    lists: &[Vec<&'static str>],
    word: impl Fn(&[&'static str]) -> Option<&'static str>,
) -> HashMap<&'static str, Vec<usize>> {
    let mut index: HashMap<&'static str, Vec<usize>> = HashMap::default();
    for (i, list) in lists.iter().enumerate() {
        if let Some(w) = word(list) {
            index.entry(w).or_default().push(i);
        }
    }
    index
}

impl Lexicon {
    fn parse() -> Lexicon {
        let cues_src = include_str!("lexicon/cues.txt");
        let mut cues = map_for(cues_src);
        let mut tag_cues = HashMap::default();
        for line in entries(cues_src) {
            let (tag_only, line) = match line.strip_prefix('~') {
                Some(rest) => (true, rest),
                None => (false, line),
            };
            let mut forms = line.split_ascii_whitespace();
            let Some(lemma) = forms.next() else { continue };
            let target = if tag_only { &mut tag_cues } else { &mut cues };
            for form in forms {
                target.insert(form, lemma);
            }
        }
        let reports_src = include_str!("lexicon/reports.txt");
        let mut report_cues = map_for(reports_src);
        for line in entries(reports_src) {
            let mut forms = line.split_ascii_whitespace();
            let Some(lemma) = forms.next() else { continue };
            for form in forms {
                report_cues.insert(form, lemma);
            }
        }
        let honorifics_src = include_str!("lexicon/honorifics.txt");
        let mut honorifics = map_for(honorifics_src);
        let mut rank_titles = HashMap::default();
        for line in entries(honorifics_src) {
            let mut it = line.split_ascii_whitespace();
            if let (Some(w), Some(g)) = (it.next(), it.next()) {
                honorifics.insert(w, gender_of(g));
                if let Some(title) = it.next() {
                    rank_titles.insert(w, title);
                }
            }
        }
        let titles_src = include_str!("lexicon/titles.txt");
        let mut titles =
            HashSet::with_capacity_and_hasher(titles_src.len() / 5, Default::default());
        let mut title_modifiers = HashSet::default();
        for w in words(titles_src) {
            match w.strip_prefix('+') {
                Some(m) => title_modifiers.insert(m),
                None => titles.insert(w),
            };
        }
        let mut sources = Vec::new();
        let mut vague_heads = HashSet::default();
        for line in entries(include_str!("lexicon/sources.txt")) {
            let mut it = line.split_ascii_whitespace();
            let kind = match it.next() {
                Some("vague") => ActorKind::Vague,
                _ => ActorKind::Anonymous,
            };
            let phrase: Vec<&str> = it.collect();
            if kind == ActorKind::Vague && phrase.len() == 1 {
                vague_heads.insert(phrase[0]);
            }
            sources.push((kind, phrase));
        }
        let vague_singulars = vague_heads
            .iter()
            .filter_map(|h| h.strip_suffix('s'))
            .collect();
        let claims: Vec<(FindingCode, Vec<&'static str>)> =
            entries(include_str!("lexicon/claims.txt"))
                .filter_map(|line| {
                    let mut it = line.split_ascii_whitespace();
                    let code = FindingCode::parse(it.next()?)?;
                    Some((code, it.collect::<Vec<_>>()))
                })
                .collect();
        let pronouns_src = include_str!("lexicon/pronouns.txt");
        let mut pronouns = map_for(pronouns_src);
        for line in entries(pronouns_src) {
            let mut it = line.split_ascii_whitespace();
            if let (Some(w), Some(r)) = (it.next(), it.next()) {
                let r = match r {
                    "m" => PronounRef::Male,
                    "f" => PronounRef::Female,
                    "p" => PronounRef::Plural,
                    "n" => PronounRef::Neuter,
                    _ => PronounRef::Writer,
                };
                pronouns.insert(w, r);
            }
        }
        let first_names_src = include_str!("lexicon/first-names.txt");
        let mut first_names = map_for(first_names_src);
        for line in entries(first_names_src) {
            let mut it = line.split_ascii_whitespace();
            let g = gender_of(it.next().unwrap_or("-"));
            for name in it {
                first_names.entry(name).or_insert(g);
            }
        }
        let participles: HashSet<&'static str> = set_of(include_str!("lexicon/participles.txt"));
        let source_first: Vec<Vec<&'static str>> = entries(include_str!("lexicon/according.txt"))
            .map(|l| l.split_ascii_whitespace().collect())
            .collect();
        let phrasal_cues: Vec<Vec<&'static str>> =
            entries(include_str!("lexicon/phrasal-cues.txt"))
                .map(|l| l.split_ascii_whitespace().collect())
                .collect();
        let known_orgs: Vec<Vec<&'static str>> =
            entries(include_str!("lexicon/known-organisations.txt"))
                .map(|l| l.split_ascii_whitespace().collect())
                .collect();
        let mut word_flags: HashMap<&'static str, u8> = HashMap::with_capacity_and_hasher(
            cues.len() + report_cues.len() + participles.len() + source_first.len() + claims.len(),
            Default::default(),
        );
        let speech_words = (cues.keys().chain(report_cues.keys()).chain(&participles))
            .copied()
            .chain(source_first.iter().filter_map(|p| p.first().copied()));
        for w in speech_words {
            *word_flags.entry(w).or_default() |= SPEECH_WORD;
        }
        for first in claims.iter().filter_map(|(_, p)| p.first()) {
            *word_flags.entry(first).or_default() |= CLAIM_START;
        }
        Lexicon {
            cues,
            tag_cues,
            report_cues,
            participles,
            source_first,
            phrasal_cues,
            word_flags,
            honorifics,
            rank_titles,
            titles,
            title_modifiers,
            sources,
            vague_heads,
            vague_singulars,
            claims,
            org_words: set_of(include_str!("lexicon/organisations.txt")),
            org_types: set_of(include_str!("lexicon/org-types.txt")),
            voices: set_of(include_str!("lexicon/voices.txt")),
            person_nouns: set_of(include_str!("lexicon/person-nouns.txt")),
            body_parts: set_of(include_str!("lexicon/body-parts.txt")),
            noun_genders: entries(include_str!("lexicon/gendered-nouns.txt"))
                .flat_map(|l| {
                    let mut w = l.split_ascii_whitespace();
                    let g = gender_of(w.next().unwrap_or(""));
                    w.map(move |n| (n, g))
                })
                .collect(),
            orgs_by_first: index_by(&known_orgs, |org| org.first().copied()),
            orgs_by_last: index_by(&known_orgs, |org| org.last().copied()),
            known_orgs,
            documents: set_of(include_str!("lexicon/documents.txt")),
            pronouns,
            common: set_of(include_str!("lexicon/common-words.txt")),
            time_words: set_of(include_str!("lexicon/time-words.txt")),
            post_nominals: set_of(include_str!("lexicon/post-nominals.txt")),
            term_labels: set_of(include_str!("lexicon/term-labels.txt")),
            furniture: entries(include_str!("lexicon/furniture.txt")).collect(),
            abbreviations: set_of(include_str!("lexicon/abbreviations.txt")),
            first_names,
            nicknames: {
                let mut map: HashMap<&'static str, Vec<&'static str>> = HashMap::default();
                for line in entries(include_str!("lexicon/nicknames.txt")) {
                    let mut it = line.split_ascii_whitespace();
                    let Some(formal) = it.next() else { continue };
                    for nick in it {
                        map.entry(nick).or_default().push(formal);
                    }
                }
                map
            },
            place_prepositions: entries(include_str!("lexicon/places.txt"))
                .filter_map(|l| l.strip_prefix("before:"))
                .flat_map(str::split_ascii_whitespace)
                .collect(),
            place_heads: entries(include_str!("lexicon/places.txt"))
                .filter(|l| !l.starts_with("before:"))
                .flat_map(str::split_ascii_whitespace)
                .collect(),
            passive_be: part("be:"),
            passive_between: part("between:"),
            irregular_participles: part("participle:"),
        }
    }

    /// The lemma of a cue usable anywhere ("said" -> "say").
    pub fn cue(&self, lower: &str) -> Option<&'static str> {
        self.cues.get(lower).copied()
    }
    /// Known organisations whose first word is `word` (as written), in lexicon order.
    pub fn orgs_starting(&self, word: &str) -> impl Iterator<Item = &[&'static str]> {
        let found = self.orgs_by_first.get(word).map_or(&[][..], Vec::as_slice);
        found.iter().map(|&i| self.known_orgs[i].as_slice())
    }
    /// Known organisations whose last word is `word` (as written), in lexicon order.
    pub fn orgs_ending(&self, word: &str) -> impl Iterator<Item = &[&'static str]> {
        let found = self.orgs_by_last.get(word).map_or(&[][..], Vec::as_slice);
        found.iter().map(|&i| self.known_orgs[i].as_slice())
    }
    /// The [`SPEECH_WORD`] and [`CLAIM_START`] bits of a lower-case word.
    pub fn word_flags(&self, lower: &str) -> u8 {
        self.word_flags.get(lower).copied().unwrap_or(0)
    }
    /// The lemma of a cue that reports speech or belief outside quotes.
    pub fn report_cue(&self, lower: &str) -> Option<&'static str> {
        self.cue(lower)
            .or_else(|| self.report_cues.get(lower).copied())
    }
    /// The lemma of any cue, tag-only ones included.
    pub fn tag_cue(&self, lower: &str) -> Option<&'static str> {
        self.cue(lower)
            .or_else(|| self.tag_cues.get(lower).copied())
    }
    pub fn honorific(&self, lower: &str) -> Option<Gender> {
        self.honorifics.get(lower).copied()
    }
    /// The title an honorific written short stands for: "Sen." → "senator".
    pub fn rank_title(&self, lower: &str) -> Option<&'static str> {
        self.rank_titles.get(lower).copied()
    }
    /// Whether some short rank stands for this title ("senator").
    pub fn is_rank_title(&self, lower: &str) -> bool {
        self.rank_titles.values().any(|&t| t == lower)
    }
    pub fn is_title(&self, lower: &str) -> bool {
        self.titles.contains(lower)
    }
    /// A word that belongs in a role: a title or a title modifier ("press").
    pub fn is_role_word(&self, lower: &str) -> bool {
        self.titles.contains(lower) || self.title_modifiers.contains(lower)
    }
    pub fn is_body_part(&self, lower: &str) -> bool {
        self.body_parts.contains(lower)
    }
    pub fn is_vague_head(&self, lower: &str) -> bool {
        self.vague_heads.contains(lower)
    }
    /// The singular of a vague head: "source" of "sources".
    pub fn is_vague_singular(&self, lower: &str) -> bool {
        self.vague_singulars.contains(lower)
    }
    /// A type noun that stands for the body that spoke before ("the utility").
    pub fn is_org_type(&self, lower: &str) -> bool {
        self.org_types.contains(lower)
    }

    /// The gender a noun says its person has ("spokeswoman", "father").
    pub fn noun_gender(&self, lower: &str) -> Option<Gender> {
        self.noun_genders.get(lower).copied()
    }

    /// A noun that describes one person named before: "local", "mother", "46-year-old";
    /// not a plural ("women").
    pub fn is_person_noun(&self, lower: &str) -> bool {
        // "the man" as often means one the story never names ("a man interrupted"), and
        // "the prince" is a title.
        let gendered = self.noun_gender(lower).is_some()
            && !matches!(lower, "man" | "woman" | "boy" | "girl")
            && !lower.ends_with("men")
            && self.honorific(lower).is_none();
        is_age(lower) || gendered || self.person_nouns.contains(lower)
    }

    /// One who speaks for a body: "spokesperson", "representative".
    pub fn is_voice(&self, lower: &str) -> bool {
        self.voices.contains(lower)
    }

    pub fn is_org_word(&self, lower: &str) -> bool {
        self.org_words.contains(lower)
    }
    pub fn is_document(&self, lower: &str) -> bool {
        self.documents.contains(lower)
    }
    pub fn pronoun(&self, lower: &str) -> Option<PronounRef> {
        self.pronouns.get(lower).copied()
    }
    pub fn is_common(&self, lower: &str) -> bool {
        self.common.contains(lower)
    }
    pub fn is_time_word(&self, lower: &str) -> bool {
        self.time_words.contains(lower)
    }
    /// `word` as written: "MP", not "Mp".
    pub fn is_post_nominal(&self, word: &str) -> bool {
        self.post_nominals.contains(word)
    }
    /// A paragraph of page furniture: "READ MORE: …", "WATCH: …", "Also on HuffPost:".
    pub fn is_furniture(&self, paragraph: &str) -> bool {
        // A label is short: look for its colon only where one could be.
        let Some(colon) = paragraph.bytes().take(25).position(|b| b == b':') else {
            return false;
        };
        let label = &paragraph[..colon];
        label.len() <= 24
            && self
                .furniture
                .contains(label.trim().to_lowercase().as_str())
    }
    pub fn is_term_label(&self, lower: &str) -> bool {
        self.term_labels.contains(lower)
    }
    pub fn is_abbreviation(&self, lower: &str) -> bool {
        self.abbreviations.contains(lower)
    }
    /// The formal given names a familiar form stands for ("lizzy" -> elizabeth).
    pub fn formal_names(&self, lower: &str) -> &[&'static str] {
        self.nicknames.get(lower).map_or(&[], Vec::as_slice)
    }
    /// A preposition that puts a name in a place ("in", "at").
    pub fn is_place_preposition(&self, lower: &str) -> bool {
        self.place_prepositions.contains(lower)
    }
    /// The last word of a place's name ("street", "house").
    pub fn is_place_head(&self, lower: &str) -> bool {
        self.place_heads.contains(lower)
    }
    pub fn first_name(&self, lower: &str) -> Option<Gender> {
        self.first_names.get(lower).copied()
    }
}

/// The built-in lexicon.
/// A word that can open reported speech outside quotes: a cue usable anywhere, a report
/// cue, a participle, the first word of a source-first cue.
pub const SPEECH_WORD: u8 = 1;
/// The first word of a phrase in `claims.txt`.
pub const CLAIM_START: u8 = 2;
/// A colon, which can end a headline's source ("Premier Ann Cole: “…”"); set by the tokenizer.
pub const COLON: u8 = 4;

pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::parse)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_hold_no_whitespace_but_ascii() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/engine/lexicon");
        let mut read = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let odd = text.chars().find(|c| c.is_whitespace() && !c.is_ascii());
            assert_eq!(odd, None, "{} holds non-ASCII whitespace", path.display());
            read += 1;
        }
        assert!(read >= 26, "read {read} lists");
    }

    #[test]
    fn lists_parse() {
        let lex = lexicon();
        assert_eq!(lex.cue("said"), Some("say"));
        assert_eq!(lex.cue("retorted"), None);
        assert_eq!(lex.tag_cue("retorted"), Some("retort"));
        assert_eq!(lex.honorific("mrs"), Some(Gender::Female));
        assert!(lex.is_title("spokesperson"));
        assert!(!lex.is_title("press") && lex.is_role_word("press"));
        assert!(lex.is_vague_head("critics"));
        assert_eq!(lex.pronoun("she"), Some(PronounRef::Female));
        assert_eq!(lex.first_name("elizabeth"), Some(Gender::Female));
        assert!(lex.participles.contains("reiterating"));
        assert!(lex
            .claims
            .iter()
            .any(|(c, p)| *c == FindingCode::PassiveAttribution && p == &["it", "is", "believed"]));
    }
}
