//! `whosaid annotate`: JSON for batch pipelines.

use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde::Deserialize;

use super::json::to_json;
use super::parallel;
use super::progress::Progress;
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
    /// Who said what for a person, or JSON for a pipeline. Auto: readable at a terminal,
    /// JSON when stdout is a pipe or a file, or with --jsonl or --pretty.
    #[arg(long, value_enum, default_value_t = OutputFormat::Auto)]
    pub format: OutputFormat,
    /// Documents analysed at once; every core by default. Output keeps the input's order.
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Auto,
    /// Each quote's words, speaker, role, cue and how it was attributed; then the actors.
    Text,
    Json,
}

/// Whether to print the readable form: asked for, or `auto` at a terminal.
fn readable(args: &AnnotateArgs) -> bool {
    match args.format {
        OutputFormat::Text => true,
        OutputFormat::Json => false,
        OutputFormat::Auto => !args.jsonl && !args.pretty && io::stdout().is_terminal(),
    }
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

/// Analyse one document and write it readably, or as one JSON line (or a pretty object).
fn render(id: &str, text: &str, opts: &Options, pretty: bool, readable: bool) -> Vec<u8> {
    let analysis = analyze(text, opts);
    if readable {
        return super::readable::render(id, text, &analysis).into_bytes();
    }
    let doc = to_json(id, text, &analysis);
    let mut out = Vec::with_capacity(text.len() / 2);
    let written = if pretty {
        serde_json::to_writer_pretty(&mut out, &doc)
    } else {
        serde_json::to_writer(&mut out, &doc)
    };
    // Writing into a Vec fails only if serialisation does, and these types always serialise.
    debug_assert!(written.is_ok());
    out.push(b'\n');
    out
}

/// One document's output: its JSON, or why it has none (reported in input order).
type Rendered = Result<Vec<u8>, String>;

pub fn run(args: AnnotateArgs) -> ExitCode {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let threads = parallel::threads(args.jobs);
    let result = if args.jsonl {
        match args.files.first().filter(|p| p.as_path() != Path::new("-")) {
            None => jsonl(
                io::stdin().lock(),
                "<stdin>",
                None,
                &args,
                threads,
                &mut out,
            ),
            Some(p) => match std::fs::File::open(p) {
                Ok(f) => {
                    let size = f.metadata().ok().map(|m| m.len());
                    let name = p.display().to_string();
                    jsonl(io::BufReader::new(f), &name, size, &args, threads, &mut out)
                }
                Err(e) => {
                    eprintln!("whosaid: {}: {}", p.display(), e);
                    return ExitCode::from(2);
                }
            },
        }
    } else {
        if args.files.is_empty() {
            eprintln!(
                "whosaid: annotate needs at least one file (or --jsonl to read standard input)"
            );
            return ExitCode::from(2);
        }
        files(&args, threads, &mut out)
    };
    let ok = match result {
        Ok(ok) => ok,
        Err(e) => {
            eprintln!("whosaid: {e}");
            return ExitCode::from(2);
        }
    };
    if out.flush().is_err() {
        return ExitCode::from(2);
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

/// Write each outcome in order; Ok(false) when some document had to be skipped.
struct Writer<'o, W: Write> {
    out: &'o mut W,
    ok: bool,
    docs: u64,
    progress: Progress,
}

impl<W: Write> Writer<'_, W> {
    /// `what` names the document when its analysis panicked.
    fn take(
        &mut self,
        outcome: parallel::Outcome<(Rendered, u64)>,
        what: impl FnOnce() -> String,
    ) -> io::Result<()> {
        self.docs += 1;
        match outcome {
            Ok((Ok(bytes), input)) => {
                self.out.write_all(&bytes)?;
                self.progress.advance(self.docs, input);
            }
            Ok((Err(message), input)) => {
                self.progress.bar_println(&format!("whosaid: {message}"));
                self.ok = false;
                self.progress.advance(self.docs, input);
            }
            Err(panic) => {
                let what = what();
                self.progress
                    .bar_println(&format!("whosaid: {what}: analysis failed ({panic})"));
                self.ok = false;
            }
        }
        Ok(())
    }
}

fn files(args: &AnnotateArgs, threads: usize, out: &mut impl Write) -> io::Result<bool> {
    let total = args
        .files
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    let mut writer = Writer {
        out,
        ok: true,
        docs: 0,
        progress: Progress::new(Some(total)),
    };
    let readable = readable(args);
    let work = |path: &PathBuf| match read_text(path) {
        Ok(text) => {
            let opts = options(args.markup, args.mode, Some(path));
            let id = path.display().to_string();
            let rendered = render(&id, &text, &opts, args.pretty, readable);
            (Ok(rendered), text.len() as u64)
        }
        Err(e) => (Err(e), 0),
    };
    let mut index = 0;
    let result = parallel::ordered_map(args.files.iter(), threads, work, |outcome| {
        index += 1;
        writer.take(outcome, || args.files[index - 1].display().to_string())
    });
    writer.progress.finish();
    result.map(|()| writer.ok)
}

/// One input line with its number, or the error that kept it from being read.
type Line = (usize, io::Result<String>);

fn jsonl(
    input: impl BufRead,
    name: &str,
    size: Option<u64>,
    args: &AnnotateArgs,
    threads: usize,
    out: &mut impl Write,
) -> io::Result<bool> {
    let mut writer = Writer {
        out,
        ok: true,
        docs: 0,
        progress: Progress::new(size),
    };
    let lines = input
        .lines()
        .enumerate()
        .map(|(n, line)| (n + 1, line))
        .filter(|(_, line)| line.as_ref().map_or(true, |l| !l.trim().is_empty()));
    let readable = readable(args);
    let work = |(n, line): Line| {
        let bytes = line.as_ref().map_or(0, |l| l.len() as u64 + 1);
        (document(name, n, line, args, readable), bytes)
    };
    let result = parallel::ordered_map(lines, threads, work, |outcome| {
        writer.take(outcome, || format!("{name}: a document"))
    });
    writer.progress.finish();
    result.map(|()| writer.ok)
}

/// One JSON Lines document, analysed and rendered, or why it could not be.
fn document(
    name: &str,
    n: usize,
    line: io::Result<String>,
    args: &AnnotateArgs,
    readable: bool,
) -> Rendered {
    let line = line.map_err(|e| format!("{name}:{n}: {e}"))?;
    let doc: InputLine = serde_json::from_str(&line).map_err(|e| {
        format!("{name}:{n}: not a document line ({e}); expected {{\"id\", \"text\"}}")
    })?;
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
    Ok(render(&id, &doc.text, &opts, false, readable))
}
