//! `whosaid annotate`: JSON for batch pipelines.

use std::io::{self, BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use serde::Deserialize;

use super::json::to_json;
use super::{options, read_text, Markup, ModeArg};
use crate::engine::{analyze, Mode, Options};

#[derive(Args, Debug)]
pub struct AnnotateArgs {
    /// Files to annotate; with --jsonl, one JSON Lines file or - for standard input.
    pub files: Vec<PathBuf>,
    /// Read JSON Lines `{"id", "text", "format"?, "mode"?}` and write one line per document.
    #[arg(long)]
    pub jsonl: bool,
    /// How to read the text.
    #[arg(long, value_enum, default_value_t = Markup::Auto)]
    pub markup: Markup,
    /// News or fiction conventions; auto tells them apart by the text.
    #[arg(long, value_enum, default_value_t = ModeArg::Auto)]
    pub mode: ModeArg,
    /// Pretty-print (one object per file, not per line).
    #[arg(long)]
    pub pretty: bool,
}

#[derive(Deserialize)]
struct InputLine {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    mode: Option<String>,
}

fn write_doc(
    out: &mut impl Write,
    id: &str,
    text: &str,
    opts: &Options,
    pretty: bool,
) -> io::Result<()> {
    let analysis = analyze(text, opts);
    let doc = to_json(id, text, &analysis);
    if pretty {
        serde_json::to_writer_pretty(&mut *out, &doc)?;
    } else {
        serde_json::to_writer(&mut *out, &doc)?;
    }
    out.write_all(b"\n")
}

pub fn run(args: AnnotateArgs) -> ExitCode {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = false;
    if args.jsonl {
        let source = args.files.first().map(PathBuf::as_path);
        let result = match source {
            None => jsonl(io::stdin().lock(), "<stdin>", &args, &mut out),
            Some(p) if p == Path::new("-") => jsonl(io::stdin().lock(), "<stdin>", &args, &mut out),
            Some(p) => match std::fs::File::open(p) {
                Ok(f) => jsonl(
                    io::BufReader::new(f),
                    &p.display().to_string(),
                    &args,
                    &mut out,
                ),
                Err(e) => {
                    eprintln!("whosaid: {}: {}", p.display(), e);
                    return ExitCode::from(2);
                }
            },
        };
        match result {
            Ok(ok) => failed |= !ok,
            Err(e) => {
                eprintln!("whosaid: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        if args.files.is_empty() {
            eprintln!(
                "whosaid: annotate needs at least one file (or --jsonl to read standard input)"
            );
            return ExitCode::from(2);
        }
        for path in &args.files {
            match read_text(path) {
                Ok(text) => {
                    let opts = options(args.markup, args.mode, Some(path));
                    let id = path.display().to_string();
                    if let Err(e) = write_doc(&mut out, &id, &text, &opts, args.pretty) {
                        eprintln!("whosaid: {e}");
                        return ExitCode::from(2);
                    }
                }
                Err(e) => {
                    eprintln!("whosaid: {e}");
                    failed = true;
                }
            }
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(2);
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// Returns Ok(false) when some line could not be read (it is reported and skipped).
fn jsonl(
    input: impl BufRead,
    name: &str,
    args: &AnnotateArgs,
    out: &mut impl Write,
) -> io::Result<bool> {
    let mut ok = true;
    for (n, line) in input.lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("whosaid: {name}:{}: {e}", n + 1);
                ok = false;
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let doc: InputLine = match serde_json::from_str(&line) {
            Ok(d) => d,
            Err(e) => {
                eprintln!(
                    "whosaid: {name}:{}: not a document line ({e}); expected {{\"id\", \"text\"}}",
                    n + 1
                );
                ok = false;
                continue;
            }
        };
        let id = match &doc.id {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let markup = match doc.format.as_deref() {
            Some("markdown" | "md") => Markup::Markdown,
            Some("plain" | "plaintext" | "text") => Markup::Plain,
            _ => args.markup,
        };
        let mut opts = options(markup, args.mode, None);
        if let Some(m) = doc.mode.as_deref().and_then(Mode::parse) {
            opts.mode = m;
        }
        write_doc(out, &id, &doc.text, &opts, false)?;
    }
    Ok(ok)
}
