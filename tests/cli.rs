//! The CLI as a pipeline or CI sees it: the real binary, its output and exit codes.

mod common;

use std::process::Output;

fn whosaid(args: &[&str], stdin: Option<&str>) -> Output {
    common::run_cli(args, stdin)
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("whosaid-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn annotate_jsonl_uses_code_point_offsets() {
    // The emoji is one code point but four bytes: offsets must count code points.
    let text = "😀 “We will win,” said Jane Holt.";
    let line = serde_json::json!({"id": "doc-1", "text": text}).to_string();
    let out = whosaid(&["annotate", "--jsonl", "-"], Some(&format!("{line}\n\n")));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1);
    let doc: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(doc["id"], "doc-1");
    let q = &doc["quotes"][0];
    let chars: Vec<char> = text.chars().collect();
    let (s, e) = (
        q["start"].as_u64().unwrap() as usize,
        q["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(chars[s..e].iter().collect::<String>(), "“We will win,”");
    assert_eq!(q["speaker"], "Jane Holt");
    assert_eq!(q["cue"], "said");
    assert_eq!(q["method"], "cue");
    assert_eq!(q["kind"], "direct");
    let (ms, me) = (
        q["speaker_start"].as_u64().unwrap() as usize,
        q["speaker_end"].as_u64().unwrap() as usize,
    );
    assert_eq!(chars[ms..me].iter().collect::<String>(), "Jane Holt");
    assert_eq!(doc["actors"][0]["name"], "Jane Holt");
    assert_eq!(doc["actors"][0]["kind"], "person");
}

#[test]
fn annotate_jsonl_reports_a_bad_line_and_goes_on() {
    let good = serde_json::json!({"id": 7, "text": "“Fine words here,” Holt said."}).to_string();
    let out = whosaid(
        &["annotate", "--jsonl"],
        Some(&format!("{{not json\n{good}\n")),
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("<stdin>:1: not a document line"),
        "{stderr}"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let doc: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(doc["id"], "7");
    assert_eq!(doc["quotes"][0]["speaker"], "Holt");
}

#[test]
fn annotate_jsonl_on_every_core_keeps_the_input_order() {
    // Documents of very different lengths, so later ones finish first on other threads.
    let people = [
        "Ann Cole",
        "Bea Kowalski",
        "Sam Odell",
        "Hugo Lindqvist",
        "Dana Lowe",
    ];
    let mut input = String::new();
    for i in 0..60 {
        let who = people[i % people.len()];
        let body = "“The road stays closed,” said the inspector. ".repeat(1 + (59 - i) * 3);
        let text = format!("{body}“We will reopen it in May,” said {who}.");
        input.push_str(&serde_json::json!({"id": format!("doc-{i}"), "text": text}).to_string());
        input.push('\n');
        if i == 30 {
            input.push_str("{\"id\": \"broken\"}\n");
        }
    }
    let serial = whosaid(&["annotate", "--jsonl", "-j", "1", "-"], Some(&input));
    let parallel = whosaid(&["annotate", "--jsonl", "-j", "3", "-"], Some(&input));
    assert_eq!(
        serial.status.code(),
        Some(2),
        "the broken line fails the run"
    );
    assert_eq!(parallel.status.code(), Some(2));
    assert_eq!(parallel.stdout, serial.stdout);
    assert_eq!(
        String::from_utf8_lossy(&parallel.stderr),
        "whosaid: <stdin>:32: not a document line (missing field `text` at line 1 column 16); \
         expected {\"id\", \"text\"}\n"
    );
    let stdout = String::from_utf8(parallel.stdout).unwrap();
    let docs: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 60);
    for (i, doc) in docs.iter().enumerate() {
        assert_eq!(doc["id"], format!("doc-{i}"));
        let last = doc["quotes"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(last["speaker"], people[i % people.len()], "doc-{i}");
    }
}

#[test]
fn annotate_reads_as_who_said_what_for_a_person_and_stays_json_in_a_pipe() {
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_11b1216a67c8be3c.txt"
    );
    let out = whosaid(&["annotate", "--format", "text", seed], None);
    assert!(out.status.success());
    let shown = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = shown.lines().collect();
    assert!(
        lines[0].ends_with("000_11b1216a67c8be3c.txt: news, 9 quotes, 16 actors"),
        "{}",
        lines[0]
    );
    assert_eq!(
        lines[1..6],
        [
            "",
            "partly quoted: the two discussed “the need to increase…",
            "    Pat Ryder, Pentagon Press Secretary · “said” · a named speaker with a cue",
            "",
            "“Secretary Austin discussed US progress…”",
        ]
    );
    assert!(shown.contains(
        "\n“This operation will continue as…”\n    Yoav Gallant, Defense Minister · continuing the previous quote\n"
    ));
    let who = lines
        .iter()
        .position(|l| *l == "Who was quoted")
        .expect("the actors");
    assert_eq!(
        lines[who + 1..who + 3],
        [
            "  Pat Ryder (person, Pentagon Press Secretary): 3 quotes",
            "  Yoav Gallant (person, Defense Minister): 2 quotes",
        ]
    );
    // Piped, with no --format: today's JSON, for pipelines.
    let piped = whosaid(&["annotate", seed], None);
    let doc: serde_json::Value = serde_json::from_slice(&piped.stdout).expect("JSON in a pipe");
    assert_eq!(doc["quotes"].as_array().map(Vec::len), Some(9));
}

#[test]
fn annotate_files_prints_one_object_each() {
    let out = whosaid(&["annotate", "seeds/000_11b1216a67c8be3c.txt"], None);
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["quotes"].as_array().unwrap().len(), 9);
    assert_eq!(doc["quotes"][2]["speaker"], "Pat Ryder");
    assert_eq!(doc["quotes"][2]["cue"], "noted");
    assert_eq!(doc["quotes"][2]["method"], "pronoun");
}

#[test]
fn check_prints_findings_and_fails_on_them() {
    let dir = temp_dir("check");
    let path = dir.join("draft.txt");
    std::fs::write(
        &path,
        "Intro line.\n\n“This will never work.”\n\nCritics say the plan is flawed.\n",
    )
    .unwrap();
    let p = path.to_str().unwrap();
    let out = whosaid(&["check", p], None);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout,
        format!(
            "{p}:3:1: warning[unattributed-quote]: Quote has no speaker: say who said it\n\
             {p}:5:1: info[vague-source]: Vague source “Critics”: name who says so\n\
             2 findings (1 warning, 1 info) in 1 file\n"
        )
    );
    // Only warnings fail with --fail-on warning; --ignore drops a code.
    let out = whosaid(
        &[
            "check",
            "--fail-on",
            "warning",
            "--ignore",
            "unattributed-quote",
            p,
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let out = whosaid(&["check", "--format", "json", p], None);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["findings"][1]["code"], "vague-source");
    assert_eq!(report["findings"][1]["line"], 5);
    assert_eq!(report["findings"][1]["end_column"], 8);
    assert_eq!(report["files_checked"], 1);
}

#[test]
fn check_seed_is_clean() {
    let out = whosaid(&["check", "seeds/000_11b1216a67c8be3c.txt"], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "no findings in 1 file\n"
    );
}

#[test]
fn check_names_unreadable_files_and_checks_the_rest() {
    let dir = temp_dir("bad");
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"caf\xe9 \"quote\"").unwrap();
    let missing = dir.join("missing.txt");
    let out = whosaid(
        &[
            "check",
            missing.to_str().unwrap(),
            dir.to_str().unwrap(),
            latin1.to_str().unwrap(),
            "seeds/000_11b1216a67c8be3c.txt",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(&format!("{}: No such file", missing.display())),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{}: is a directory", dir.display())),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{}: not UTF-8 text (invalid byte at offset 3)",
            latin1.display()
        )),
        "{stderr}"
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "no findings in 1 file\n"
    );
}

#[test]
fn unknown_finding_code_is_named() {
    let out = whosaid(
        &[
            "check",
            "--ignore",
            "nonsense",
            "seeds/000_11b1216a67c8be3c.txt",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown finding code 'nonsense'"));
}

#[test]
fn annotate_gives_interrupted_quotes_their_parts_and_every_quote_its_text() {
    let text = "“We will rebuild,” said Mayor Jane Holt. “It will take a year.”";
    let line = serde_json::json!({"id": "parts", "text": text}).to_string();
    let out = whosaid(&["annotate", "--jsonl", "-"], Some(&format!("{line}\n")));
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let q = &doc["quotes"][0];
    assert_eq!(doc["quotes"].as_array().unwrap().len(), 1);
    assert_eq!(q["speaker"], "Jane Holt");
    let chars: Vec<char> = text.chars().collect();
    let piece = |p: &serde_json::Value| -> String {
        let (s, e) = (
            p[0].as_u64().unwrap() as usize,
            p[1].as_u64().unwrap() as usize,
        );
        chars[s..e].iter().collect()
    };
    let parts = q["parts"].as_array().unwrap();
    assert_eq!(parts.len(), 2);
    assert_eq!(piece(&parts[0]), "“We will rebuild,”");
    assert_eq!(piece(&parts[1]), "“It will take a year.”");
    assert_eq!(q["text"], "We will rebuild, It will take a year.");
}

#[test]
fn a_speech_over_paragraphs_has_a_part_a_paragraph() {
    // Each paragraph reopens the quote; the first opens it twice by a slip of the keyboard.
    let text = "Chief Superintendent Mike Fawcett said: ““We remain in the early stages.\n\n\
                “I would appeal to anyone in the area.\n\n\
                “Please contact my officers.”\n\nThe inquiry goes on.\n";
    let line = serde_json::json!({"id": "speech", "text": text}).to_string();
    let out = whosaid(&["annotate", "--jsonl", "-"], Some(&format!("{line}\n")));
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let quotes = doc["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0]["speaker"], "Mike Fawcett");
    let chars: Vec<char> = text.chars().collect();
    let pieces: Vec<String> = quotes[0]["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            chars[p[0].as_u64().unwrap() as usize..p[1].as_u64().unwrap() as usize]
                .iter()
                .collect()
        })
        .collect();
    assert_eq!(
        pieces,
        [
            "““We remain in the early stages.",
            "“I would appeal to anyone in the area.",
            "“Please contact my officers.”"
        ]
    );
    assert_eq!(
        quotes[0]["text"],
        "We remain in the early stages. I would appeal to anyone in the area. Please contact my officers."
    );
}

#[test]
fn annotate_gives_an_interrupted_report_its_pieces_and_a_whole_one_none() {
    let text = "The ferry, Jane Holt said, will run until May.\n\nHolt said the fare will stay.\n";
    let line = serde_json::json!({"id": "report", "text": text, "mode": "news"}).to_string();
    let out = whosaid(&["annotate", "--jsonl", "-"], Some(&format!("{line}\n")));
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let quotes = doc["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 2, "{quotes:?}");
    assert_eq!(quotes[0]["kind"], "indirect");
    assert_eq!(quotes[0]["speaker"], "Jane Holt");
    assert_eq!(quotes[0]["parts"], serde_json::json!([[0, 9], [27, 45]]));
    assert_eq!(quotes[0]["text"], "The ferry will run until May");
    assert_eq!(quotes[1]["text"], "the fare will stay");
    assert!(quotes[1].get("parts").is_none(), "{:?}", quotes[1]);
}

#[test]
fn annotate_lists_terms_apart_from_quotes_and_findings_point_at_quotes() {
    let text = "The plan is known as “Harbour First.”\n\n\
                “Nobody here asked us what we needed before the vote.”\n";
    let line = serde_json::json!({"id": "terms", "text": text, "mode": "news"}).to_string();
    let out = whosaid(&["annotate", "--jsonl", "-"], Some(&format!("{line}\n")));
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let terms = doc["terms"].as_array().unwrap();
    assert_eq!(terms.len(), 1);
    assert_eq!(terms[0]["text"], "Harbour First.");
    let quotes = doc["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 1);
    assert_eq!(
        quotes[0]["text"],
        "Nobody here asked us what we needed before the vote."
    );
    // The warning names the quote by its index among the printed quotes, not the term's.
    let findings = doc["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0]["code"], "unattributed-quote");
    assert_eq!(findings[0]["quote"], 0);
}
