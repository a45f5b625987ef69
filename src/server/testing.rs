//! The server's pure pieces, reachable from the fuzz targets and the property tests so that
//! they exercise the code the server runs, not a copy. Not a stable API.

use std::future::Future;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

use tokio::io::BufReader;

use super::analysis::{run_job, Job};
use super::config::Settings;
use crate::engine::Format;
use crate::positions::Encoding;

pub use super::actions::{attribution_edit, code_actions, ignore_marker_edit, inlay_hints};
pub use super::analysis::Analyzed;
pub use super::documents::{apply_change, EditOutcome};
pub use super::hover::hover;
pub use super::symbols::{document_symbols, flat_symbols};
pub use super::transport::{encode_frame, judge, Verdict};
pub use ropey::Rope;
pub use tower_lsp_server::ls_types as lsp;

/// Analyse a text as the server does for an open document with default settings.
pub fn analyze_document(text: &str, format: Format, encoding: Encoding) -> Analyzed {
    let job = Job {
        generation: 1,
        version: 1,
        rope: Rope::from_str(text),
        format,
        enabled: true,
        settings: Arc::new(Settings::default()),
        ignored: Arc::new(Vec::new()),
        encoding,
        last_edit: None,
    };
    run_job(&job, &mut crate::engine::Memo::default())
}

/// The frames the server's reader takes out of `input`, in order, until the input ends.
pub fn read_frames(input: &[u8]) -> Vec<Vec<u8>> {
    let mut reader = BufReader::new(input);
    let mut frames = Vec::new();
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        let next = std::pin::pin!(super::transport::read_frame(&mut reader));
        // A byte slice is always ready: the reader never waits.
        let Poll::Ready(result) = next.poll(&mut cx) else {
            unreachable!("reading from memory never pends");
        };
        match result {
            Ok(Some(frame)) => frames.push(frame),
            Ok(None) | Err(_) => return frames,
        }
    }
}
