//! The stdio transport: a reader thread that turns stdin into [`Event`]s, and a writer
//! thread that frames outgoing messages onto stdout.
//!
//! lsp-server's own stdio transport stops reading at the first malformed message (its
//! reader thread returns the error and the connection is gone), and allocates whatever
//! `Content-Length` says. This one writes with `lsp_server::Message::write` and reads the
//! same framing itself: a payload that is not a JSON-RPC message is answered with a parse
//! error and reading goes on; a frame larger than [`MAX_FRAME`] is skipped without being
//! held in memory; a malformed header costs the bytes up to the next blank line.

use std::io::{self, BufRead, Read, Write};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

use lsp_server::Message;

use super::tasks::TaskResult;

/// Everything the main loop reacts to, from the client or from worker threads.
pub enum Event {
    Client(Message),
    /// stdin reached its end (or failed): the client is gone.
    ClientClosed,
    Task(TaskResult),
}

/// What the writer thread writes: a message, or raw JSON (a parse error answered with a
/// `null` id, which `lsp_server::Response` cannot express).
pub enum Outgoing {
    Message(Message),
    Raw(String),
    /// Everything before this was written: stop (the server is exiting).
    Close,
}

/// The two ends the server holds.
pub struct Channels {
    pub events: Receiver<Event>,
    /// Given to workers so they report back to the main loop.
    pub events_tx: Sender<Event>,
    pub out: Sender<Outgoing>,
}

pub struct IoThreads {
    reader: JoinHandle<()>,
    writer: JoinHandle<()>,
}

impl IoThreads {
    /// Waits for the writer to write what it was given before [`Outgoing::Close`]. The
    /// reader is left blocked on stdin when the client keeps it open; the process exits
    /// without it.
    pub fn join_writer(self) {
        drop(self.reader);
        let _ = self.writer.join();
    }
}

/// Starts the transport on any reader and writer (stdin/stdout in production).
pub fn start(
    input: impl BufRead + Send + 'static,
    output: impl Write + Send + 'static,
) -> io::Result<(Channels, IoThreads)> {
    let (events_tx, events) = channel::<Event>();
    let (out, out_rx) = channel::<Outgoing>();
    let reader_events = events_tx.clone();
    let reader_out = out.clone();
    let reader = std::thread::Builder::new()
        .name("lsp-reader".into())
        .spawn(move || read_loop(input, &reader_events, &reader_out))?;
    let writer = std::thread::Builder::new()
        .name("lsp-writer".into())
        .spawn(move || {
            let mut output = output;
            for item in out_rx {
                let written = match item {
                    Outgoing::Message(msg) => msg.write(&mut output),
                    Outgoing::Raw(json) => write_raw(&mut output, &json),
                    Outgoing::Close => break,
                };
                if written.is_err() {
                    break;
                }
            }
        })?;
    Ok((
        Channels {
            events,
            events_tx,
            out,
        },
        IoThreads { reader, writer },
    ))
}

fn write_raw(output: &mut impl Write, json: &str) -> io::Result<()> {
    write!(output, "Content-Length: {}\r\n\r\n{json}", json.len())?;
    output.flush()
}

/// The largest message read (a document of this size is far past what is analysed).
pub const MAX_FRAME: usize = 256 * 1024 * 1024;

/// Reads one frame: `Ok(None)` at the end of the input, `InvalidData` for a bad header,
/// a frame too large or a payload that is not a message (the frame is consumed).
fn read_message(input: &mut impl BufRead) -> io::Result<Option<Message>> {
    let mut length: Option<usize> = None;
    let mut bad_header: Option<String> = None;
    let mut line = String::new();
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            break;
        }
        match header.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => bad_header = Some(header.to_string()),
                }
            }
            Some(_) => {}
            None => bad_header = Some(header.to_string()),
        }
    }
    let invalid = |msg: String| io::Error::new(io::ErrorKind::InvalidData, msg);
    if let Some(header) = bad_header {
        return Err(invalid(format!("malformed header {header:?}")));
    }
    let length = length.ok_or_else(|| invalid("no Content-Length header".into()))?;
    if length > MAX_FRAME {
        io::copy(&mut input.take(length as u64), &mut io::sink())?;
        return Err(invalid(format!(
            "message of {length} bytes is larger than {MAX_FRAME}"
        )));
    }
    let mut body = vec![0u8; length];
    input.read_exact(&mut body)?;
    serde_json::from_slice::<Message>(&body)
        .map(Some)
        .map_err(|e| invalid(format!("malformed JSON-RPC payload: {e}")))
}

fn read_loop(mut input: impl BufRead, events: &Sender<Event>, out: &Sender<Outgoing>) {
    loop {
        match read_message(&mut input) {
            Ok(Some(msg)) => {
                if events.send(Event::Client(msg)).is_err() {
                    return;
                }
            }
            Ok(None) => break,
            Err(err) if err.kind() == io::ErrorKind::InvalidData => {
                eprintln!("cinder lsp: skipping a malformed message: {err}");
                let error = serde_json::json!({
                    "jsonrpc": "2.0",
                    "id": null,
                    "error": { "code": lsp_server::ErrorCode::ParseError as i32, "message": err.to_string() },
                });
                let _ = out.send(Outgoing::Raw(error.to_string()));
            }
            Err(err) => {
                if err.kind() != io::ErrorKind::UnexpectedEof {
                    eprintln!("cinder lsp: cannot read from the client: {err}");
                }
                break;
            }
        }
    }
    let _ = events.send(Event::ClientClosed);
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn malformed_frames_are_skipped_and_reading_goes_on() {
        let good = r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;
        let mut input = String::new();
        input.push_str(&frame("{ not json"));
        input.push_str(&frame(r#"{"jsonrpc":"2.0","id":{},"method":3}"#));
        input.push_str("Content-Length: 99999999999999\r\n\r\n");
        let mut reader = Cursor::new(format!("{input}{}", frame(good)).into_bytes());
        for _ in 0..3 {
            let err = read_message(&mut reader).err().map(|e| e.kind());
            assert_eq!(err, Some(io::ErrorKind::InvalidData));
        }
        // The oversized frame swallowed the rest of this input (it was its body).
        assert!(matches!(read_message(&mut reader), Ok(None)));

        let mut reader = Cursor::new(format!("{}{}", frame("[1,"), frame(good)).into_bytes());
        assert!(read_message(&mut reader).is_err());
        let msg = read_message(&mut reader).ok().flatten();
        assert!(matches!(msg, Some(Message::Request(r)) if r.method == "shutdown"));
        assert!(matches!(read_message(&mut reader), Ok(None)));
    }

    /// A writer whose bytes the test can read after the writer thread is done.
    #[derive(Clone, Default)]
    struct Shared(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0
                .lock()
                .map_err(|_| io::Error::other("poisoned"))?
                .extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_parse_error_is_answered_with_a_null_id() {
        let input = format!(
            "{}{}",
            frame("{oops"),
            frame(r#"{"jsonrpc":"2.0","method":"exit"}"#)
        );
        let output = Shared::default();
        let (channels, io) = match start(Cursor::new(input.into_bytes()), output.clone()) {
            Ok(started) => started,
            Err(err) => unreachable!("threads start: {err}"),
        };
        let first = channels.events.recv().ok();
        assert!(
            matches!(first, Some(Event::Client(Message::Notification(n))) if n.method == "exit")
        );
        assert!(matches!(
            channels.events.recv().ok(),
            Some(Event::ClientClosed)
        ));
        let _ = channels.out.send(Outgoing::Close);
        io.join_writer();
        let written = output
            .0
            .lock()
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default();
        let body = written.split("\r\n\r\n").nth(1).unwrap_or_default();
        let reply: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
        assert_eq!(reply["id"], serde_json::Value::Null);
        assert_eq!(reply["error"]["code"], -32700);
    }
}
