//! `whosaid check`: findings as `path:line:col: severity[code]: message`, for CI.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::parallel;
use super::progress::Progress;
use super::{options, read_text, Reading};
use crate::engine::{analyze, FindingCode, Severity};
use crate::positions::{Encoding, LineIndex};

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Text,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    /// Fail on any finding.
    Info,
    Warning,
    Error,
    /// Always exit 0 unless a file cannot be read.
    Never,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Files to check.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// The lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Info)]
    pub fail_on: FailOn,
    /// Finding codes to leave out (repeatable), e.g. --ignore vague-source.
    #[arg(long, value_name = "CODE")]
    pub ignore: Vec<String>,
    #[command(flatten)]
    pub reading: Reading,
}

#[derive(Serialize)]
struct FindingOut {
    path: String,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    severity: &'static str,
    code: &'static str,
    message: String,
}

#[derive(Serialize)]
struct Report {
    findings: Vec<FindingOut>,
    errors: Vec<String>,
    files_checked: usize,
}

pub fn run(args: CheckArgs) -> ExitCode {
    let mut ignore = Vec::new();
    for code in &args.ignore {
        match FindingCode::parse(code) {
            Some(c) => ignore.push(c),
            None => {
                let known: Vec<&str> = FindingCode::ALL.iter().map(|c| c.as_str()).collect();
                eprintln!(
                    "whosaid: unknown finding code '{code}' (known: {})",
                    known.join(", ")
                );
                return ExitCode::from(2);
            }
        }
    }
    let mut report = Report {
        findings: Vec::new(),
        errors: Vec::new(),
        files_checked: 0,
    };
    let work = |path: &PathBuf| findings_in(path, &args, &ignore);
    let mut progress = Progress::new(None);
    let mut done = 0;
    let Ok(()) = parallel::ordered_map(
        args.files.iter(),
        parallel::threads(args.reading.jobs),
        work,
        |outcome| -> Result<(), std::convert::Infallible> {
            done += 1;
            match outcome {
                Ok(Ok(mut found)) => {
                    report.files_checked += 1;
                    report.findings.append(&mut found);
                }
                Ok(Err(e)) => report.errors.push(e),
                Err(panic) => report.errors.push(format!("analysis failed ({panic})")),
            }
            progress.advance(done, 0);
            Ok(())
        },
    );
    progress.finish();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        OutputFormat::Json => serde_json::to_writer_pretty(&mut out, &report)
            .map_err(io::Error::other)
            .and_then(|_| writeln!(out)),
        OutputFormat::Text => write_text(&mut out, &report),
    };
    for e in &report.errors {
        eprintln!("whosaid: {e}");
    }
    if written.is_err() {
        return ExitCode::from(2);
    }
    if !report.errors.is_empty() {
        return ExitCode::from(2);
    }
    let threshold = match args.fail_on {
        FailOn::Info => Some(Severity::Info),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Error => Some(Severity::Error),
        FailOn::Never => None,
    };
    let failing = report
        .findings
        .iter()
        .any(|f| threshold.is_some_and(|t| Severity::parse(f.severity).is_some_and(|s| s >= t)));
    if failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// One file's findings, or why it could not be read.
fn findings_in(
    path: &Path,
    args: &CheckArgs,
    ignore: &[FindingCode],
) -> Result<Vec<FindingOut>, String> {
    let text = read_text(path)?;
    let analysis = analyze(
        &text,
        &options(args.reading.markup, args.reading.mode, Some(path)),
    );
    let index = LineIndex::new(&text);
    Ok(analysis
        .findings
        .iter()
        .filter(|f| !ignore.contains(&f.code))
        .map(|f| {
            let s = index.line_col(&text, f.span.start, Encoding::Utf32);
            let e = index.line_col(&text, f.span.end, Encoding::Utf32);
            FindingOut {
                path: path.display().to_string(),
                line: s.line + 1,
                column: s.col + 1,
                end_line: e.line + 1,
                end_column: e.col + 1,
                severity: f.code.default_severity().as_str(),
                code: f.code.as_str(),
                message: f.message.clone(),
            }
        })
        .collect())
}

fn write_text(out: &mut impl Write, report: &Report) -> io::Result<()> {
    for f in &report.findings {
        writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            f.path, f.line, f.column, f.severity, f.code, f.message
        )?;
    }
    let warnings = report
        .findings
        .iter()
        .filter(|f| f.severity == "warning")
        .count();
    let files = report.files_checked;
    let noun = if files == 1 { "file" } else { "files" };
    match report.findings.len() {
        0 => writeln!(out, "no findings in {files} {noun}"),
        n => writeln!(
            out,
            "{n} finding{} ({warnings} warning{}, {} info) in {files} {noun}",
            if n == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" },
            n - warnings
        ),
    }
}
