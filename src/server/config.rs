//! The settings, shared by every editor client under the same names.

use std::collections::HashMap;

use serde_json::Value;

use super::lsp;
use crate::engine::{FindingCode, Mode, Severity};

/// A finding code's configured severity; `None` turns it off.
pub type SeverityChoice = Option<lsp::DiagnosticSeverity>;

#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub mode: Mode,
    pub severity: HashMap<FindingCode, SeverityChoice>,
    pub cue_verbs: Vec<String>,
    pub vague_phrases: Vec<String>,
    /// Quote texts or phrases whose findings are suppressed (case-insensitive containment).
    pub ignore: Vec<String>,
    pub min_quote_words: usize,
    pub inlay_hints: bool,
    /// The sources lens at the top of a document.
    pub code_lens: bool,
    pub languages: Vec<String>,
}

/// The language ids clients send for prose, analysed unless `languages` says otherwise:
/// `plaintext` (VS Code and the LSP specification), `text` (Vim and Neovim's filetype, Emacs's
/// `text-mode` through Eglot, Helix's `text`), `markdown`, and `gfm` (Eglot's `gfm-mode`).
pub const PROSE_LANGUAGES: &[&str] = &["plaintext", "text", "markdown", "gfm"];

impl Default for Settings {
    fn default() -> Self {
        Settings {
            mode: Mode::Auto,
            severity: HashMap::new(),
            cue_verbs: Vec::new(),
            vague_phrases: Vec::new(),
            ignore: Vec::new(),
            min_quote_words: 4,
            inlay_hints: false,
            code_lens: true,
            languages: PROSE_LANGUAGES.iter().map(|&l| l.to_owned()).collect(),
        }
    }
}

fn lsp_severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
        Severity::Hint => lsp::DiagnosticSeverity::HINT,
    }
}

impl Settings {
    /// The severity a finding code is reported with (`None`: not reported).
    pub fn severity_of(&self, code: FindingCode) -> SeverityChoice {
        match self.severity.get(&code) {
            Some(choice) => *choice,
            None => Some(lsp_severity(code.default_severity())),
        }
    }

    /// Settings from a client's JSON: `{"whosaid": {...}}` or the object itself. Keys absent
    /// keep their defaults; a bad value is reported (key and value) and skipped.
    pub fn from_json(value: &Value) -> (Settings, Vec<String>) {
        let mut settings = Settings::default();
        let mut errors = Vec::new();
        let object = match value.get("whosaid").unwrap_or(value) {
            Value::Object(map) => map,
            Value::Null => return (settings, errors),
            other => {
                errors.push(format!("whosaid settings: expected an object, got {other}"));
                return (settings, errors);
            }
        };
        for (key, value) in object {
            if let Err(why) = settings.apply(key, value) {
                errors.push(format!(
                    "whosaid setting `{key}`: bad value {value} ({why})"
                ));
            }
        }
        (settings, errors)
    }

    fn apply(&mut self, key: &str, value: &Value) -> Result<(), String> {
        match key {
            "mode" => {
                self.mode = value
                    .as_str()
                    .and_then(Mode::parse)
                    .ok_or("expected \"auto\", \"news\" or \"fiction\"")?;
            }
            "severity" => {
                let map = value
                    .as_object()
                    .ok_or("expected an object of finding code -> severity")?;
                let mut bad = Vec::new();
                for (code, level) in map {
                    let parsed_code = FindingCode::parse(code);
                    let parsed_level = level.as_str().and_then(parse_level);
                    match (parsed_code, parsed_level) {
                        (Some(c), Some(l)) => {
                            self.severity.insert(c, l);
                        }
                        (None, _) => bad.push(format!("unknown finding code \"{code}\"")),
                        (_, None) => bad.push(format!(
                            "\"{code}\": {level} is not error, warning, information, hint or off"
                        )),
                    }
                }
                if !bad.is_empty() {
                    return Err(bad.join("; "));
                }
            }
            "cueVerbs" => self.cue_verbs = lowercase_strings(value)?,
            "vaguePhrases" => self.vague_phrases = lowercase_strings(value)?,
            "ignore" => self.ignore = strings(value)?,
            "languages" => self.languages = strings(value)?,
            "minQuoteWords" => {
                self.min_quote_words = value
                    .as_u64()
                    .filter(|&n| n <= 1000)
                    .ok_or("expected a non-negative integer")?
                    as usize;
            }
            "inlayHints" => self.inlay_hints = value.as_bool().ok_or("expected true or false")?,
            "codeLens" => self.code_lens = value.as_bool().ok_or("expected true or false")?,
            _ => tracing::info!("ignoring unknown setting `{key}`"),
        }
        Ok(())
    }
}

/// `None` inside: the code is turned off.
fn parse_level(s: &str) -> Option<SeverityChoice> {
    match s {
        "off" => Some(None),
        other => Severity::parse(other).map(|s| Some(lsp_severity(s))),
    }
}

fn strings(value: &Value) -> Result<Vec<String>, String> {
    let items = value.as_array().ok_or("expected an array of strings")?;
    items
        .iter()
        .map(|v| {
            v.as_str()
                .map(str::to_owned)
                .ok_or_else(|| "expected an array of strings".to_owned())
        })
        .collect()
}

fn lowercase_strings(value: &Value) -> Result<Vec<String>, String> {
    Ok(strings(value)?
        .into_iter()
        .map(|s| s.to_lowercase())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nested_or_bare_and_bad_values_reported_while_the_rest_applies() {
        let (s, errors) = Settings::from_json(&json!({"whosaid": {
            "mode": "fiction", "minQuoteWords": "four", "inlayHints": true,
            "severity": {"vague-source": "off", "hearsay": "error"}
        }}));
        assert_eq!(s.mode, Mode::Fiction);
        assert_eq!(s.min_quote_words, 4);
        assert!(s.inlay_hints);
        assert_eq!(s.severity_of(FindingCode::VagueSource), None);
        assert_eq!(
            s.severity_of(FindingCode::Hearsay),
            Some(lsp::DiagnosticSeverity::ERROR)
        );
        assert_eq!(
            s.severity_of(FindingCode::UnattributedQuote),
            Some(lsp::DiagnosticSeverity::WARNING)
        );
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].contains("minQuoteWords") && errors[0].contains("\"four\""),
            "{errors:?}"
        );

        let (bare, errors) =
            Settings::from_json(&json!({"cueVerbs": ["Quipped"], "languages": ["latex"]}));
        assert!(errors.is_empty());
        assert_eq!(bare.cue_verbs, vec!["quipped"]);
        assert_eq!(bare.languages, vec!["latex"]);
    }
}
