//! Findings to diagnostics, minus what the writer asked to suppress or is still typing.

use serde_json::json;

use super::actions::nearby_speaker;
use super::analysis::Job;
use super::convert::Frame;
use super::lsp;
use crate::engine::{Analysis, Finding};

pub const SOURCE: &str = "whosaid";
const IGNORE_LINE: &str = "whosaid: ignore";
const IGNORE_FILE: &str = "whosaid: ignore-file";

/// `<!-- whosaid: ignore -->` markers: the lines they sit on, and whether one covers the file.
#[derive(Debug, Default)]
pub struct Markers {
    pub whole_file: bool,
    pub lines: Vec<u32>,
}

impl Markers {
    pub fn find(frame: &Frame) -> Markers {
        let text: &str = &frame.text;
        let mut markers = Markers::default();
        let mut from = 0;
        while let Some(open) = text[from..].find("<!--").map(|i| from + i) {
            let Some(close) = text[open + 4..].find("-->").map(|i| open + 4 + i) else {
                break;
            };
            let inner = text[open + 4..close]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if inner == IGNORE_FILE {
                markers.whole_file = true;
            } else if inner == IGNORE_LINE {
                markers.lines.push(frame.line_of(open));
            }
            from = close + 3;
        }
        markers
    }

    /// A finding on a marker's line or the line after it is suppressed.
    fn covers(&self, line: u32) -> bool {
        self.whole_file || self.lines.iter().any(|&m| line == m || line == m + 1)
    }
}

/// Whether the writer suppressed this finding, or is still typing its quote.
pub fn suppressed(
    frame: &Frame,
    analysis: &Analysis,
    finding: &Finding,
    job: &Job,
    markers: &Markers,
) -> bool {
    if markers.covers(frame.line_of(finding.span.start)) {
        return true;
    }
    let quote = finding.quote.and_then(|i| analysis.quotes.get(i));
    if let (Some(q), Some(cursor)) = (quote, job.last_edit) {
        // An unclosed quote runs to its paragraph's end: the cursor inside it means the
        // writer has not typed the closing mark yet.
        if !q.closed && q.span.touches(cursor) {
            return true;
        }
    }
    let text = frame
        .slice(quote.map_or(finding.span, |q| q.span))
        .to_lowercase();
    job.settings
        .ignore
        .iter()
        .chain(job.ignored.iter())
        .map(|entry| entry.trim().to_lowercase())
        .any(|entry| !entry.is_empty() && text.contains(&entry))
}

pub fn build(frame: &Frame, analysis: &Analysis, job: &Job) -> Vec<lsp::Diagnostic> {
    if !job.enabled {
        return Vec::new();
    }
    let markers = Markers::find(frame);
    analysis
        .findings
        .iter()
        .filter(|f| !suppressed(frame, analysis, f, job, &markers))
        .filter_map(|f| {
            let severity = job.settings.severity_of(f.code)?;
            let suggestion = f
                .quote
                .and_then(|q| nearby_speaker(analysis, q))
                .map(|s| s.label);
            Some(lsp::Diagnostic {
                range: frame.range(f.span),
                severity: Some(severity),
                code: Some(lsp::NumberOrString::String(f.code.as_str().to_owned())),
                source: Some(SOURCE.to_owned()),
                message: f.message.clone(),
                data: Some(
                    json!({"code": f.code.as_str(), "quote": f.quote, "suggestion": suggestion}),
                ),
                ..Default::default()
            })
        })
        .collect()
}
