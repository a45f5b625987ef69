//! A progress bar on stderr for long batch runs at a terminal; nothing otherwise.
//!
//! The bar appears only once a run has lasted `SHOW_AFTER`, so a short run never flickers,
//! and only when stderr is a terminal (indicatif's stderr target hides itself otherwise), so
//! a pipeline's logs stay clean.

use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

const SHOW_AFTER: Duration = Duration::from_millis(700);

pub struct Progress {
    bar: ProgressBar,
    started: Instant,
    shown: bool,
}

impl Progress {
    /// `total`: the input's size in bytes when known (a file), else a count is shown.
    pub fn new(total: Option<u64>) -> Progress {
        let bar = match total {
            Some(len) => ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::hidden())
                .with_style(
                    ProgressStyle::with_template(
                        "{bar:20} {percent:>3}% · {msg} · {decimal_bytes_per_sec}",
                    )
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
                ),
            None => ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden()).with_style(
                ProgressStyle::with_template("{spinner} {msg} · {elapsed}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            ),
        };
        Progress {
            bar,
            started: Instant::now(),
            shown: false,
        }
    }

    /// One document done, `bytes` of input behind it.
    pub fn advance(&mut self, docs: u64, bytes: u64) {
        if !self.shown && self.started.elapsed() >= SHOW_AFTER {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown = true;
        }
        if self.bar.length().is_some() {
            self.bar.inc(bytes);
        } else {
            self.bar.tick();
        }
        let noun = if docs == 1 { "document" } else { "documents" };
        self.bar.set_message(format!("{docs} {noun}"));
    }

    /// A message on stderr that does not tear the bar.
    pub fn bar_println(&self, message: &str) {
        if self.shown {
            self.bar.suspend(|| eprintln!("{message}"));
        } else {
            eprintln!("{message}");
        }
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
