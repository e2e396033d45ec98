//! The test client of the `cinder lsp` integration tests: spawns the binary and speaks
//! JSON-RPC over its stdin and stdout, as an editor does.

#![allow(dead_code)] // each test binary uses part of it

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use serde_json::{Value, json};

pub const TIMEOUT: Duration = Duration::from_secs(30);

pub struct Client {
    pub child: Child,
    pub stdin: Option<ChildStdin>,
    messages: Receiver<Value>,
    /// Messages received while waiting for something else.
    pub backlog: Vec<Value>,
    next_id: i64,
}

pub fn read_frame(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = value.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

impl Client {
    pub fn start(cwd: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_cinder"))
            .arg("lsp")
            .current_dir(cwd)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("cinder lsp starts");
        let stdout = child.stdout.take().expect("piped stdout");
        let stdin = child.stdin.take();
        let (tx, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(msg) = read_frame(&mut reader) {
                if tx.send(msg).is_err() {
                    break;
                }
            }
        });
        Client {
            child,
            stdin,
            messages,
            backlog: Vec::new(),
            next_id: 0,
        }
    }

    pub fn send_raw(&mut self, body: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        write!(stdin, "Content-Length: {}\r\n\r\n", body.len()).expect("write header");
        stdin.write_all(body).expect("write body");
        stdin.flush().expect("flush");
    }

    /// Sends several messages in one write, so that the server finds them all queued.
    pub fn send_batch(&mut self, messages: &[Value]) {
        let mut bytes = Vec::new();
        for msg in messages {
            let body = msg.to_string();
            bytes.extend_from_slice(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
            bytes.extend_from_slice(body.as_bytes());
        }
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(&bytes).expect("write batch");
        stdin.flush().expect("flush");
    }

    /// A request message with a fresh id, to send later; returns it and its id.
    pub fn request_message(&mut self, method: &str, params: Value) -> (Value, i64) {
        self.next_id += 1;
        let msg =
            json!({ "jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params });
        (msg, self.next_id)
    }

    /// Every message received so far or within `wait` (into the backlog).
    pub fn drain(&mut self, wait: Duration) -> &[Value] {
        while let Ok(msg) = self.messages.recv_timeout(wait) {
            self.backlog.push(msg);
        }
        &self.backlog
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        let msg = json!({ "jsonrpc": "2.0", "method": method, "params": params });
        self.send_raw(msg.to_string().as_bytes());
    }

    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        self.next_id += 1;
        let msg =
            json!({ "jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params });
        self.send_raw(msg.to_string().as_bytes());
        self.next_id
    }

    /// The first message (backlog first) that satisfies `pred`.
    pub fn wait_for(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&pred) {
            return self.backlog.remove(i);
        }
        loop {
            let msg = self
                .messages
                .recv_timeout(TIMEOUT)
                .unwrap_or_else(|_| panic!("timed out waiting for {what}"));
            if pred(&msg) {
                return msg;
            }
            self.backlog.push(msg);
        }
    }

    /// Sends a request and returns its whole response.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        self.wait_for(method, |m| {
            m["id"] == json!(id) && m.get("method").is_none()
        })
    }

    pub fn diagnostics_for(&mut self, uri: &str, version: i64) -> Value {
        self.wait_for("publishDiagnostics", |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == json!(version)
        })["params"]["diagnostics"]
            .clone()
    }

    pub fn initialize(&mut self, root: &Path, encodings: &[&str]) -> Value {
        let capabilities = json!({ "general": { "positionEncodings": encodings } });
        self.initialize_with(root, capabilities)
    }

    pub fn initialize_with(&mut self, root: &Path, capabilities: Value) -> Value {
        let params = json!({
            "processId": null,
            "rootUri": null,
            "capabilities": capabilities,
            "workspaceFolders": [{ "uri": uri_of(root), "name": "w" }],
        });
        let response = self.request("initialize", params);
        self.notify("initialized", json!({}));
        response
    }

    pub fn open(&mut self, uri: &str, version: i64, text: &str) {
        let doc = json!({ "uri": uri, "languageId": "python", "version": version, "text": text });
        self.notify("textDocument/didOpen", json!({ "textDocument": doc }));
    }

    /// Shuts down, exits, and returns the exit code.
    pub fn shutdown(mut self) -> Option<i32> {
        let response = self.request("shutdown", Value::Null);
        assert_eq!(response["result"], Value::Null);
        assert!(response.get("error").is_none());
        self.notify("exit", Value::Null);
        self.stdin = None;
        self.child.wait().ok().and_then(|s| s.code())
    }
}

pub fn uri_of(path: &Path) -> String {
    format!("file://{}", path.display())
}

pub fn position(line: u32, character: u32) -> Value {
    json!({ "line": line, "character": character })
}
