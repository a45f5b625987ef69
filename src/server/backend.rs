//! The `LanguageServer` implementation: document lifecycle, settings and request routing.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock};
use std::time::Duration;

use serde_json::Value;
use tokio::sync::watch;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::{Client, LanguageServer};

use super::actions::{self, IGNORE_COMMAND};
use super::analysis::{self, Analyzed, Job, JobMessage};
use super::config::Settings;
use super::documents::{self, Document};
use super::lsp;
use super::pool::Pool;
use super::sources::{self, SHOW_SOURCES_COMMAND};
use super::{hover, symbols};
use crate::positions::Encoding;

/// Two lanes: a novel's analysis runs beside a short document's (and the machine has 2 cores).
const ANALYSIS_THREADS: usize = 2;

/// How long a request waits for its document's analysis before giving up.
const ANALYSIS_WAIT: Duration = Duration::from_secs(30);

/// What the client told us it supports.
#[derive(Debug, Clone, Copy)]
pub struct Session {
    pub encoding: Encoding,
    pub hover_markdown: bool,
    pub hierarchical_symbols: bool,
    pub config_pull: bool,
    pub inlay_refresh: bool,
    pub code_lens_refresh: bool,
}

impl Default for Session {
    fn default() -> Self {
        Session {
            encoding: Encoding::Utf16,
            hover_markdown: true,
            hierarchical_symbols: false,
            config_pull: false,
            inlay_refresh: false,
            code_lens_refresh: false,
        }
    }
}

#[derive(Default)]
pub struct State {
    docs: Mutex<HashMap<String, Document>>,
    settings: RwLock<Arc<Settings>>,
    /// Quote texts ignored through `whosaid.ignoreQuote` (plain text has no comment markers).
    ignored: Mutex<Arc<Vec<String>>>,
    session: RwLock<Session>,
    pub shutdown_requested: AtomicBool,
}

/// Locks never poison us: a panicking holder leaves plain data that is still usable.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl State {
    fn session(&self) -> Session {
        *self.session.read().unwrap_or_else(PoisonError::into_inner)
    }
    fn settings(&self) -> Arc<Settings> {
        self.settings
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
    fn set_settings(&self, s: Settings) {
        *self
            .settings
            .write()
            .unwrap_or_else(PoisonError::into_inner) = Arc::new(s);
    }

    /// Queue an analysis of the document's current text with the current settings; false
    /// when the document is left out (its analysis is then empty).
    fn enqueue(&self, doc: &mut Document) -> bool {
        let settings = self.settings();
        doc.generation += 1;
        let enabled = analysed(&settings, &doc.language_id, doc.uri.as_str());
        let job = Job {
            generation: doc.generation,
            version: doc.version,
            rope: doc.rope.clone(),
            format: doc.format,
            enabled,
            settings,
            ignored: lock(&self.ignored).clone(),
            encoding: self.session().encoding,
            last_edit: doc.last_edit,
        };
        doc.jobs.send_replace(JobMessage::Analyze(Arc::new(job)));
        enabled
    }

    fn reanalyze_all(&self) {
        let mut docs = lock(&self.docs);
        for doc in docs.values_mut() {
            let _ = self.enqueue(doc);
        }
    }
}

/// Whether a document is analysed: its language is in `whosaid.languages`, or its file name says prose.
fn analysed(settings: &Settings, language_id: &str, uri: &str) -> bool {
    settings.languages.iter().any(|l| l == language_id) || documents::prose_file(uri)
}

pub struct Backend {
    client: Client,
    state: Arc<State>,
    pool: Pool,
}

fn unknown_document(uri: &lsp::Uri) -> Error {
    Error::invalid_params(format!("unknown document: {}", uri.as_str()))
}

/// Utf-8 first (no conversion), then utf-32, then utf-16, which every client supports.
fn negotiate_encoding(caps: &lsp::ClientCapabilities) -> Encoding {
    let offered: Vec<Encoding> = caps
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref())
        .map(|kinds| {
            kinds
                .iter()
                .filter_map(|k| Encoding::from_lsp_str(k.as_str()))
                .collect()
        })
        .unwrap_or_default();
    [Encoding::Utf8, Encoding::Utf32]
        .into_iter()
        .find(|e| offered.contains(e))
        .unwrap_or(Encoding::Utf16)
}

fn session_of(caps: &lsp::ClientCapabilities) -> Session {
    let text = caps.text_document.as_ref();
    let hover_markdown = text
        .and_then(|t| t.hover.as_ref())
        .and_then(|h| h.content_format.as_ref())
        .is_none_or(|formats| formats.contains(&lsp::MarkupKind::Markdown));
    let hierarchical_symbols = text
        .and_then(|t| t.document_symbol.as_ref())
        .and_then(|d| d.hierarchical_document_symbol_support)
        .unwrap_or(false);
    let workspace = caps.workspace.as_ref();
    Session {
        encoding: negotiate_encoding(caps),
        hover_markdown,
        hierarchical_symbols,
        config_pull: workspace.and_then(|w| w.configuration).unwrap_or(false),
        inlay_refresh: workspace
            .and_then(|w| w.inlay_hint.as_ref())
            .and_then(|i| i.refresh_support)
            .unwrap_or(false),
        code_lens_refresh: workspace
            .and_then(|w| w.code_lens.as_ref())
            .and_then(|c| c.refresh_support)
            .unwrap_or(false),
    }
}

impl Backend {
    /// `analysis_cpus`: where the analysis threads run (empty: anywhere).
    pub fn new(client: Client, state: Arc<State>, analysis_cpus: Vec<usize>) -> Self {
        Backend {
            client,
            state,
            pool: Pool::new(ANALYSIS_THREADS, analysis_cpus),
        }
    }

    async fn log(&self, typ: lsp::MessageType, message: String) {
        match typ {
            lsp::MessageType::ERROR | lsp::MessageType::WARNING => tracing::warn!("{message}"),
            _ => tracing::info!("{message}"),
        }
        self.client.log_message(typ, message).await;
    }

    /// Parse and store settings, report bad keys, re-analyse everything. `refresh_hints`
    /// asks the client to refresh inlay hints: a request, so never before `initialize` ends.
    async fn apply_settings(&self, value: &Value, refresh_hints: bool) {
        let (settings, errors) = Settings::from_json(value);
        self.state.set_settings(settings);
        for error in errors {
            tracing::warn!("{error}");
            self.client
                .show_message(lsp::MessageType::WARNING, error)
                .await;
        }
        self.state.reanalyze_all();
        if refresh_hints && self.state.session().inlay_refresh {
            let _ = self.client.inlay_hint_refresh().await;
        }
        if refresh_hints && self.state.session().code_lens_refresh {
            let _ = self.client.code_lens_refresh().await;
        }
    }

    /// The sources lens's command: the breakdown as a message, and as the command's result.
    async fn show_sources(&self, arguments: &[Value]) -> Result<Option<Value>> {
        let uri = arguments
            .first()
            .and_then(Value::as_str)
            .and_then(|u| u.parse::<lsp::Uri>().ok())
            .ok_or_else(|| {
                Error::invalid_params(format!("{SHOW_SOURCES_COMMAND} needs the document's URI"))
            })?;
        let doc = self.analyzed(&uri).await?;
        let text = sources::breakdown(&doc.analysis);
        self.client
            .show_message(lsp::MessageType::INFO, text.clone())
            .await;
        Ok(Some(Value::String(text)))
    }

    async fn pull_configuration(&self) {
        let item = lsp::ConfigurationItem {
            scope_uri: None,
            section: Some("whosaid".into()),
        };
        match self.client.configuration(vec![item]).await {
            Ok(values) => match values.into_iter().next() {
                Some(value) if !value.is_null() => self.apply_settings(&value, true).await,
                _ => {}
            },
            Err(e) => {
                self.log(
                    lsp::MessageType::WARNING,
                    format!("workspace/configuration failed: {e}"),
                )
                .await
            }
        }
    }

    /// Apply a didChange's edits to the rope, in order, and queue an analysis. Synchronous,
    /// so that edits are applied in the order they arrive.
    fn apply_changes(
        &self,
        doc: &mut Document,
        params: &lsp::DidChangeTextDocumentParams,
        notes: &mut Vec<String>,
    ) {
        let uri = params.text_document.uri.as_str();
        let encoding = self.state.session().encoding;
        if params.text_document.version <= doc.version {
            notes.push(format!(
                "{uri}: version {} after {} (applied anyway)",
                params.text_document.version, doc.version
            ));
        }
        for change in &params.content_changes {
            let outcome = documents::apply_change(&mut doc.rope, change, encoding);
            if outcome.clamped {
                notes.push(format!(
                    "{uri}: edit range {:?} clamped to the document",
                    change.range
                ));
            }
            doc.last_edit = Some(outcome.end);
        }
        doc.version = params.text_document.version;
        let _ = self.state.enqueue(doc);
    }

    /// The newest analysis of a document: the cached one when fresh, else wait for it.
    async fn analyzed(&self, uri: &lsp::Uri) -> Result<Arc<Analyzed>> {
        let (mut results, generation) = {
            let docs = lock(&self.state.docs);
            let doc = docs
                .get(uri.as_str())
                .ok_or_else(|| unknown_document(uri))?;
            (doc.results.clone(), doc.generation)
        };
        let fresh = async {
            results
                .wait_for(|r| r.as_ref().is_some_and(|a| a.generation >= generation))
                .await
                .map(|r| r.clone())
        };
        match tokio::time::timeout(ANALYSIS_WAIT, fresh).await {
            Ok(Ok(Some(analyzed))) => Ok(analyzed),
            // The document closed while we waited, or the analysis is stuck.
            Ok(_) => Err(unknown_document(uri)),
            Err(_) => Err(Error::internal_error()),
        }
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: lsp::InitializeParams) -> Result<lsp::InitializeResult> {
        let session = session_of(&params.capabilities);
        *self
            .state
            .session
            .write()
            .unwrap_or_else(PoisonError::into_inner) = session;
        if let Some(options) = &params.initialization_options {
            self.apply_settings(options, false).await;
        }
        let encoding = lsp::PositionEncodingKind::from(session.encoding.as_lsp_str().to_owned());
        Ok(lsp::InitializeResult {
            capabilities: lsp::ServerCapabilities {
                position_encoding: Some(encoding),
                text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
                    lsp::TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
                        ..Default::default()
                    },
                )),
                hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
                document_symbol_provider: Some(lsp::OneOf::Left(true)),
                references_provider: Some(lsp::OneOf::Left(true)),
                document_highlight_provider: Some(lsp::OneOf::Left(true)),
                workspace_symbol_provider: Some(lsp::OneOf::Left(true)),
                code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
                    lsp::CodeActionOptions {
                        code_action_kinds: Some(vec![lsp::CodeActionKind::QUICKFIX]),
                        ..Default::default()
                    },
                )),
                inlay_hint_provider: Some(lsp::OneOf::Left(true)),
                code_lens_provider: Some(lsp::CodeLensOptions {
                    resolve_provider: Some(false),
                }),
                execute_command_provider: Some(lsp::ExecuteCommandOptions {
                    commands: vec![IGNORE_COMMAND.to_owned(), SHOW_SOURCES_COMMAND.to_owned()],
                    ..Default::default()
                }),
                ..Default::default()
            },
            server_info: Some(lsp::ServerInfo {
                name: "whosaid".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: lsp::InitializedParams) {
        let session = self.state.session();
        self.log(
            lsp::MessageType::INFO,
            format!(
                "whosaid {} ready ({})",
                env!("CARGO_PKG_VERSION"),
                session.encoding.as_lsp_str()
            ),
        )
        .await;
        if session.config_pull {
            self.pull_configuration().await;
        }
    }

    async fn shutdown(&self) -> Result<()> {
        self.state.shutdown_requested.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: lsp::DidOpenTextDocumentParams) {
        let item = params.text_document;
        let key = item.uri.as_str().to_owned();
        let (jobs, job_rx) = watch::channel(JobMessage::Idle);
        let (results_tx, results) = watch::channel(None);
        let mut doc = Document {
            format: documents::format_of(&item.language_id, item.uri.as_str()),
            uri: item.uri.clone(),
            language_id: item.language_id,
            rope: ropey::Rope::from_str(&item.text),
            version: item.version,
            generation: 0,
            last_edit: None,
            jobs,
            results,
        };
        if !self.state.enqueue(&mut doc) {
            // Said once, on open: a client's name for prose may not be in the list.
            let settings = self.state.settings();
            self.log(
                lsp::MessageType::INFO,
                format!(
                    "whosaid: not analysing {}: its language id \"{}\" is not in whosaid.languages ({}) and its file name does not say prose (.txt, .md)",
                    doc.uri.as_str(),
                    doc.language_id,
                    settings.languages.join(", ")
                ),
            )
            .await;
        }
        // Reopening replaces the old document; dropping its sender stops its worker quietly.
        drop(lock(&self.state.docs).insert(key, doc));
        let client = self.client.clone();
        tokio::spawn(analysis::worker(
            item.uri,
            job_rx,
            results_tx,
            client,
            self.pool.clone(),
        ));
    }

    async fn did_change(&self, params: lsp::DidChangeTextDocumentParams) {
        let uri = &params.text_document.uri;
        let mut notes = Vec::new();
        // Everything up to here and in this block runs before any await: edits apply in order.
        {
            let mut docs = lock(&self.state.docs);
            match docs.get_mut(uri.as_str()) {
                Some(doc) => self.apply_changes(doc, &params, &mut notes),
                None => notes.push(format!("didChange for unknown document {}", uri.as_str())),
            }
        }
        for note in notes {
            self.log(lsp::MessageType::WARNING, note).await;
        }
    }

    async fn did_close(&self, params: lsp::DidCloseTextDocumentParams) {
        if let Some(doc) = lock(&self.state.docs).remove(params.text_document.uri.as_str()) {
            doc.jobs.send_replace(JobMessage::Close);
        }
    }

    async fn did_change_configuration(&self, params: lsp::DidChangeConfigurationParams) {
        let empty =
            params.settings.is_null() || params.settings.as_object().is_some_and(|o| o.is_empty());
        if empty && self.state.session().config_pull {
            self.pull_configuration().await;
        } else {
            self.apply_settings(&params.settings, true).await;
        }
    }

    async fn hover(&self, params: lsp::HoverParams) -> Result<Option<lsp::Hover>> {
        let at = params.text_document_position_params;
        let doc = self.analyzed(&at.text_document.uri).await?;
        Ok(hover::hover(
            &doc,
            at.position,
            self.state.session().hover_markdown,
        ))
    }

    async fn document_symbol(
        &self,
        params: lsp::DocumentSymbolParams,
    ) -> Result<Option<lsp::DocumentSymbolResponse>> {
        let uri = params.text_document.uri;
        let doc = self.analyzed(&uri).await?;
        let nested = doc
            .outline
            .get_or_init(|| symbols::document_symbols(&doc))
            .clone();
        Ok(Some(if self.state.session().hierarchical_symbols {
            lsp::DocumentSymbolResponse::Nested(nested)
        } else {
            lsp::DocumentSymbolResponse::Flat(symbols::flat_symbols(&uri, nested))
        }))
    }

    async fn references(&self, params: lsp::ReferenceParams) -> Result<Option<Vec<lsp::Location>>> {
        let at = params.text_document_position;
        let uri = at.text_document.uri;
        let doc = self.analyzed(&uri).await?;
        Ok(symbols::actor_at(&doc, at.position).map(|actor| {
            symbols::occurrences(&doc, actor)
                .into_iter()
                .map(|(span, _)| lsp::Location::new(uri.clone(), doc.frame.range(span)))
                .collect()
        }))
    }

    async fn document_highlight(
        &self,
        params: lsp::DocumentHighlightParams,
    ) -> Result<Option<Vec<lsp::DocumentHighlight>>> {
        let at = params.text_document_position_params;
        let doc = self.analyzed(&at.text_document.uri).await?;
        Ok(symbols::actor_at(&doc, at.position).map(|actor| symbols::highlights(&doc, actor)))
    }

    async fn symbol(
        &self,
        params: lsp::WorkspaceSymbolParams,
    ) -> Result<Option<lsp::WorkspaceSymbolResponse>> {
        // The latest results as they are: never wait on every open document.
        let latest: Vec<(lsp::Uri, Arc<Analyzed>)> = lock(&self.state.docs)
            .values()
            .filter_map(|d| Some((d.uri.clone(), d.results.borrow().clone()?)))
            .collect();
        let found = latest
            .iter()
            .flat_map(|(uri, doc)| symbols::workspace_symbols(uri, doc, &params.query))
            .collect();
        Ok(Some(lsp::WorkspaceSymbolResponse::Flat(found)))
    }

    async fn code_action(
        &self,
        params: lsp::CodeActionParams,
    ) -> Result<Option<lsp::CodeActionResponse>> {
        let uri = params.text_document.uri;
        let doc = self.analyzed(&uri).await?;
        let format = lock(&self.state.docs)
            .get(uri.as_str())
            .map(|d| d.format)
            .ok_or_else(|| unknown_document(&uri))?;
        Ok(Some(actions::code_actions(
            &uri,
            &doc,
            format,
            params.range,
        )))
    }

    async fn inlay_hint(
        &self,
        params: lsp::InlayHintParams,
    ) -> Result<Option<Vec<lsp::InlayHint>>> {
        let uri = params.text_document.uri;
        let doc = self.analyzed(&uri).await?;
        if !self.state.settings().inlay_hints {
            return Ok(Some(Vec::new()));
        }
        Ok(Some(actions::inlay_hints(&doc, params.range)))
    }

    async fn code_lens(&self, params: lsp::CodeLensParams) -> Result<Option<Vec<lsp::CodeLens>>> {
        let uri = params.text_document.uri;
        let doc = self.analyzed(&uri).await?;
        if !self.state.settings().code_lens {
            return Ok(Some(Vec::new()));
        }
        Ok(Some(sources::lens(&doc, &uri).into_iter().collect()))
    }

    async fn execute_command(&self, params: lsp::ExecuteCommandParams) -> Result<Option<Value>> {
        if params.command == SHOW_SOURCES_COMMAND {
            return self.show_sources(&params.arguments).await;
        }
        if params.command != IGNORE_COMMAND {
            return Err(Error::invalid_params(format!(
                "unknown command: {}",
                params.command
            )));
        }
        // Arguments: [uri, quote text]; the text is the last string.
        let text = params
            .arguments
            .iter()
            .rev()
            .find_map(|a| a.as_str())
            .filter(|t| !t.trim().is_empty())
            .ok_or_else(|| {
                Error::invalid_params(format!("{IGNORE_COMMAND} needs the quote's text"))
            })?
            .to_owned();
        {
            let mut ignored = lock(&self.state.ignored);
            let mut list = ignored.as_ref().clone();
            list.push(text.clone());
            *ignored = Arc::new(list);
        }
        self.state.reanalyze_all();
        self.log(lsp::MessageType::INFO, format!("ignoring quote “{text}”"))
            .await;
        Ok(None)
    }
}
