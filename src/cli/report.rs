//! `whosaid report`: who gets quoted, per article and over the whole input, from documents
//! (analysed as `annotate` would) or from `annotate --jsonl` output (`--annotations`).

use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::annotate::{self, AnnotateArgs};
use super::Reading;
use crate::report::{self, Annotation, Builder, Report};

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// Documents; with --jsonl one JSON Lines file of {"id", "text"} (or - for standard
    /// input); with --annotations `annotate` output files (or -).
    pub files: Vec<PathBuf>,
    /// Read documents as JSON Lines {"id", "text", "format"?, "mode"?}.
    #[arg(long, conflicts_with = "annotations")]
    pub jsonl: bool,
    /// Read `annotate --jsonl` output instead of documents: a report is then a cheap reduce
    /// over annotations computed anywhere.
    #[arg(long)]
    pub annotations: bool,
    /// A table for a person; JSON; or CSV, one row per actor per article. Auto: the table at
    /// a terminal, JSON otherwise.
    #[arg(long, value_enum, default_value_t = ReportFormat::Auto)]
    pub format: ReportFormat,
    /// Also write the report as one self-contained HTML page (charts inline, no network).
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    #[command(flatten)]
    pub reading: Reading,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    Auto,
    Text,
    Json,
    Csv,
}

/// Adds up each document's record as the analysis threads make it.
struct Fold(Builder);

impl annotate::Sink for Fold {
    fn bytes(&mut self, _: &[u8]) -> io::Result<()> {
        // Documents are analysed into records for a report (Shape::Record), never bytes.
        Err(io::Error::other(
            "report received output instead of records",
        ))
    }
    fn record(&mut self, record: Annotation) {
        self.0.add(&record);
    }
}

pub fn run(args: ReportArgs) -> ExitCode {
    let mut fold = Fold(Builder::default());
    let ok = if args.annotations {
        match read_annotations(&args.files, &mut fold.0) {
            Ok(()) => true,
            Err(e) => {
                eprintln!("whosaid: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        let annotate_args = AnnotateArgs {
            files: args.files.clone(),
            jsonl: args.jsonl,
            reading: args.reading,
            pretty: false,
            format: annotate::OutputFormat::Json,
            command: "report",
        };
        match annotate::write_all(&annotate_args, annotate::Shape::Record, &mut fold) {
            Some(ok) => ok,
            None => return ExitCode::from(2),
        }
    };
    let report = fold.0.finish();
    if let Some(path) = &args.html {
        if let Err(e) = std::fs::write(path, report::html::render(&report, &title(&args.files))) {
            eprintln!("whosaid: {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    if let Err(e) = print(&report, args.format) {
        eprintln!("whosaid: {e}");
        return ExitCode::from(2);
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

fn title(files: &[PathBuf]) -> String {
    match files {
        [one] if one.as_path() != Path::new("-") => format!("Sources: {}", one.display()),
        [] | [_] => "Sources".into(),
        many => format!("Sources: {} files", many.len()),
    }
}

fn print(r: &Report, format: ReportFormat) -> Result<(), String> {
    let stdout = io::stdout();
    let text = match format {
        ReportFormat::Text => true,
        ReportFormat::Auto => stdout.is_terminal(),
        _ => false,
    };
    let bytes = if text {
        report::text::render(r).into_bytes()
    } else if format == ReportFormat::Csv {
        report::csv::render(r)?
    } else {
        let mut v = serde_json::to_vec_pretty(r).map_err(|e| e.to_string())?;
        v.push(b'\n');
        v
    };
    let mut out = BufWriter::new(stdout.lock());
    out.write_all(&bytes)
        .and_then(|()| out.flush())
        .map_err(|e| format!("writing the report: {e}"))
}

/// Adds up `annotate --jsonl` output, line by line; a line that is not one is named.
fn read_annotations(files: &[PathBuf], builder: &mut Builder) -> Result<(), String> {
    let stdin = [PathBuf::from("-")];
    let files = if files.is_empty() { &stdin[..] } else { files };
    for path in files {
        let name = path.display().to_string();
        let input: Box<dyn BufRead> = if path.as_path() == Path::new("-") {
            Box::new(io::stdin().lock())
        } else {
            let f = std::fs::File::open(path).map_err(|e| format!("{name}: {e}"))?;
            Box::new(io::BufReader::new(f))
        };
        for (n, line) in input.split(b'\n').enumerate() {
            let line = line.map_err(|e| format!("{name}:{}: {e}", n + 1))?;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let doc: Annotation = serde_json::from_slice(&line).map_err(|e| {
                format!(
                    "{name}:{}: not an annotation line ({e}); expected `whosaid annotate --jsonl` output",
                    n + 1
                )
            })?;
            builder.add(&doc);
        }
    }
    Ok(())
}
