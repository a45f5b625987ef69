//! whosaid: who said what in a document.
//!
//! [`engine`] is the pure analysis (text in, [`Analysis`] out, byte offsets);
//! [`positions`] is the one place offsets become lines, columns and code point indices;
//! [`cli`] and [`server`] are thin shells that convert.

pub mod cli;
pub mod cpus;
pub mod engine;
pub mod positions;
pub mod present;
pub mod report;
pub mod server;

pub use engine::{analyze, Analysis, Options};
