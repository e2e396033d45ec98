//! Running work over many files on all cores: reading files, and checking them.
//!
//! Checking: each thread gets its own clone of the database (clones share salsa's storage,
//! so a module parsed by one thread is reused by the others) and takes the next unchecked
//! file from a shared counter. Threads have large stacks, since deeply nested expressions
//! recurse deeply. A panic while checking one file is caught and becomes an
//! `internal-error` diagnostic on that file; the other files are still checked.

use std::any::Any;
use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};

use cinder_checker::diagnostics::codes;
use cinder_checker::{CheckerDb, Diagnostic, SourceFile, Span};

/// Stack size of each worker thread.
const STACK_SIZE: usize = 256 * 1024 * 1024;

/// How many threads to use for `jobs` items.
pub fn thread_count(jobs: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    cores.min(jobs).max(1)
}

/// `work(&mut state, item)` for every item, in parallel, results in item order. One thread
/// per element of `states` (made by the caller: a salsa database can be cloned but not
/// shared); `done` is called after each item (progress). An item is `None` only if no
/// thread could run it (no thread could be started, or one died).
pub fn map<T: Sync, S: Send, R: Send>(
    items: &[T],
    states: Vec<S>,
    work: impl Fn(&mut S, &T) -> R + Sync,
    done: impl Fn() + Sync,
) -> Vec<Option<R>> {
    let next = AtomicUsize::new(0);
    let (work, next, done) = (&work, &next, &done);
    let finished: Vec<(usize, R)> = std::thread::scope(|scope| {
        let mut handles = Vec::new();
        for (n, mut state) in states.into_iter().enumerate() {
            let run = move || {
                let mut out = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    out.push((i, work(&mut state, item)));
                    done();
                }
                out
            };
            let spawned = std::thread::Builder::new()
                .name(format!("cinder-worker-{n}"))
                .stack_size(STACK_SIZE)
                .spawn_scoped(scope, run);
            if let Ok(handle) = spawned {
                handles.push(handle);
            }
        }
        handles
            .into_iter()
            .filter_map(|h| h.join().ok())
            .flatten()
            .collect()
    });
    let mut results: Vec<Option<R>> = items.iter().map(|_| None).collect();
    for (i, result) in finished {
        if let Some(slot) = results.get_mut(i) {
            *slot = Some(result);
        }
    }
    results
}

/// Checks `files` in parallel with `check` (normally `cinder_checker::check_file`),
/// catching panics per file. `names` are the printed names, for internal-error messages.
pub fn check_all<F>(
    db: &CheckerDb,
    files: &[(SourceFile, String)],
    check: F,
    done: impl Fn() + Sync,
) -> Vec<Vec<Diagnostic>>
where
    F: Fn(&CheckerDb, SourceFile) -> Vec<Diagnostic> + Sync,
{
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        LAST_PANIC.with(|last| {
            *last.borrow_mut() = Some(format!("{}{location}", payload_text(info.payload())))
        });
    }));
    // One database clone per thread.
    let states = (0..thread_count(files.len())).map(|_| db.clone()).collect();
    let results = map(
        files,
        states,
        |db, (file, name)| match catch_unwind(AssertUnwindSafe(|| check(db, *file))) {
            Ok(diagnostics) => diagnostics,
            Err(payload) => {
                let detail = LAST_PANIC
                    .with(|last| last.borrow_mut().take())
                    .unwrap_or_else(|| payload_text(payload.as_ref()));
                vec![internal_error(name, &detail)]
            }
        },
        done,
    );
    std::panic::set_hook(previous_hook);
    results
        .into_iter()
        .zip(files)
        .map(|(result, (_, name))| {
            result.unwrap_or_else(|| {
                vec![internal_error(
                    name,
                    "no worker thread could check this file",
                )]
            })
        })
        .collect()
}

thread_local! {
    /// The message and location of the last panic on this thread (set by the hook).
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The diagnostic for a file whose check panicked.
pub fn internal_error(name: &str, detail: &str) -> Diagnostic {
    Diagnostic::new(
        codes::INTERNAL_ERROR,
        Span::default(),
        format!(
            "cinder crashed while checking `{name}`; this is a bug in cinder, please report it"
        ),
    )
    .with_note(format!("panic: {detail}"))
}

fn payload_text(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_string()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else if let Some(cancelled) = payload.downcast_ref::<salsa::Cancelled>() {
        cancelled.to_string()
    } else {
        "unknown panic payload".to_string()
    }
}
