//! The language server: tower-lsp-server over stdio, behind a framing guard.
//!
//! Modules: `transport` (framing guard), `guard` (panics become errors), `backend` (the `LanguageServer`), `documents`
//! (ropes and edits), `analysis` (per-document worker), `pool` (analysis threads), `config`, `convert` (engine spans to
//! LSP ranges), `diagnostics`, `hover`, `symbols`, `actions` (code actions, inlay hints).
//!
//! Plain text cannot hold an ignore marker, so "Mark as intentionally unattributed" there
//! runs the `whosaid.ignoreQuote` command (arguments: uri, quote text): the server adds the
//! text to an in-memory ignore list for the session and republishes diagnostics.

mod actions;
mod analysis;
mod backend;
mod config;
mod convert;
mod diagnostics;
mod documents;
mod guard;
mod hover;
mod placement;
mod pool;
mod sources;
mod symbols;
mod transport;

pub mod testing;

use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc;
use tower_lsp_server::{LspService, Server};

/// The LSP types, under one name.
pub(crate) use tower_lsp_server::ls_types as lsp;

use backend::{Backend, State};

/// Requests served at once; a request waiting on a long analysis must not hold up others.
const CONCURRENCY: usize = 32;
const PIPE_BUFFER: usize = 1 << 16;

/// Run the language server on stdin/stdout until `exit`: 0 after `shutdown`, 1 otherwise.
pub fn run() -> ExitCode {
    pool::share_malloc_arenas();
    // Before any thread starts: the runtime's threads inherit the editor's CPU.
    let placement = placement::Placement::of_this_process();
    crate::cpus::pin_current_thread(&placement.editor);
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("WHOSAID_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .try_init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("whosaid: cannot start the async runtime: {e}");
            return ExitCode::from(2);
        }
    };
    let clean = runtime.block_on(serve_stdio(placement.analysis));
    // The stdin reader blocks in a thread of its own: do not wait for it.
    runtime.shutdown_timeout(Duration::from_millis(100));
    if clean {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Serve until `exit` or the end of input; true when `shutdown` came first.
async fn serve_stdio(analysis_cpus: Vec<usize>) -> bool {
    let (replies, replies_rx) = mpsc::unbounded_channel();
    let writer = tokio::spawn(transport::write_output(tokio::io::stdout(), replies_rx));
    let (server_in, to_server) = tokio::io::duplex(PIPE_BUFFER);
    let (server_out, from_server) = tokio::io::duplex(PIPE_BUFFER);
    let gate = Arc::new(transport::ReplyGate::default());
    let stdin = tokio::io::stdin();
    let input = tokio::spawn(transport::pump_input(
        stdin,
        to_server,
        replies.clone(),
        gate.clone(),
    ));
    let output = tokio::spawn(transport::pump_output(from_server, replies, gate));

    let state = Arc::new(State::default());
    let backend_state = state.clone();
    let (service, socket) =
        LspService::new(move |client| Backend::new(client, backend_state, analysis_cpus.clone()));
    Server::new(server_in, server_out, socket)
        .concurrency_level(CONCURRENCY)
        .serve(guard::PanicGuard::new(service))
        .await;

    input.abort();
    let _ = output.await;
    let _ = tokio::time::timeout(Duration::from_secs(5), writer).await;
    state.shutdown_requested.load(Ordering::SeqCst)
}
