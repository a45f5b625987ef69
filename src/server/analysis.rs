//! Analysis off the async runtime: one worker task per document, fed through a watch channel
//! so that a burst of edits collapses into one analysis of the newest text. A result is
//! published only if no newer job is waiting, so a stale result never covers a newer one.

use std::sync::Arc;

use tokio::sync::watch;
use tower_lsp_server::Client;

use super::config::Settings;
use super::convert::Frame;
use super::diagnostics;
use super::lsp;
use super::pool::Pool;
use crate::engine::{self, Analysis, Format, Memo, Options};
use crate::positions::{Encoding, LineIndex};

/// Everything one analysis needs: a snapshot of the text and the settings.
#[derive(Debug)]
pub struct Job {
    pub generation: u64,
    pub version: i32,
    /// The text as a rope: cloning one is cheap, so the thread answering the editor never
    /// copies a novel; the analysis thread makes the string.
    pub rope: ropey::Rope,
    pub format: Format,
    /// False for a language whose analysis is turned off: empty result, no diagnostics.
    pub enabled: bool,
    pub settings: Arc<Settings>,
    /// Texts ignored through the `whosaid.ignoreQuote` command.
    pub ignored: Arc<Vec<String>>,
    pub encoding: Encoding,
    pub last_edit: Option<usize>,
}

#[derive(Debug, Clone, Default)]
pub enum JobMessage {
    #[default]
    Idle,
    Analyze(Arc<Job>),
    /// The document closed: clear its diagnostics and stop.
    Close,
}

/// A finished analysis with the text it was made from.
#[derive(Debug)]
pub struct Analyzed {
    pub generation: u64,
    pub frame: Frame,
    pub analysis: Analysis,
    pub diagnostics: Vec<lsp::Diagnostic>,
    /// The outline, converted on the first request and kept for this analysis: editors ask
    /// for it again and again per version (outline, breadcrumbs, sticky scroll).
    pub outline: std::sync::OnceLock<Vec<lsp::DocumentSymbol>>,
}

pub fn engine_options(settings: &Settings, format: Format) -> Options {
    Options {
        format,
        mode: settings.mode,
        extra_cues: settings.cue_verbs.clone(),
        extra_vague: settings.vague_phrases.clone(),
        min_quote_words: settings.min_quote_words,
        ..Options::default()
    }
}

/// The blocking part: analyse (reusing the document's memo) and build diagnostics.
pub fn run_job(job: &Job, memo: &mut Memo) -> Analyzed {
    let text: Arc<str> = Arc::from(job.rope.to_string());
    let frame = Frame {
        index: LineIndex::new(&text),
        text: text.clone(),
        encoding: job.encoding,
    };
    let started = std::time::Instant::now();
    let analysis = if job.enabled {
        engine::analyze_with(&text, &engine_options(&job.settings, job.format), memo)
    } else {
        Analysis::default()
    };
    let analysed = started.elapsed();
    let diagnostics = diagnostics::build(&frame, &analysis, job);
    let (reused, computed) = memo.last_counts();
    tracing::debug!(
        "generation {}: engine {:.2} ms ({reused} paragraphs reused, {computed} new), diagnostics {:.2} ms ({} bytes)",
        job.generation,
        analysed.as_secs_f64() * 1e3,
        (started.elapsed() - analysed).as_secs_f64() * 1e3,
        text.len()
    );
    Analyzed {
        generation: job.generation,
        frame,
        analysis,
        diagnostics,
        outline: std::sync::OnceLock::new(),
    }
}

/// The per-document worker: runs until the document closes (or is replaced by a reopen).
pub async fn worker(
    uri: lsp::Uri,
    mut jobs: watch::Receiver<JobMessage>,
    results: watch::Sender<Option<Arc<Analyzed>>>,
    client: Client,
    pool: Pool,
) {
    // What the last analysis of this document can lend the next; it lives as long as the worker.
    let mut memo = Memo::default();
    while jobs.changed().await.is_ok() {
        let message = jobs.borrow_and_update().clone();
        let job = match message {
            JobMessage::Idle => continue,
            JobMessage::Close => {
                client.publish_diagnostics(uri, Vec::new(), None).await;
                return;
            }
            JobMessage::Analyze(job) => job,
        };
        let version = job.version;
        let mut lent = std::mem::take(&mut memo);
        let ran = pool
            .run(move || {
                let analyzed = run_job(&job, &mut lent);
                (analyzed, lent)
            })
            .await;
        // A panicked analysis loses its memo; the next one starts a fresh memo.
        let Some((analyzed, kept)) = ran else {
            let message = format!("whosaid: analysis of {} failed", uri.as_str());
            tracing::error!("{message}");
            client.log_message(lsp::MessageType::ERROR, message).await;
            continue;
        };
        memo = kept;
        let analyzed = Arc::new(analyzed);
        let diagnostics = analyzed.diagnostics.clone();
        results.send_replace(Some(analyzed));
        // A newer job (or a close) is already waiting: this result is stale, do not publish.
        if jobs.has_changed().unwrap_or(true) {
            continue;
        }
        client
            .publish_diagnostics(uri.clone(), diagnostics, Some(version))
            .await;
    }
    // The sender is gone without a close: the document was reopened, or the server stops.
}
