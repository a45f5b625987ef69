//! Sources report: who gets quoted, per article and over many, added up from `annotate`'s
//! JSON (so a report over an archive is a reduce over annotations computed anywhere).
//! Pure: annotation records in, a [`Report`] out; `text`, `csv` and `html` only render it.

pub mod csv;
pub mod html;
pub mod text;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// What the report reads of one `annotate` output line.
#[derive(Deserialize, Debug)]
pub struct Annotation {
    pub id: String,
    pub quotes: Vec<QuoteRecord>,
    pub actors: Vec<ActorRecord>,
    #[serde(default)]
    pub findings: Vec<FindingRecord>,
}

#[derive(Deserialize, Debug)]
pub struct QuoteRecord {
    pub kind: String,
    pub actor: Option<usize>,
    #[serde(default)]
    pub text: String,
}

#[derive(Deserialize, Debug)]
pub struct ActorRecord {
    pub name: String,
    pub kind: String,
    pub role: Option<String>,
    #[serde(default = "unknown")]
    pub gender: String,
}

#[derive(Deserialize, Debug)]
pub struct FindingRecord {
    pub code: String,
}

fn unknown() -> String {
    "unknown".into()
}

/// Quote kinds counted, in the order shown.
pub const KINDS: [&str; 3] = ["direct", "mixed", "indirect"];
/// Source types counted, in the order shown: an actor's kind, or none.
pub const SOURCE_TYPES: [&str; 7] = [
    "person",
    "organisation",
    "document",
    "anonymous",
    "vague",
    "group",
    "none",
];

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct Report {
    pub articles: usize,
    pub quotes: usize,
    /// Words inside the quotes, all kinds.
    pub quoted_words: usize,
    pub by_kind: BTreeMap<String, usize>,
    pub by_source_type: BTreeMap<String, usize>,
    /// Share of the quoted words by source type, 0 to 1, four decimals.
    pub words_share_by_source_type: BTreeMap<String, f64>,
    pub unattributed: usize,
    /// Findings of the kinds `vague-source` and `anonymous-source`.
    pub vague_or_anonymous_claims: usize,
    /// People, organisations and documents quoted, most quoted first; one row per canonical
    /// name and kind across articles.
    pub actors: Vec<ActorRow>,
    pub per_article: Vec<ArticleRow>,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct ActorRow {
    pub name: String,
    pub kind: String,
    pub role: Option<String>,
    /// Only as the text refers to them (pronouns, honorifics); `unknown` otherwise.
    pub gender: String,
    pub quotes: usize,
    pub words: usize,
    pub articles: usize,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct ArticleRow {
    pub id: String,
    pub quotes: usize,
    pub by_kind: BTreeMap<String, usize>,
    pub by_source_type: BTreeMap<String, usize>,
    /// Distinct actors quoted.
    pub sources: usize,
    pub unattributed: usize,
    pub vague_or_anonymous_claims: usize,
    pub actors: Vec<ActorRow>,
}

impl Report {
    /// "5 direct, 4 mixed, 0 indirect".
    pub fn kinds_summary(&self) -> String {
        KINDS
            .iter()
            .map(|k| format!("{} {k}", self.by_kind.get(*k).copied().unwrap_or(0)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Adds annotations up, one at a time, in input order.
#[derive(Default)]
pub struct Builder {
    articles: Vec<ArticleRow>,
    /// (name, kind) -> the row and the last article that counted it.
    actors: BTreeMap<(String, String), (ActorRow, usize)>,
    /// (name, kind) -> how many articles gave each role: the row shows the commonest.
    roles: BTreeMap<(String, String), BTreeMap<String, usize>>,
    words_by_type: BTreeMap<String, usize>,
}

fn zeroes(keys: &[&str]) -> BTreeMap<String, usize> {
    keys.iter().map(|k| (k.to_string(), 0)).collect()
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The name a person is counted under across articles: without middle initials, so that
/// "Donald J. Trump" and "Donald Trump" are one row (the row shows the first form seen).
pub fn same_person(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let last = words.len().saturating_sub(1);
    words
        .iter()
        .enumerate()
        .filter(|&(i, w)| {
            let initial = w.trim_end_matches('.').chars().count() == 1;
            i == 0 || i == last || !initial
        })
        .map(|(_, w)| *w)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Gender across articles: the same word everywhere it is known, else unknown.
fn merge_gender(a: &str, b: &str) -> String {
    match (a, b) {
        ("unknown", x) | (x, "unknown") => x.to_string(),
        (x, y) if x == y => x.to_string(),
        _ => "unknown".into(),
    }
}

impl Builder {
    pub fn add(&mut self, doc: &Annotation) {
        let article = self.articles.len();
        let mut row = ArticleRow {
            id: doc.id.clone(),
            quotes: 0,
            by_kind: zeroes(&KINDS),
            by_source_type: zeroes(&SOURCE_TYPES),
            sources: 0,
            unattributed: 0,
            vague_or_anonymous_claims: doc
                .findings
                .iter()
                .filter(|f| matches!(f.code.as_str(), "vague-source" | "anonymous-source"))
                .count(),
            actors: Vec::new(),
        };
        let mut by_actor: BTreeMap<usize, ActorRow> = BTreeMap::new();
        for q in &doc.quotes {
            row.quotes += 1;
            *row.by_kind.entry(q.kind.clone()).or_default() += 1;
            let n = words(&q.text);
            let actor = q.actor.and_then(|i| doc.actors.get(i).map(|a| (i, a)));
            let kind = actor.map_or("none", |(_, a)| a.kind.as_str());
            *row.by_source_type.entry(kind.to_string()).or_default() += 1;
            *self.words_by_type.entry(kind.to_string()).or_default() += n;
            match actor {
                None => row.unattributed += 1,
                Some((i, a)) => {
                    let r = by_actor.entry(i).or_insert_with(|| ActorRow {
                        name: a.name.clone(),
                        kind: a.kind.clone(),
                        role: a.role.clone(),
                        gender: a.gender.clone(),
                        quotes: 0,
                        words: 0,
                        articles: 1,
                    });
                    r.quotes += 1;
                    r.words += n;
                }
            }
        }
        // One row per canonical name within the article, too (two ids, one name).
        let mut merged: BTreeMap<(String, String), ActorRow> = BTreeMap::new();
        for r in by_actor.into_values() {
            let key = (same_person(&r.name), r.kind.clone());
            match merged.get_mut(&key) {
                Some(m) => {
                    m.quotes += r.quotes;
                    m.words += r.words;
                    m.role = m.role.take().or(r.role);
                    m.gender = merge_gender(&m.gender, &r.gender);
                }
                None => {
                    merged.insert(key, r);
                }
            }
        }
        for (key, r) in &merged {
            if let Some(role) = &r.role {
                *self
                    .roles
                    .entry(key.clone())
                    .or_default()
                    .entry(role.clone())
                    .or_default() += 1;
            }
            match self.actors.get_mut(key) {
                Some((total, last)) => {
                    total.quotes += r.quotes;
                    total.words += r.words;
                    if total.role.is_none() {
                        total.role = r.role.clone();
                    }
                    total.gender = merge_gender(&total.gender, &r.gender);
                    if *last != article {
                        total.articles += 1;
                        *last = article;
                    }
                }
                None => {
                    self.actors.insert(key.clone(), (r.clone(), article));
                }
            }
        }
        row.sources = merged.len();
        row.actors = sorted(merged.into_values().collect());
        self.articles.push(row);
    }

    pub fn finish(self) -> Report {
        let mut by_kind = zeroes(&KINDS);
        let mut by_source_type = zeroes(&SOURCE_TYPES);
        let (mut quotes, mut unattributed, mut claims) = (0, 0, 0);
        for a in &self.articles {
            quotes += a.quotes;
            unattributed += a.unattributed;
            claims += a.vague_or_anonymous_claims;
            for (k, n) in &a.by_kind {
                *by_kind.entry(k.clone()).or_default() += n;
            }
            for (k, n) in &a.by_source_type {
                *by_source_type.entry(k.clone()).or_default() += n;
            }
        }
        let quoted_words: usize = self.words_by_type.values().sum();
        let words_share_by_source_type = SOURCE_TYPES
            .iter()
            .map(|k| {
                let n = self.words_by_type.get(*k).copied().unwrap_or(0);
                let share = if quoted_words == 0 {
                    0.0
                } else {
                    (n as f64 / quoted_words as f64 * 10_000.0).round() / 10_000.0
                };
                (k.to_string(), share)
            })
            .collect();
        Report {
            articles: self.articles.len(),
            quotes,
            quoted_words,
            by_kind,
            by_source_type,
            words_share_by_source_type,
            unattributed,
            vague_or_anonymous_claims: claims,
            actors: sorted(
                self.actors
                    .into_iter()
                    .map(|(key, (mut r, _))| {
                        if let Some(roles) = self.roles.get(&key) {
                            // The commonest role; the first in order among equals.
                            let best = roles.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)));
                            r.role = best.map(|(role, _)| role.clone());
                        }
                        r
                    })
                    .collect(),
            ),
            per_article: self.articles,
        }
    }
}

/// `s` cut to `width` characters, an ellipsis in the last one when it had to be cut.
pub(crate) fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
    t.push('…');
    t
}

/// Most quoted first, then by name: the order every form shows.
fn sorted(mut rows: Vec<ActorRow>) -> Vec<ActorRow> {
    rows.sort_by(|a, b| {
        b.quotes
            .cmp(&a.quotes)
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.kind.cmp(&b.kind))
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, json: &str) -> Annotation {
        let mut a: Annotation = serde_json::from_str(json).expect("annotation");
        a.id = id.into();
        a
    }

    #[test]
    fn one_person_across_articles_is_one_row() {
        let a = doc(
            "a",
            r#"{"id":"a","quotes":[{"kind":"direct","actor":0,"text":"We are ready now"},
                {"kind":"indirect","actor":1,"text":"talks stalled"},{"kind":"direct","actor":null,"text":"No."}],
               "actors":[{"name":"Ana Ruiz","kind":"person","role":"mayor","gender":"female"},
                {"name":"officials","kind":"vague","role":null}],
               "findings":[{"code":"vague-source"},{"code":"unattributed-quote"}]}"#,
        );
        let b = doc(
            "b",
            r#"{"id":"b","quotes":[{"kind":"mixed","actor":0,"text":"a disgrace"}],
               "actors":[{"name":"Ana Ruiz","kind":"person","role":null,"gender":"unknown"}]}"#,
        );
        let mut builder = Builder::default();
        builder.add(&a);
        builder.add(&b);
        let r = builder.finish();
        assert_eq!((r.articles, r.quotes, r.quoted_words), (2, 4, 9));
        assert_eq!(r.by_kind["direct"], 2);
        assert_eq!(r.by_kind["mixed"], 1);
        assert_eq!(r.by_source_type["person"], 2);
        assert_eq!(r.by_source_type["vague"], 1);
        assert_eq!(r.by_source_type["none"], 1);
        assert_eq!(r.words_share_by_source_type["person"], 0.6667);
        assert_eq!((r.unattributed, r.vague_or_anonymous_claims), (1, 1));
        let ruiz = &r.actors[0];
        assert_eq!(
            (
                ruiz.name.as_str(),
                ruiz.role.as_deref(),
                ruiz.gender.as_str()
            ),
            ("Ana Ruiz", Some("mayor"), "female")
        );
        assert_eq!((ruiz.quotes, ruiz.words, ruiz.articles), (2, 6, 2));
        assert_eq!(r.per_article[0].sources, 2);
        assert_eq!(r.per_article[1].actors[0].quotes, 1);
    }

    #[test]
    fn a_middle_initial_is_the_same_person() {
        assert_eq!(same_person("Donald J. Trump"), "Donald Trump");
        assert_eq!(same_person("Harry M Reid"), "Harry Reid");
        // Initials that are the whole given name stay: "J. Smith" is not "Smith".
        assert_eq!(same_person("J. Smith"), "J. Smith");
        assert_eq!(same_person("Ana Ruiz"), "Ana Ruiz");
    }
}
