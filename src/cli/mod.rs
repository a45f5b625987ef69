//! The command line: `annotate` for pipelines, `check` for CI, and the language server.

mod annotate;
mod check;
pub mod json;
mod parallel;
mod progress;
mod readable;
mod report;

use std::path::Path;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::engine::{Format, Mode, Options};

#[derive(Parser, Debug)]
#[command(
    name = "whosaid",
    version,
    about = "Who said what: quote attribution for writers and editors",
    long_about = "Finds every quotation in a plain-text or Markdown document and attributes it to its speaker.\n\
                  With no command, speaks the Language Server Protocol over stdio."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Speak LSP over stdio (the default; accepted for clients that pass it).
    #[arg(long, global = false)]
    pub stdio: bool,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print who said what as JSON: one object per file, or per input line with --jsonl.
    Annotate(annotate::AnnotateArgs),
    /// Report unattributed quotes and vague sources; exits 1 when there are any.
    Check(check::CheckArgs),
    /// Who gets quoted: sources by kind and type, the most quoted, per article and in all.
    Report(report::ReportArgs),
    /// Run the language server over stdio.
    Lsp {
        /// Accepted for clients that pass it; stdio is the only transport.
        #[arg(long)]
        stdio: bool,
    },
}

/// How to read documents, and how many at once: the options `annotate`, `check` and
/// `report` share.
#[derive(Args, Clone, Copy, Debug)]
pub struct Reading {
    /// How to read the text.
    #[arg(long, value_enum, default_value_t = Markup::Auto)]
    pub markup: Markup,
    /// News or fiction conventions; auto tells them apart by the text.
    #[arg(long, value_enum, default_value_t = ModeArg::Auto)]
    pub mode: ModeArg,
    /// Documents analysed at once; every core by default. Output keeps the input's order.
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Markup {
    /// By file extension: .md and .markdown are Markdown, the rest plain text.
    Auto,
    Plain,
    Markdown,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModeArg {
    Auto,
    News,
    Fiction,
}

impl From<ModeArg> for Mode {
    fn from(m: ModeArg) -> Mode {
        match m {
            ModeArg::Auto => Mode::Auto,
            ModeArg::News => Mode::News,
            ModeArg::Fiction => Mode::Fiction,
        }
    }
}

/// The format of a file by its extension, unless forced.
pub fn format_for(markup: Markup, path: Option<&Path>) -> Format {
    match markup {
        Markup::Plain => Format::Plain,
        Markup::Markdown => Format::Markdown,
        Markup::Auto => match path.and_then(|p| p.extension()).and_then(|e| e.to_str()) {
            Some(ext)
                if matches!(
                    ext.to_ascii_lowercase().as_str(),
                    "md" | "markdown" | "mdown" | "mkd"
                ) =>
            {
                Format::Markdown
            }
            _ => Format::Plain,
        },
    }
}

pub fn options(markup: Markup, mode: ModeArg, path: Option<&Path>) -> Options {
    Options {
        format: format_for(markup, path),
        mode: mode.into(),
        ..Options::default()
    }
}

/// Read a file as UTF-8 text, with an error that names it.
pub fn read_text(path: &Path) -> Result<String, String> {
    if path.is_dir() {
        return Err(format!("{}: is a directory", path.display()));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {}", path.display(), e))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{}: not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Some(Command::Annotate(args)) => annotate::run(args),
        Some(Command::Check(args)) => check::run(args),
        Some(Command::Report(args)) => report::run(args),
        Some(Command::Lsp { .. }) | None => crate::server::run(),
    }
}
