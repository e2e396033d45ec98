//! The main loop: the initialize handshake, then one event at a time from the client or
//! from workers. Inputs are set here (and only here); diagnostics and request answers are
//! computed on workers (see `tasks`). Pending diagnostics are started once no event is
//! waiting, so a burst of queued edits makes one job, and an edit arriving later cancels
//! the job in flight.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError};

use cinder_checker::SourceFile;
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeWatchedFiles, Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{
    DocumentDiagnosticRequest, DocumentSymbolRequest, GotoDefinition, HoverRequest, Initialize,
    RegisterCapability, Request as _, Shutdown, WorkspaceDiagnosticRefresh,
};
use lsp_types::{
    DiagnosticOptions, DiagnosticServerCapabilities, DidChangeWatchedFilesRegistrationOptions,
    DocumentDiagnosticParams, DocumentSymbolParams, FileSystemWatcher, GlobPattern,
    GotoDefinitionParams, HoverParams, HoverProviderCapability, InitializeParams, MessageType,
    OneOf, PositionEncodingKind, PublishDiagnosticsParams, Registration, RegistrationParams,
    SaveOptions, ServerCapabilities, ShowMessageParams, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
    WorkspaceFoldersServerCapabilities, WorkspaceServerCapabilities,
};
use serde::de::DeserializeOwned;

use super::convert::{Encoding, uri_to_path};
use super::handlers;
use super::project::ProjectConfig;
use super::state::Workspace;
use super::tasks::{self, DocRef, TaskResult, panic_message};
use super::transport::{Channels, Event, Outgoing};

mod notifications;

/// Exit codes of `cinder lsp`, as the protocol wants them.
const EXIT_OK: u8 = 0;
const EXIT_WITHOUT_SHUTDOWN: u8 = 1;

pub struct Server {
    out: Sender<Outgoing>,
    events_tx: Sender<Event>,
    /// `None` until `initialize`.
    ws: Option<Workspace>,
    /// The workspace folders, and their configuration.
    folders: Vec<PathBuf>,
    config: Arc<ProjectConfig>,
    shutdown_requested: bool,
    /// Push diagnostics, unless the client pulls them (`textDocument/diagnostic`).
    push_diagnostics: bool,
    /// The client pulls, and can be asked to pull again (`workspace/diagnostic/refresh`).
    refresh_support: bool,
    dynamic_watchers: bool,
    /// Files whose inputs changed since diagnostics were last started.
    changed: Vec<SourceFile>,
    /// What was last published per document URI, and for which version.
    published: HashMap<String, (i32, Vec<lsp_types::Diagnostic>)>,
    /// Requests being answered on workers, with the handle that cancels each.
    pending: HashMap<RequestId, salsa::CancellationToken>,
    next_request: u32,
}

impl Server {
    pub fn new(out: Sender<Outgoing>, events_tx: Sender<Event>) -> Self {
        Self {
            out,
            events_tx,
            ws: None,
            folders: Vec::new(),
            config: Arc::new(ProjectConfig::load(&[]).0),
            shutdown_requested: false,
            push_diagnostics: true,
            refresh_support: false,
            dynamic_watchers: false,
            changed: Vec::new(),
            published: HashMap::new(),
            pending: HashMap::new(),
            next_request: 0,
        }
    }

    /// Runs until `exit` (or the end of the input); returns the exit code.
    pub fn run(mut self, channels: Channels) -> u8 {
        let events: Receiver<Event> = channels.events;
        let code = loop {
            let event = if self.changed.is_empty() {
                match events.recv() {
                    Ok(event) => event,
                    Err(_) => break self.exit_code(),
                }
            } else {
                match events.try_recv() {
                    Ok(event) => event,
                    Err(TryRecvError::Empty) => {
                        self.start_diagnostics();
                        continue;
                    }
                    Err(TryRecvError::Disconnected) => break self.exit_code(),
                }
            };
            match event {
                Event::ClientClosed => break self.exit_code(),
                Event::Client(Message::Notification(n)) if n.method == "exit" => {
                    break self.exit_code();
                }
                Event::Client(Message::Notification(n)) => {
                    let method = n.method.clone();
                    if let Err(panic) = catch_unwind(AssertUnwindSafe(|| self.on_notification(n))) {
                        eprintln!(
                            "cinder lsp: crashed handling `{method}`: {}",
                            panic_message(&*panic)
                        );
                    }
                }
                Event::Client(Message::Request(req)) => {
                    let id = req.id.clone();
                    if let Err(panic) = catch_unwind(AssertUnwindSafe(|| self.on_request(req))) {
                        let message = format!(
                            "cinder crashed answering this request: {}",
                            panic_message(&*panic)
                        );
                        self.respond(Response::new_err(
                            id,
                            ErrorCode::InternalError as i32,
                            message,
                        ));
                    }
                }
                Event::Client(Message::Response(_)) => {}
                Event::Task(result) => self.on_task(result),
            }
        };
        let _ = self.out.send(Outgoing::Close);
        code
    }

    fn exit_code(&self) -> u8 {
        if self.shutdown_requested {
            EXIT_OK
        } else {
            EXIT_WITHOUT_SHUTDOWN
        }
    }

    fn send(&self, msg: Message) {
        let _ = self.out.send(Outgoing::Message(msg));
    }

    fn respond(&self, response: Response) {
        self.send(Message::Response(response));
    }

    fn error(&self, id: RequestId, code: ErrorCode, message: impl Into<String>) {
        self.respond(Response::new_err(id, code as i32, message.into()));
    }

    fn notify(&self, method: &str, params: impl serde::Serialize) {
        self.send(Message::Notification(Notification::new(
            method.to_string(),
            params,
        )));
    }

    fn request(&mut self, method: &str, params: impl serde::Serialize) {
        self.next_request += 1;
        let id = RequestId::from(format!("cinder-{}", self.next_request));
        self.send(Message::Request(Request::new(
            id,
            method.to_string(),
            params,
        )));
    }

    fn on_request(&mut self, req: Request) {
        let Some(ws) = self.ws.as_ref() else {
            if req.method == Initialize::METHOD {
                self.initialize(req);
            } else {
                self.error(
                    req.id,
                    ErrorCode::ServerNotInitialized,
                    "the server is not initialized yet",
                );
            }
            return;
        };
        if self.shutdown_requested {
            self.error(
                req.id,
                ErrorCode::InvalidRequest,
                "the server is shutting down",
            );
            return;
        }
        let encoding = ws.encoding;
        let job: Option<(RequestId, tasks::Job)> = match req.method.as_str() {
            Initialize::METHOD => {
                let message = "initialize was already received";
                self.error(req.id, ErrorCode::InvalidRequest, message);
                None
            }
            Shutdown::METHOD => {
                self.shutdown_requested = true;
                self.respond(Response::new_ok(req.id, ()));
                None
            }
            HoverRequest::METHOD => {
                let Some((id, p)) = self.params::<HoverParams>(req) else {
                    return;
                };
                let doc = p.text_document_position_params;
                match ws.file(&doc.text_document.uri) {
                    Some(file) => Some((
                        id,
                        Box::new(move |db| handlers::hover(db, file, doc.position, encoding)),
                    )),
                    None => {
                        self.respond(Response::new_ok(id, ()));
                        None
                    }
                }
            }
            GotoDefinition::METHOD => {
                let Some((id, p)) = self.params::<GotoDefinitionParams>(req) else {
                    return;
                };
                let doc = p.text_document_position_params;
                match ws.file(&doc.text_document.uri) {
                    Some(file) => Some((
                        id,
                        Box::new(move |db| handlers::definition(db, file, doc.position, encoding)),
                    )),
                    None => {
                        self.respond(Response::new_ok(id, ()));
                        None
                    }
                }
            }
            DocumentSymbolRequest::METHOD => {
                let Some((id, p)) = self.params::<DocumentSymbolParams>(req) else {
                    return;
                };
                match ws.file(&p.text_document.uri) {
                    Some(file) => Some((
                        id,
                        Box::new(move |db| handlers::document_symbols(db, file, encoding)),
                    )),
                    None => {
                        self.respond(Response::new_ok(id, ()));
                        None
                    }
                }
            }
            DocumentDiagnosticRequest::METHOD => {
                let Some((id, p)) = self.params::<DocumentDiagnosticParams>(req) else {
                    return;
                };
                let file = ws.file(&p.text_document.uri);
                let uri = p.text_document.uri;
                let config = self.config.clone();
                Some((
                    id,
                    Box::new(move |db| {
                        handlers::pull_diagnostics(db, file, &uri, encoding, &config)
                    }),
                ))
            }
            _ => {
                let message = format!("unknown method `{}`", req.method);
                self.error(req.id, ErrorCode::MethodNotFound, message);
                None
            }
        };
        if let Some((id, job)) = job {
            let db = ws.db.clone();
            self.pending
                .insert(id.clone(), salsa::Database::cancellation_token(&db));
            tasks::spawn_request(db, id, job, self.events_tx.clone());
        }
    }

    /// The parameters of a request, or `None` after answering `InvalidParams`.
    fn params<P: DeserializeOwned>(&self, req: Request) -> Option<(RequestId, P)> {
        match serde_json::from_value::<P>(req.params) {
            Ok(p) => Some((req.id, p)),
            Err(err) => {
                self.error(
                    req.id,
                    ErrorCode::InvalidParams,
                    format!("invalid parameters for `{}`: {err}", req.method),
                );
                None
            }
        }
    }

    fn initialize(&mut self, req: Request) {
        let params: InitializeParams = match serde_json::from_value(req.params) {
            Ok(params) => params,
            Err(err) => {
                self.error(
                    req.id,
                    ErrorCode::InvalidParams,
                    format!("invalid initialize parameters: {err}"),
                );
                return;
            }
        };
        let caps = &params.capabilities;
        let utf8 = caps
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref())
            .is_some_and(|encodings| encodings.contains(&PositionEncodingKind::UTF8));
        let encoding = if utf8 {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        };
        self.push_diagnostics = caps
            .text_document
            .as_ref()
            .and_then(|t| t.diagnostic.as_ref())
            .is_none();
        let workspace = caps.workspace.as_ref();
        self.refresh_support = workspace
            .and_then(|w| w.diagnostic.as_ref())
            .and_then(|d| d.refresh_support)
            .unwrap_or(false);
        self.dynamic_watchers = workspace
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);

        self.folders = workspace_folders(&params);
        self.ws = Some(Workspace::new(encoding, Vec::new()));
        self.load_project();

        let capabilities = server_capabilities(encoding);
        let result = serde_json::json!({
            "capabilities": capabilities,
            "serverInfo": { "name": "cinder", "version": env!("CARGO_PKG_VERSION") },
        });
        self.respond(Response::new_ok(req.id, result));
    }

    fn register_watchers(&mut self) {
        let watchers = ["**/*.py", "**/*.pyi", "**/pyproject.toml"]
            .into_iter()
            .map(|glob| FileSystemWatcher {
                glob_pattern: GlobPattern::String(glob.to_string()),
                kind: None,
            })
            .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let registration = Registration {
            id: "cinder-watched-files".to_string(),
            method: DidChangeWatchedFiles::METHOD.to_string(),
            register_options: serde_json::to_value(options).ok(),
        };
        self.request(
            RegisterCapability::METHOD,
            RegistrationParams {
                registrations: vec![registration],
            },
        );
    }

    /// Reads the configuration of the workspace folders, sets the roots and reads the
    /// project's files. Configuration problems are shown to the user.
    fn load_project(&mut self) {
        let (config, errors) = ProjectConfig::load(&self.folders);
        for message in errors {
            let params = ShowMessageParams {
                typ: MessageType::ERROR,
                message,
            };
            self.notify(ShowMessage::METHOD, params);
        }
        if let Some(ws) = self.ws.as_mut() {
            ws.set_roots(config.roots());
            ws.scan(&config.files());
        }
        self.config = Arc::new(config);
    }

    /// A configuration changed: reload it and re-check every open document.
    fn reload_project(&mut self) {
        self.load_project();
        if let Some(ws) = self.ws.as_ref() {
            self.changed.extend(ws.open_docs().map(|d| d.file));
        }
    }

    /// Starts (or asks the client to pull) the diagnostics of what changed.
    fn start_diagnostics(&mut self) {
        let mut changed = std::mem::take(&mut self.changed);
        changed.dedup();
        let Some(ws) = self.ws.as_mut() else { return };
        ws.sync_project();
        if !self.push_diagnostics {
            if self.refresh_support {
                self.request(WorkspaceDiagnosticRefresh::METHOD, ());
            }
            return;
        }
        let open: Vec<DocRef> = ws
            .open_docs()
            .map(|d| DocRef {
                uri: d.uri.clone(),
                file: d.file,
                version: d.version,
            })
            .collect();
        if open.is_empty() {
            return;
        }
        let config = self.config.clone();
        let events = self.events_tx.clone();
        tasks::spawn_diagnostics(ws.db.clone(), changed, open, ws.encoding, config, events);
    }

    fn on_task(&mut self, result: TaskResult) {
        match result {
            TaskResult::Response(response) => {
                // A request cancelled by the client was answered already.
                if self.pending.remove(&response.id).is_some() {
                    self.respond(response);
                }
            }
            TaskResult::Cancelled { changed } => self.changed.extend(changed),
            TaskResult::Diagnostics {
                uri,
                version,
                diagnostics,
                force,
            } => {
                let current = self
                    .ws
                    .as_ref()
                    .and_then(|ws| ws.open_doc(&uri))
                    .map(|d| d.version);
                if current != Some(version) {
                    return; // stale: a newer version has its own job
                }
                // An importer is republished when its diagnostics changed; an edited
                // document once per version (a job cancelled and run again may repeat one).
                let last = self.published.get(uri.as_str());
                let same = last.is_some_and(|(_, d)| *d == diagnostics);
                if same && (!force || last.is_some_and(|(v, _)| *v == version)) {
                    return;
                }
                self.published
                    .insert(uri.as_str().to_string(), (version, diagnostics.clone()));
                self.publish(uri, Some(version), diagnostics);
            }
        }
    }

    fn publish(&self, uri: Uri, version: Option<i32>, diagnostics: Vec<lsp_types::Diagnostic>) {
        self.notify(
            PublishDiagnostics::METHOD,
            PublishDiagnosticsParams {
                uri,
                diagnostics,
                version,
            },
        );
    }
}

fn is_pyproject(path: &str) -> bool {
    path.ends_with("/pyproject.toml")
}

/// The workspace folders, else the root URI (or path).
fn workspace_folders(params: &InitializeParams) -> Vec<PathBuf> {
    if let Some(folders) = params.workspace_folders.as_ref().filter(|f| !f.is_empty()) {
        return folders.iter().filter_map(|f| uri_to_path(&f.uri)).collect();
    }
    #[allow(deprecated)] // still what many clients send
    let root = params
        .root_uri
        .as_ref()
        .and_then(uri_to_path)
        .or_else(|| params.root_path.as_ref().map(PathBuf::from));
    root.into_iter().collect()
}

fn server_capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(match encoding {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..Default::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        diagnostic_provider: Some(DiagnosticServerCapabilities::Options(DiagnosticOptions {
            identifier: Some("cinder".to_string()),
            inter_file_dependencies: true,
            workspace_diagnostics: false,
            work_done_progress_options: Default::default(),
        })),
        workspace: Some(WorkspaceServerCapabilities {
            workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(json: serde_json::Value) -> InitializeParams {
        serde_json::from_value(json).unwrap_or_else(|e| unreachable!("valid params: {e}"))
    }

    #[test]
    fn folders_come_from_workspace_folders_else_the_root() {
        let both = params(serde_json::json!({
            "capabilities": {},
            "rootUri": "file:///root",
            "workspaceFolders": [{ "uri": "file:///a", "name": "a" }, { "uri": "file:///b%20c", "name": "b" }],
        }));
        assert_eq!(
            workspace_folders(&both),
            [PathBuf::from("/a"), PathBuf::from("/b c")]
        );
        let root_only =
            params(serde_json::json!({ "capabilities": {}, "rootUri": "file:///root" }));
        assert_eq!(workspace_folders(&root_only), [PathBuf::from("/root")]);
        let path_only = params(serde_json::json!({ "capabilities": {}, "rootPath": "/old" }));
        assert_eq!(workspace_folders(&path_only), [PathBuf::from("/old")]);
        let none = params(serde_json::json!({ "capabilities": {} }));
        assert!(workspace_folders(&none).is_empty());
    }

    /// Edits already queued when the loop gets to them make one diagnostics job, for the
    /// last version: a burst of keystrokes never queues stale work.
    #[test]
    fn queued_edits_make_one_diagnostics_job() {
        use std::sync::mpsc::channel;
        let (events_tx, events) = channel();
        let (out, out_rx) = channel();
        let client = |msg: Message| {
            let _ = events_tx.send(Event::Client(msg));
        };
        let note = |method: &str, params: serde_json::Value| {
            Message::Notification(Notification::new(method.to_string(), params))
        };
        let init = serde_json::json!({ "processId": null, "rootUri": null, "capabilities": {} });
        client(Message::Request(Request::new(
            1.into(),
            "initialize".into(),
            init,
        )));
        client(note("initialized", serde_json::json!({})));
        let uri = "file:///nonexistent-cinder-test/m.py";
        let doc =
            serde_json::json!({ "uri": uri, "languageId": "python", "version": 0, "text": "" });
        client(note(
            "textDocument/didOpen",
            serde_json::json!({ "textDocument": doc }),
        ));
        for version in 1..=20 {
            let change = serde_json::json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{ "text": format!("x = {version}\n") }],
            });
            client(note("textDocument/didChange", change));
        }
        let server = Server::new(out.clone(), events_tx.clone());
        let channels = Channels {
            events,
            events_tx: events_tx.clone(),
            out,
        };
        let running = std::thread::spawn(move || server.run(channels));
        let published = |item: Outgoing| match item {
            Outgoing::Message(Message::Notification(n))
                if n.method == PublishDiagnostics::METHOD =>
            {
                n.params["version"].as_i64()
            }
            _ => None,
        };
        let timeout = std::time::Duration::from_secs(60);
        let first = std::iter::from_fn(|| out_rx.recv_timeout(timeout).ok()).find_map(published);
        assert_eq!(first, Some(20));
        client(note("exit", serde_json::Value::Null));
        assert_eq!(running.join().ok(), Some(EXIT_WITHOUT_SHUTDOWN));
        let later: Vec<i64> = out_rx.try_iter().filter_map(published).collect();
        assert!(later.is_empty(), "stale diagnostics: {later:?}");
    }
}
