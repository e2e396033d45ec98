//! Notifications from the client: document synchronisation (which sets the database's
//! inputs and queues diagnostics), watched files, workspace folders, configuration
//! changes and `$/cancelRequest`. Input: one notification; output: inputs set, files
//! queued in `Server::changed`, and at most a few messages to the client.

use lsp_server::{ErrorCode, Notification, RequestId, Response};
use lsp_types::notification::{
    Cancel, DidChangeTextDocument, DidChangeWatchedFiles, DidChangeWorkspaceFolders,
    DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument, Notification as _,
};
use lsp_types::{
    CancelParams, DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidChangeWorkspaceFoldersParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams, FileChangeType, NumberOrString,
};

use super::super::convert::uri_to_path;
use super::super::state::path_key;
use super::{Server, is_pyproject};

impl Server {
    pub(super) fn on_notification(&mut self, n: Notification) {
        match n.method.as_str() {
            "initialized" => {
                if self.dynamic_watchers {
                    self.register_watchers();
                }
                return;
            }
            Cancel::METHOD => {
                if let Ok(p) = serde_json::from_value::<CancelParams>(n.params) {
                    self.cancel_request(p.id);
                }
                return;
            }
            _ => {}
        }
        let Some(ws) = self.ws.as_mut() else { return };
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) else {
                    return;
                };
                let doc = p.text_document;
                // Only Python is analysed (a client may open every file with one server).
                let key = path_key(&doc.uri);
                let is_python =
                    doc.language_id == "python" || key.ends_with(".py") || key.ends_with(".pyi");
                if is_python {
                    let (file, _) = ws.open(doc.uri, doc.version, doc.text);
                    self.changed.push(file);
                }
            }
            DidChangeTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) else {
                    return;
                };
                // A new version is always answered with diagnostics, even when the text
                // came back to what it was (the input is then left alone: no cancellation).
                let doc = p.text_document;
                if let Some((file, _)) = ws.change(&doc.uri, doc.version, &p.content_changes) {
                    self.changed.push(file);
                }
            }
            DidSaveTextDocument::METHOD => {
                // The open document's text is already current (saves do not carry text);
                // a saved `pyproject.toml` may change the configuration.
                let Ok(p) = serde_json::from_value::<DidSaveTextDocumentParams>(n.params) else {
                    return;
                };
                if is_pyproject(&path_key(&p.text_document.uri)) {
                    self.reload_project();
                }
            }
            DidCloseTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) else {
                    return;
                };
                let uri = p.text_document.uri;
                if let Some(file) = ws.close(&uri) {
                    self.changed.push(file);
                }
                if self.push_diagnostics && self.published.remove(uri.as_str()).is_some() {
                    self.publish(uri, None, Vec::new());
                }
            }
            DidChangeWatchedFiles::METHOD => {
                let Ok(p) = serde_json::from_value::<DidChangeWatchedFilesParams>(n.params) else {
                    return;
                };
                let mut reload = false;
                for change in p.changes {
                    let Some(path) = uri_to_path(&change.uri) else {
                        continue;
                    };
                    if is_pyproject(&path.display().to_string()) {
                        reload = true;
                    } else if let Some(file) =
                        ws.disk_changed(&path, change.typ == FileChangeType::DELETED)
                    {
                        self.changed.push(file);
                    }
                }
                ws.sync_project();
                if reload {
                    self.reload_project();
                }
            }
            DidChangeWorkspaceFolders::METHOD => {
                let Ok(p) = serde_json::from_value::<DidChangeWorkspaceFoldersParams>(n.params)
                else {
                    return;
                };
                let removed: Vec<_> = p
                    .event
                    .removed
                    .iter()
                    .filter_map(|f| uri_to_path(&f.uri))
                    .collect();
                self.folders.retain(|f| !removed.contains(f));
                for added in p.event.added.iter().filter_map(|f| uri_to_path(&f.uri)) {
                    if !self.folders.contains(&added) {
                        self.folders.push(added);
                    }
                }
                self.reload_project();
            }
            _ => {}
        }
    }

    /// `$/cancelRequest`: a request still being answered is cancelled (its worker's
    /// database handle is told to stop, and whatever it answers later is dropped) and
    /// answered `RequestCancelled` now. A request already answered is left alone.
    fn cancel_request(&mut self, id: NumberOrString) {
        let id = match id {
            NumberOrString::Number(n) => RequestId::from(n),
            NumberOrString::String(s) => RequestId::from(s),
        };
        if let Some(token) = self.pending.remove(&id) {
            token.cancel();
            self.respond(Response::new_err(
                id,
                ErrorCode::RequestCanceled as i32,
                "cancelled by the client".into(),
            ));
        }
    }
}
