//! Work done off the main loop: diagnostics and request answers, each on a worker thread
//! with a clone of the database.
//!
//! Cancellation: when the main loop sets an input, salsa cancels every query running on
//! a clone (`salsa::Cancelled` unwinds the worker) and waits for the clones to be
//! dropped. Workers catch that, drop their clone and report nothing (diagnostics) or a
//! `ContentModified` error (requests), so stale work never piles up behind an edit.
//! Any other panic is caught too and becomes an `InternalError` response.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::Sender;

use cinder_checker::{CheckerDb, Db, SourceFile, check_file, ide, parsed_module};
use lsp_server::{ErrorCode, RequestId, Response};
use lsp_types::{Location, Uri};

use std::sync::Arc;

use super::convert::{Encoding, LineMap, diagnostic, file_uri};
use super::project::ProjectConfig;
use super::transport::Event;

/// What a worker reports to the main loop.
pub enum TaskResult {
    /// The diagnostics of an open document, computed at `version`.
    Diagnostics {
        uri: Uri,
        version: i32,
        diagnostics: Vec<lsp_types::Diagnostic>,
        force: bool,
    },
    Response(Response),
    /// The diagnostics job stopped early (cancelled by an edit): its files still need it.
    Cancelled {
        changed: Vec<SourceFile>,
    },
}

/// An open document as the workers see it.
#[derive(Clone)]
pub struct DocRef {
    pub uri: Uri,
    pub file: SourceFile,
    pub version: i32,
}

/// Workers recurse as deep as the main thread does (see `main.rs`).
const WORKER_STACK: usize = 256 * 1024 * 1024;

fn spawn(name: &str, job: impl FnOnce() + Send + 'static) -> bool {
    std::thread::Builder::new()
        .name(name.into())
        .stack_size(WORKER_STACK)
        .spawn(job)
        .is_ok()
}

/// The LSP diagnostics of `file`: those of `cinder check`, with the configured rule levels.
pub fn file_diagnostics(
    db: &CheckerDb,
    file: SourceFile,
    uri: &Uri,
    encoding: Encoding,
    config: &ProjectConfig,
) -> Vec<lsp_types::Diagnostic> {
    let diags = config.apply_rules(file.path(db), check_file(db, file).clone());
    let text = file.text(db);
    let index = parsed_module(db, file).line_index();
    let map = LineMap::new(text, index, encoding);
    let related = |label: &cinder_checker::Label| -> Option<Location> {
        match &label.path {
            None => Some(Location {
                uri: uri.clone(),
                range: map.range(label.span),
            }),
            Some(path) => {
                let other = db
                    .project()
                    .files(db)
                    .iter()
                    .copied()
                    .find(|f| f.path(db) == path)?;
                let index = parsed_module(db, other).line_index();
                let other_map = LineMap::new(other.text(db), index, encoding);
                Some(Location {
                    uri: file_uri(path)?,
                    range: other_map.range(label.span),
                })
            }
        }
    };
    diags
        .iter()
        .map(|d| diagnostic(d, &map, &related))
        .collect()
}

/// Recomputes diagnostics after `changed` files changed: first the open documents among
/// them (always published: the editor waits for them), then the open documents that
/// import a changed file, directly or not (published when they differ).
pub fn spawn_diagnostics(
    db: CheckerDb,
    changed: Vec<SourceFile>,
    open: Vec<DocRef>,
    encoding: Encoding,
    config: Arc<ProjectConfig>,
    events: Sender<Event>,
) {
    let tx = events.clone();
    let started = spawn("lsp-diagnostics", move || {
        let retry = changed.clone();
        let result = catch_unwind(AssertUnwindSafe(|| {
            salsa::Cancelled::catch(AssertUnwindSafe(|| {
                let (edited, others): (Vec<DocRef>, Vec<DocRef>) =
                    open.into_iter().partition(|d| changed.contains(&d.file));
                for doc in edited {
                    let diagnostics = file_diagnostics(&db, doc.file, &doc.uri, encoding, &config);
                    let result = TaskResult::Diagnostics {
                        uri: doc.uri,
                        version: doc.version,
                        diagnostics,
                        force: true,
                    };
                    let _ = tx.send(Event::Task(result));
                }
                for doc in others {
                    if changed.iter().any(|&c| ide::depends_on(&db, doc.file, c)) {
                        let diagnostics =
                            file_diagnostics(&db, doc.file, &doc.uri, encoding, &config);
                        let result = TaskResult::Diagnostics {
                            uri: doc.uri,
                            version: doc.version,
                            diagnostics,
                            force: false,
                        };
                        let _ = tx.send(Event::Task(result));
                    }
                }
            }))
        }));
        drop(db);
        match result {
            Ok(Ok(())) => {}
            Ok(Err(_cancelled)) => {
                let _ = tx.send(Event::Task(TaskResult::Cancelled { changed: retry }));
            }
            Err(panic) => eprintln!("cinder lsp: diagnostics failed: {}", panic_message(&*panic)),
        }
    });
    if !started {
        eprintln!("cinder lsp: cannot start a worker thread");
    }
}

/// What a request handler returns: a JSON result, or an error code and message.
pub type HandlerResult = Result<serde_json::Value, (ErrorCode, String)>;

/// A request handler, ready to run on a worker.
pub type Job = Box<dyn FnOnce(&CheckerDb) -> HandlerResult + Send>;

/// Answers request `id` on a worker with `handler`.
pub fn spawn_request(
    db: CheckerDb,
    id: RequestId,
    handler: impl FnOnce(&CheckerDb) -> HandlerResult + Send + 'static,
    events: Sender<Event>,
) {
    let tx = events.clone();
    let job_id = id.clone();
    let started = spawn("lsp-request", move || {
        let result = catch_unwind(AssertUnwindSafe(|| {
            salsa::Cancelled::catch(AssertUnwindSafe(|| handler(&db)))
        }));
        drop(db);
        let response = match result {
            Ok(Ok(Ok(value))) => Response::new_ok(job_id, value),
            Ok(Ok(Err((code, message)))) => Response::new_err(job_id, code as i32, message),
            Ok(Err(_cancelled)) => Response::new_err(
                job_id,
                ErrorCode::ContentModified as i32,
                "content modified".into(),
            ),
            Err(panic) => Response::new_err(
                job_id,
                ErrorCode::InternalError as i32,
                format!(
                    "cinder crashed answering this request: {}",
                    panic_message(&*panic)
                ),
            ),
        };
        let _ = tx.send(Event::Task(TaskResult::Response(response)));
    });
    if !started {
        let response = Response::new_err(
            id,
            ErrorCode::InternalError as i32,
            "cannot start a worker thread".into(),
        );
        let _ = events.send(Event::Task(TaskResult::Response(response)));
    }
}

/// The message of a panic payload.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".to_string()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc::channel;
    use std::time::Duration;

    use salsa::Setter;

    use super::*;

    fn no_config() -> Arc<ProjectConfig> {
        Arc::new(ProjectConfig::load(&[]).0)
    }

    fn response(events: &std::sync::mpsc::Receiver<Event>) -> Response {
        match events.recv_timeout(Duration::from_secs(30)) {
            Ok(Event::Task(TaskResult::Response(r))) => r,
            _ => unreachable!("a worker always answers"),
        }
    }

    #[test]
    fn a_panicking_handler_is_answered_with_an_internal_error() {
        let (tx, rx) = channel();
        spawn_request(
            CheckerDb::new(),
            RequestId::from(7),
            |_| panic!("handler bug"),
            tx,
        );
        let r = response(&rx);
        assert_eq!(r.id, RequestId::from(7));
        let error = r
            .response_result
            .err()
            .map(|e| (e.code, e.message.contains("handler bug")));
        assert_eq!(error, Some((ErrorCode::InternalError as i32, true)));
    }

    #[test]
    fn setting_an_input_cancels_a_running_request() {
        let mut db = CheckerDb::new();
        let file = SourceFile::new(&db, "/w/m.py".to_string(), "x = 1\n".to_string());
        let (tx, rx) = channel();
        let (started_tx, started) = channel();
        // A handler that would run forever if salsa did not cancel it.
        spawn_request(
            db.clone(),
            RequestId::from(1),
            move |db| {
                let _ = started_tx.send(());
                loop {
                    check_file(db, file);
                    std::thread::sleep(Duration::from_millis(1));
                }
            },
            tx,
        );
        let _ = started.recv_timeout(Duration::from_secs(30));
        file.set_text(&mut db).to("x = 2\n".to_string());
        let r = response(&rx);
        assert_eq!(
            r.response_result.err().map(|e| e.code),
            Some(ErrorCode::ContentModified as i32)
        );
        assert_eq!(file.text(&db), "x = 2\n");
    }

    #[test]
    fn diagnostics_of_an_edited_document_are_always_sent() {
        let db = CheckerDb::new();
        let file = SourceFile::new(&db, "/w/m.py".to_string(), "def f(:\n".to_string());
        let uri: Uri = "file:///w/m.py"
            .parse()
            .unwrap_or_else(|_| unreachable!("valid URI"));
        let (tx, rx) = channel();
        let doc = DocRef {
            uri: uri.clone(),
            file,
            version: 4,
        };
        spawn_diagnostics(db, vec![file], vec![doc], Encoding::Utf16, no_config(), tx);
        match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(Event::Task(TaskResult::Diagnostics {
                uri: got,
                version,
                diagnostics,
                force,
            })) => {
                assert_eq!((got, version, force), (uri, 4, true));
                assert_eq!(diagnostics.len(), 1);
                assert_eq!(diagnostics[0].source.as_deref(), Some("cinder"));
            }
            _ => unreachable!("the job reports the edited document"),
        }
    }

    #[test]
    fn open_importers_of_a_changed_module_are_rechecked() {
        let mut db = CheckerDb::new();
        let lib = SourceFile::new(&db, "/w/lib.py".to_string(), "x = 1\n".to_string());
        let app = SourceFile::new(&db, "/w/app.py".to_string(), "import mid\n".to_string());
        let mid = SourceFile::new(
            &db,
            "/w/mid.py".to_string(),
            "from lib import x\n".to_string(),
        );
        let other = SourceFile::new(&db, "/w/other.py".to_string(), "y = 2\n".to_string());
        db.set_project_files(vec![lib, app, mid, other], vec!["/w".to_string()]);
        let doc = |path: &str, file| DocRef {
            uri: format!("file://{path}")
                .parse()
                .unwrap_or_else(|_| unreachable!("valid URI")),
            file,
            version: 1,
        };
        let open = vec![doc("/w/app.py", app), doc("/w/other.py", other)];
        let (tx, rx) = channel();
        spawn_diagnostics(db, vec![lib], open, Encoding::Utf16, no_config(), tx);
        let mut reported = Vec::new();
        while let Ok(Event::Task(TaskResult::Diagnostics { uri, force, .. })) =
            rx.recv_timeout(Duration::from_secs(30))
        {
            reported.push((uri.as_str().to_string(), force));
        }
        // `app` imports `lib` through `mid`; `other` does not import it.
        assert_eq!(reported, [("file:///w/app.py".to_string(), false)]);
    }
}
