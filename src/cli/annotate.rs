//! `whosaid annotate`: JSON for batch pipelines.

use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde::Deserialize;

use super::json::to_json;
use super::parallel;
use super::progress::Progress;
use super::{options, read_text, Markup, Reading};
use crate::engine::{analyze, Mode, Options};

#[derive(Args, Debug)]
pub struct AnnotateArgs {
    /// Files to annotate; with --jsonl, one JSON Lines file or - for standard input.
    pub files: Vec<PathBuf>,
    /// Read JSON Lines `{"id", "text", "format"?, "mode"?}` and write one line per document.
    #[arg(long)]
    pub jsonl: bool,
    #[command(flatten)]
    pub reading: Reading,
    /// Pretty-print (one object per file, not per line).
    #[arg(long)]
    pub pretty: bool,
    /// Who said what for a person, or JSON for a pipeline. Auto: readable at a terminal,
    /// JSON when stdout is a pipe or a file, or with --jsonl or --pretty.
    #[arg(long, value_enum, default_value_t = OutputFormat::Auto)]
    pub format: OutputFormat,
    /// The command named in messages.
    #[arg(skip = "annotate")]
    pub command: &'static str,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Auto,
    /// Each quote's words, speaker, role, cue and how it was attributed; then the actors.
    Text,
    Json,
}

/// The readable form when asked for, or `auto` at a terminal; else JSON.
fn shape(args: &AnnotateArgs) -> Shape {
    let readable = match args.format {
        OutputFormat::Text => true,
        OutputFormat::Json => false,
        OutputFormat::Auto => !args.jsonl && !args.pretty && io::stdout().is_terminal(),
    };
    if readable {
        Shape::Readable
    } else {
        Shape::Json {
            pretty: args.pretty,
        }
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
fn render(id: &str, text: &str, opts: &Options, shape: Shape) -> Product {
    let analysis = analyze(text, opts);
    let doc = match shape {
        Shape::Readable => {
            return Product::Bytes(super::readable::render(id, text, &analysis).into_bytes())
        }
        Shape::Record => {
            return Product::Record(super::json::to_record(to_json(id, text, &analysis)))
        }
        Shape::Json { .. } => to_json(id, text, &analysis),
    };
    let mut out = Vec::with_capacity(text.len() / 2);
    let written = if shape == (Shape::Json { pretty: true }) {
        serde_json::to_writer_pretty(&mut out, &doc)
    } else {
        serde_json::to_writer(&mut out, &doc)
    };
    // Writing into a Vec fails only if serialisation does, and these types always serialise.
    debug_assert!(written.is_ok());
    out.push(b'\n');
    Product::Bytes(out)
}

/// What each document is turned into.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Shape {
    Readable,
    Json {
        pretty: bool,
    },
    /// For `report`: the record it adds up, made on the worker thread (no JSON between).
    Record,
}

/// What one document becomes: bytes to write, or a record for the report.
pub(super) enum Product {
    Bytes(Vec<u8>),
    Record(crate::report::Annotation),
}

/// One document's output, or why it has none (reported in input order).
type Rendered = Result<Product, String>;

pub fn run(args: AnnotateArgs) -> ExitCode {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let ok = match write_all(&args, shape(&args), &mut WriteSink(&mut out)) {
        Some(ok) => ok,
        None => return ExitCode::from(2),
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

/// Annotate what `args` name into `out` as `shape` says, in input order: Some(false) when a
/// document was skipped (its error is on stderr), None when the run could not start or write.
pub(super) fn write_all(args: &AnnotateArgs, shape: Shape, out: &mut dyn Sink) -> Option<bool> {
    let threads = parallel::threads(args.reading.jobs);
    let result = if args.jsonl {
        match args.files.first().filter(|p| p.as_path() != Path::new("-")) {
            None => jsonl(
                io::stdin().lock(),
                "<stdin>",
                None,
                args,
                shape,
                threads,
                out,
            ),
            Some(p) => match std::fs::File::open(p) {
                Ok(f) => {
                    let size = f.metadata().ok().map(|m| m.len());
                    let name = p.display().to_string();
                    jsonl(
                        io::BufReader::new(f),
                        &name,
                        size,
                        args,
                        shape,
                        threads,
                        out,
                    )
                }
                Err(e) => {
                    eprintln!("whosaid: {}: {}", p.display(), e);
                    return None;
                }
            },
        }
    } else {
        if args.files.is_empty() {
            eprintln!(
                "whosaid: {} needs at least one file (or --jsonl to read standard input)",
                args.command
            );
            return None;
        }
        files(args, shape, threads, out)
    };
    match result {
        Ok(ok) => Some(ok),
        Err(e) => {
            eprintln!("whosaid: {e}");
            None
        }
    }
}

/// Where the documents' products go, in input order.
pub(super) trait Sink {
    fn bytes(&mut self, bytes: &[u8]) -> io::Result<()>;
    fn record(&mut self, record: crate::report::Annotation);
}

/// Bytes to a writer; records never come here.
pub(super) struct WriteSink<'a, W: Write>(pub &'a mut W);

impl<W: Write> Sink for WriteSink<'_, W> {
    fn bytes(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.0.write_all(bytes)
    }
    fn record(&mut self, _: crate::report::Annotation) {}
}

/// Write each outcome in order; Ok(false) when some document had to be skipped.
struct Writer<'o> {
    out: &'o mut dyn Sink,
    ok: bool,
    docs: u64,
    progress: Progress,
}

impl Writer<'_> {
    /// `what` names the document when its analysis panicked.
    fn take(
        &mut self,
        outcome: parallel::Outcome<(Rendered, u64)>,
        what: impl FnOnce() -> String,
    ) -> io::Result<()> {
        self.docs += 1;
        match outcome {
            Ok((Ok(product), input)) => {
                match product {
                    Product::Bytes(bytes) => self.out.bytes(&bytes)?,
                    Product::Record(record) => self.out.record(record),
                }
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

fn files(
    args: &AnnotateArgs,
    shape: Shape,
    threads: usize,
    out: &mut dyn Sink,
) -> io::Result<bool> {
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
    let work = |path: &PathBuf| match read_text(path) {
        Ok(text) => {
            let opts = options(args.reading.markup, args.reading.mode, Some(path));
            let id = path.display().to_string();
            let rendered = render(&id, &text, &opts, shape);
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
    shape: Shape,
    threads: usize,
    out: &mut dyn Sink,
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
    let work = |(n, line): Line| {
        let bytes = line.as_ref().map_or(0, |l| l.len() as u64 + 1);
        (document(name, n, line, args, shape), bytes)
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
    shape: Shape,
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
        _ => args.reading.markup,
    };
    let mut opts = options(markup, args.reading.mode, None);
    if let Some(m) = doc.mode.as_deref().and_then(Mode::parse) {
        opts.mode = m;
    }
    let shape = match shape {
        Shape::Json { .. } => Shape::Json { pretty: false },
        other => other,
    };
    Ok(render(&id, &doc.text, &opts, shape))
}
