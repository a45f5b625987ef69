//! `whosaid report`, recounted here from `annotate`'s JSON with code of its own, so that a
//! wrong count in the report cannot hide behind the same mistake.

mod common;

use std::collections::BTreeMap;
use std::process::Output;

use serde_json::Value;

fn whosaid(args: &[&str], stdin: &str) -> Output {
    common::run_cli(args, Some(stdin))
}

/// The project's own documents, and the GGT news corpus beside the repo when it is there.
fn documents() -> String {
    let mut lines = String::new();
    let mut paths: Vec<_> = std::fs::read_dir("tests/golden")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths.insert(0, "seeds/000_11b1216a67c8be3c.txt".into());
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        let format = if p.extension().is_some_and(|e| e == "md") {
            "markdown"
        } else {
            "plain"
        };
        let line =
            serde_json::json!({"id": p.display().to_string(), "text": text, "format": format});
        lines.push_str(&line.to_string());
        lines.push('\n');
    }
    if let Ok(ggt) = std::fs::read_to_string("../shared/corpora/ggt-dev.jsonl") {
        lines.push_str(&ggt);
    }
    lines
}

fn stdout(out: Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// One person across spellings, as the report counts them: middle initials dropped.
fn person(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
    let mut kept = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let middle = i > 0 && i + 1 < words.len();
        if !(middle && w.trim_end_matches('.').chars().count() == 1) {
            kept.push(*w);
        }
    }
    kept.join(" ")
}

#[test]
fn the_report_agrees_with_the_annotations_it_comes_from() {
    let docs = documents();
    let annotations = stdout(whosaid(&["annotate", "--jsonl", "-"], &docs));
    let report: Value = serde_json::from_str(&stdout(whosaid(
        &["report", "--format", "json", "--jsonl", "-"],
        &docs,
    )))
    .unwrap();

    // The recount: straight from the annotation lines.
    let (mut articles, mut quotes, mut words, mut unattributed, mut claims) = (0, 0, 0, 0, 0);
    let mut by_kind: BTreeMap<String, u64> = BTreeMap::new();
    let mut by_type: BTreeMap<String, u64> = BTreeMap::new();
    let mut per_name: BTreeMap<(String, String), (u64, u64)> = BTreeMap::new();
    for line in annotations.lines() {
        let doc: Value = serde_json::from_str(line).unwrap();
        articles += 1;
        let mut seen = std::collections::BTreeSet::new();
        for q in doc["quotes"].as_array().unwrap() {
            quotes += 1;
            words += q["text"].as_str().unwrap().split_whitespace().count() as u64;
            *by_kind
                .entry(q["kind"].as_str().unwrap().into())
                .or_default() += 1;
            match q["actor"].as_u64() {
                None => {
                    unattributed += 1;
                    *by_type.entry("none".into()).or_default() += 1;
                }
                Some(i) => {
                    let a = &doc["actors"][i as usize];
                    let kind = a["kind"].as_str().unwrap().to_string();
                    *by_type.entry(kind.clone()).or_default() += 1;
                    let key = (person(a["name"].as_str().unwrap()), kind);
                    let e = per_name.entry(key.clone()).or_default();
                    e.0 += 1;
                    if seen.insert(key) {
                        e.1 += 1;
                    }
                }
            }
        }
        claims += doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| {
                matches!(
                    f["code"].as_str(),
                    Some("vague-source" | "anonymous-source")
                )
            })
            .count() as u64;
    }
    assert!(
        articles > 10 && quotes > 50,
        "{articles} articles, {quotes} quotes"
    );
    assert_eq!(report["articles"], articles);
    assert_eq!(report["quotes"], quotes);
    assert_eq!(report["quoted_words"], words);
    assert_eq!(report["unattributed"], unattributed);
    assert_eq!(report["vague_or_anonymous_claims"], claims);
    for (kind, n) in &by_kind {
        assert_eq!(report["by_kind"][kind], *n, "by_kind {kind}");
    }
    for (t, n) in report["by_source_type"].as_object().unwrap() {
        assert_eq!(
            *n,
            by_type.get(t).copied().unwrap_or(0),
            "by_source_type {t}"
        );
    }
    let actors = report["actors"].as_array().unwrap();
    assert_eq!(actors.len(), per_name.len());
    for a in actors {
        let key = (
            person(a["name"].as_str().unwrap()),
            a["kind"].as_str().unwrap().to_string(),
        );
        let (q, arts) = per_name[&key];
        assert_eq!(
            (
                a["quotes"].as_u64().unwrap(),
                a["articles"].as_u64().unwrap()
            ),
            (q, arts),
            "{key:?}"
        );
    }
    // Most quoted first.
    let counts: Vec<u64> = actors
        .iter()
        .map(|a| a["quotes"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));

    // The same report from the annotations, byte for byte: a reduce over them.
    let from_docs = stdout(whosaid(
        &["report", "--format", "json", "--jsonl", "-"],
        &docs,
    ));
    let from_annotations = stdout(whosaid(
        &["report", "--format", "json", "--annotations", "-"],
        &annotations,
    ));
    assert_eq!(from_docs, from_annotations);

    // CSV: a header and one row per actor per article.
    let csv = stdout(whosaid(
        &["report", "--format", "csv", "--annotations", "-"],
        &annotations,
    ));
    let rows: usize = report["per_article"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["actors"].as_array().unwrap().len())
        .sum();
    assert_eq!(
        csv.lines().next(),
        Some("article,name,kind,role,gender,quotes,words")
    );
    assert_eq!(csv.lines().count(), rows + 1);
}

#[test]
fn the_seed_article_reported_for_a_person() {
    let seed = std::fs::read_to_string("seeds/000_11b1216a67c8be3c.txt").unwrap();
    let line = serde_json::json!({"id": "seed", "text": seed}).to_string();
    let text = stdout(whosaid(
        &["report", "--format", "text", "--jsonl", "-"],
        &line,
    ));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "1 article, 9 quotes (5 direct, 4 mixed, 0 indirect), 290 quoted words"
    );
    assert!(
        lines.contains(&"  person                 7   82.1%"),
        "{text}"
    );
    assert!(
        lines.contains(&"  document               2   17.9%"),
        "{text}"
    );
    assert!(
        lines.iter().any(
            |l| l.starts_with("  Pat Ryder (person, Pentagon Press Secretary, male)")
                && l.ends_with("3         1")
        ),
        "{text}"
    );
    // Gender only as the text refers to them: the seed never gives Gallant a pronoun.
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("  Yoav Gallant (person, Defense Minister, unknown)")),
        "{text}"
    );
}

#[test]
fn a_broken_annotation_line_is_named() {
    let good = r#"{"id": "a", "quotes": [], "actors": []}"#;
    let out = whosaid(
        &["report", "--annotations", "-"],
        &format!("{good}\nnot json\n"),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("whosaid: -:2: not an annotation line ("),
        "{err}"
    );
    assert!(
        err.trim_end()
            .ends_with("expected `whosaid annotate --jsonl` output"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}
