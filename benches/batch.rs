//! Batch throughput of the real release binary: `annotate --jsonl` on the corpora in
//! `../shared/corpora` with one core and with all, the first 30 news articles (the
//! textacy comparison), and whole novels as files beside `wc -w` on the same files.
//!
//! `cargo bench --bench batch` (`WHOSAID_CORPORA=/path` for another corpora folder).
//! Each figure is the median of `RUNS` whole-process runs, with the fastest and slowest.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 7;

/// Median, minimum and maximum wall time of `RUNS` runs of a command (output discarded).
fn time(program: &Path, args: &[&str]) -> (Duration, Duration, Duration) {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let status = Command::new(program)
                .args(args)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .unwrap_or_else(|e| panic!("run {}: {e}", program.display()));
            assert!(status.success(), "{} {args:?} failed", program.display());
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[RUNS / 2], times[0], times[RUNS - 1])
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn report(what: &str, bytes: u64, (median, low, high): (Duration, Duration, Duration)) {
    println!(
        "  {what:<34} median {:8.1} ms  ({:.1}..{:.1})  {:6.1} MB/s",
        ms(median),
        ms(low),
        ms(high),
        bytes as f64 / 1e6 / median.as_secs_f64()
    );
}

fn main() {
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_whosaid"));
    let corpora = std::env::var("WHOSAID_CORPORA")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from("../shared/corpora"));
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("binary: {}\n{cores} cores", binary.display());
    let scratch = std::env::temp_dir().join(format!("whosaid-batch-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("scratch folder");

    for corpus in ["ggt-dev", "polnear-dev", "pdnc-dev"] {
        let path = corpora.join(format!("{corpus}.jsonl"));
        let Ok(meta) = std::fs::metadata(&path) else {
            println!("\n{corpus}: not found at {}", path.display());
            continue;
        };
        let file = path.to_str().expect("UTF-8 path");
        println!("\n{corpus} ({} bytes of JSON Lines)", meta.len());
        report(
            "annotate --jsonl -j 1",
            meta.len(),
            time(&binary, &["annotate", "--jsonl", "-j", "1", file]),
        );
        report(
            &format!("annotate --jsonl (all {cores} cores)"),
            meta.len(),
            time(&binary, &["annotate", "--jsonl", file]),
        );
    }

    // The first 30 GGT articles in one process: textacy took about 7.6 s on 151,000
    // characters of news on this machine.
    if let Ok(ggt) = std::fs::read_to_string(corpora.join("ggt-dev.jsonl")) {
        let first: Vec<&str> = ggt.lines().take(30).collect();
        let chars: usize = first
            .iter()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|d| d["text"].as_str().map(|t| t.chars().count()))
            .sum();
        let thirty = scratch.join("ggt-30.jsonl");
        std::fs::write(&thirty, first.join("\n") + "\n").expect("write the 30 articles");
        let path = thirty.to_str().expect("UTF-8 path");
        println!("\n30 news articles ({chars} characters)");
        let all = time(&binary, &["annotate", "--jsonl", path]);
        report(
            "annotate --jsonl",
            first.iter().map(|l| l.len() as u64 + 1).sum(),
            all,
        );
        println!("  {:.0} times textacy's 7.6 s", 7.6 / all.0.as_secs_f64());
    }

    // Whole novels as files: whosaid annotate beside wc -w on the same files.
    if let Ok(pdnc) = std::fs::read_to_string(corpora.join("pdnc-dev.jsonl")) {
        let mut files = Vec::new();
        let mut bytes = 0;
        for (i, line) in pdnc.lines().enumerate() {
            let Ok(doc) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let Some(text) = doc["text"].as_str() else {
                continue;
            };
            let file = scratch.join(format!("novel-{i:02}.txt"));
            std::fs::write(&file, text).expect("write a novel");
            bytes += text.len() as u64;
            files.push(file.to_str().expect("UTF-8 path").to_owned());
        }
        let names: Vec<&str> = files.iter().map(String::as_str).collect();
        println!("\n{} novels as files ({bytes} bytes)", files.len());
        let wc = time(Path::new("wc"), &[&["-w"][..], &names].concat());
        report("wc -w", bytes, wc);
        let one = time(&binary, &[&["annotate", "-j", "1"][..], &names].concat());
        report("annotate -j 1", bytes, one);
        let all = time(&binary, &[&["annotate"][..], &names].concat());
        report(&format!("annotate (all {cores} cores)"), bytes, all);
        println!(
            "  annotate takes {:.1} times wc -w's time ({:.1} on one core)",
            all.0.as_secs_f64() / wc.0.as_secs_f64(),
            one.0.as_secs_f64() / wc.0.as_secs_f64()
        );
    }
    let _ = std::fs::remove_dir_all(&scratch);
}
