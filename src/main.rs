use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    whosaid::cli::run(whosaid::cli::Cli::parse())
}
