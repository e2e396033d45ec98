//! `cinder lsp`: a Language Server over stdio giving the diagnostics of `cinder check`,
//! hover, go to definition and document symbols, from one long-lived salsa database.
//!
//! - `transport`: JSON-RPC framing on stdin/stdout, tolerant of malformed messages;
//! - `server`: the main loop (owns the database, sets its inputs);
//! - `state`: files, open documents, text synchronisation;
//! - `project`: `[tool.cinder]` of the workspace folders: roots, files, rule levels;
//! - `tasks`: workers on database clones, cancellation; `handlers`: request answers;
//! - `convert`: positions (UTF-16 or UTF-8), URIs, diagnostics and symbols.

mod convert;
mod handlers;
mod project;
mod server;
mod state;
mod tasks;
mod transport;

use std::io::{BufReader, stdin, stdout};

/// Serves the client on stdin/stdout until it says `exit`; returns the exit code (0 after
/// a `shutdown` request, 1 otherwise, 2 when the server cannot start).
pub fn run_stdio() -> u8 {
    let (channels, io) = match transport::start(BufReader::new(stdin()), stdout()) {
        Ok(started) => started,
        Err(err) => {
            eprintln!("error: cannot start the language server: {err}");
            return crate::exit::USAGE;
        }
    };
    let server = server::Server::new(channels.out.clone(), channels.events_tx.clone());
    let code = server.run(channels);
    io.join_writer();
    code
}
