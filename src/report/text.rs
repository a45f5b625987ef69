//! The report for a person at a terminal: totals, sources by type, the most quoted, and a
//! line per article.

use std::fmt::Write;

use super::{clip, Report, SOURCE_TYPES};
use crate::present::count;

/// How many of the most quoted the table shows.
const TOP: usize = 20;

pub fn render(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}, {} quotes ({}), {} quoted words",
        count(r.articles, "article", "articles"),
        r.quotes,
        r.kinds_summary(),
        r.quoted_words
    );
    let _ = writeln!(out, "\nSources by type     quotes  share of quoted words");
    for t in SOURCE_TYPES {
        let n = r.by_source_type.get(t).copied().unwrap_or(0);
        let share = r.words_share_by_source_type.get(t).copied().unwrap_or(0.0);
        let _ = writeln!(out, "  {t:<16} {n:>7}  {:>5.1}%", share * 100.0);
    }
    let _ = writeln!(
        out,
        "\nUnattributed quotes: {} · vague or anonymous claims: {}",
        r.unattributed, r.vague_or_anonymous_claims
    );
    if !r.actors.is_empty() {
        let _ = writeln!(
            out,
            "\nMost quoted                                          quotes  articles"
        );
        for a in r.actors.iter().take(TOP) {
            let mut about = vec![a.kind.clone()];
            about.extend(a.role.clone());
            if a.kind == "person" {
                about.push(a.gender.clone());
            }
            let who = format!("{} ({})", a.name, about.join(", "));
            let _ = writeln!(
                out,
                "  {:<50} {:>6}  {:>8}",
                clip(&who, 50),
                a.quotes,
                a.articles
            );
        }
        if r.actors.len() > TOP {
            let _ = writeln!(out, "  … and {} more", r.actors.len() - TOP);
        }
    }
    if r.per_article.len() > 1 {
        let _ = writeln!(out, "\nPer article");
        for a in &r.per_article {
            let _ = writeln!(
                out,
                "  {}: {} quotes, {}, {} unattributed",
                a.id,
                a.quotes,
                count(a.sources, "source", "sources"),
                a.unattributed
            );
        }
    }
    out
}
