//! End-to-end tests of `cinder lsp` beyond one document: workspace folders added and
//! removed, `[tool.cinder]` changes seen through watched-file events, importers
//! re-checked after an edit, related locations, bursts of edits and `$/cancelRequest`.

mod lsp_common;

use std::path::Path;
use std::time::Duration;

use lsp_common::{Client, position, uri_of};
use serde_json::{Value, json};

fn temp_root() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical temp dir");
    (dir, root)
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}

fn codes(diagnostics: &Value) -> Vec<String> {
    diagnostics
        .as_array()
        .map(|a| {
            a.iter()
                .map(|d| d["code"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn folder(path: &Path) -> Value {
    json!({ "uri": uri_of(path), "name": path.display().to_string() })
}

fn did_change(uri: &str, version: i64, text: &str) -> Value {
    json!({
        "jsonrpc": "2.0",
        "method": "textDocument/didChange",
        "params": { "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] },
    })
}

#[test]
fn workspace_folders_added_and_removed_change_what_imports_resolve() {
    let (_a, app_root) = temp_root();
    let (_b, lib_root) = temp_root();
    write(&app_root.join("app.py"), "from extra import thing\n");
    write(&lib_root.join("extra.py"), "thing = 1\n");
    let app = uri_of(&app_root.join("app.py"));

    let mut client = Client::start(&app_root);
    let init = client.initialize(&app_root, &[]);
    let folders = &init["result"]["capabilities"]["workspace"]["workspaceFolders"];
    assert_eq!(folders["supported"], true);
    assert_eq!(folders["changeNotifications"], true);

    client.open(&app, 1, "from extra import thing\n");
    assert_eq!(
        codes(&client.diagnostics_for(&app, 1)),
        ["unresolved-import"]
    );

    let added = json!({ "event": { "added": [folder(&lib_root)], "removed": [] } });
    client.notify("workspace/didChangeWorkspaceFolders", added);
    assert_eq!(client.diagnostics_for(&app, 1), json!([]));

    let removed = json!({ "event": { "added": [], "removed": [folder(&lib_root)] } });
    client.notify("workspace/didChangeWorkspaceFolders", removed);
    assert_eq!(
        codes(&client.diagnostics_for(&app, 1)),
        ["unresolved-import"]
    );
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn pyproject_changes_seen_through_watched_files_are_applied() {
    let (_dir, root) = temp_root();
    write(
        &root.join("vendor/ext.py"),
        "def made() -> int:\n    return 1\n",
    );
    let pyproject = root.join("pyproject.toml");
    write(&pyproject, "[tool.cinder]\n");
    let uri = uri_of(&root.join("m.py"));
    let mut client = Client::start(&root);
    client.initialize(&root, &[]);
    client.open(&uri, 1, "import ext\n");
    assert_eq!(
        codes(&client.diagnostics_for(&uri, 1)),
        ["unresolved-import"]
    );

    // `extra-paths` now names `vendor/`: `ext` resolves.
    write(
        &pyproject,
        "[tool.cinder]\nextra-paths = [\"vendor\"]\n\n[tool.cinder.rules]\nsyntax-error = \"warning\"\n",
    );
    let changed = json!({ "changes": [{ "uri": uri_of(&pyproject), "type": 2 }] });
    client.notify("workspace/didChangeWatchedFiles", changed);
    assert_eq!(client.diagnostics_for(&uri, 1), json!([]));

    // The rule levels of the new configuration apply to the next edit.
    client.send_batch(&[did_change(&uri, 2, "import ext\ndef broken(:\n")]);
    let diags = client.diagnostics_for(&uri, 2);
    assert_eq!(codes(&diags), ["syntax-error"]);
    assert_eq!(diags[0]["severity"], 2, "configured as a warning: {diags}");

    // Deleting the configuration goes back to the defaults: an error again...
    std::fs::remove_file(&pyproject).expect("remove");
    let deleted = json!({ "changes": [{ "uri": uri_of(&pyproject), "type": 3 }] });
    client.notify("workspace/didChangeWatchedFiles", deleted);
    let diags = client.diagnostics_for(&uri, 2);
    assert_eq!(codes(&diags), ["syntax-error"]);
    assert_eq!(diags[0]["severity"], 1);
    // ...and no `vendor/` root.
    client.send_batch(&[did_change(&uri, 3, "import ext\n")]);
    assert_eq!(
        codes(&client.diagnostics_for(&uri, 3)),
        ["unresolved-import"]
    );
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn an_edit_republishes_the_open_modules_that_import_it() {
    let (_dir, root) = temp_root();
    let lib_text = "def helper() -> int:\n    return 1\n";
    write(&root.join("lib.py"), lib_text);
    let lib = uri_of(&root.join("lib.py"));
    let app = uri_of(&root.join("app.py"));
    let mut client = Client::start(&root);
    client.initialize(&root, &[]);
    client.open(&lib, 1, lib_text);
    client.open(&app, 1, "from lib import helper\nhelper()\n");
    assert_eq!(client.diagnostics_for(&app, 1), json!([]));

    // Renaming `helper` breaks the import in `app`, which is not the edited document.
    client.send_batch(&[did_change(&lib, 2, "def renamed() -> int:\n    return 1\n")]);
    assert_eq!(client.diagnostics_for(&lib, 2), json!([]));
    let app_diags = client.diagnostics_for(&app, 1);
    assert_eq!(codes(&app_diags), ["unresolved-import"], "{app_diags}");

    // Back as it was: the importer is republished clean.
    client.send_batch(&[did_change(&lib, 3, lib_text)]);
    assert_eq!(client.diagnostics_for(&app, 1), json!([]));
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn labels_become_related_locations() {
    let (_dir, root) = temp_root();
    let uri = uri_of(&root.join("m.py"));
    let mut client = Client::start(&root);
    client.initialize(&root, &[]);
    let text = "import __strict__\n\ndef lazy():\n    import json\n    return json\n\nlazy()\n";
    client.open(&uri, 1, text);
    let diags = client.diagnostics_for(&uri, 1);
    assert_eq!(codes(&diags), ["strict-unsafe-call"], "{diags}");
    assert_eq!(diags[0]["range"]["start"], position(6, 0));
    let related = &diags[0]["relatedInformation"];
    assert_eq!(related[0]["location"]["uri"], uri.as_str(), "{diags}");
    assert_eq!(related[0]["location"]["range"]["start"]["line"], 3);
    assert!(
        related[0]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()),
        "{related}"
    );
    assert_eq!(client.shutdown(), Some(0));
}

/// A module big enough that checking it takes a while, even in a release build.
fn big_module(functions: usize) -> String {
    let mut text = String::new();
    for i in 0..functions {
        text.push_str(&format!(
            "def f{i}(x: int) -> int:\n    y = x + {i}\n    return y * 2\n\n"
        ));
    }
    text
}

#[test]
fn a_burst_of_edits_publishes_the_last_version_and_nothing_stale_after_it() {
    let (_dir, root) = temp_root();
    let uri = uri_of(&root.join("m.py"));
    let mut client = Client::start(&root);
    client.initialize(&root, &[]);
    let base = big_module(300);
    client.open(&uri, 0, &base);
    client.diagnostics_for(&uri, 0);
    // Thirty keystrokes in one write; the last one leaves a syntax error.
    let mut burst: Vec<Value> = (1..30)
        .map(|v| did_change(&uri, v, &format!("{base}z = {v}\n")))
        .collect();
    burst.push(did_change(&uri, 30, &format!("{base}z = (\n")));
    client.backlog.clear();
    client.send_batch(&burst);
    // Versions are published in order, up to the last one...
    let mut versions = Vec::new();
    loop {
        let published = client.wait_for("publishDiagnostics", |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        let version = published["params"]["version"].as_i64().unwrap_or(-1);
        versions.push(version);
        if version == 30 {
            assert_eq!(codes(&published["params"]["diagnostics"]), ["syntax-error"]);
            break;
        }
    }
    assert!(
        versions.windows(2).all(|w| w[0] < w[1]),
        "published out of order: {versions:?}"
    );
    // ...and nothing after it: stale work was dropped, not queued.
    let after = client
        .drain(Duration::from_millis(300))
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .count();
    assert_eq!(after, 0, "published after the last version: {versions:?}");
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn a_cancelled_request_is_answered_request_cancelled() {
    let (_dir, root) = temp_root();
    let uri = uri_of(&root.join("big.py"));
    let mut client = Client::start(&root);
    client.initialize(&root, &[]);
    // The document, a hover that needs the whole module checked, and its cancellation,
    // all in one write: the worker is still parsing when the cancellation is read.
    let text = big_module(20_000);
    let open = json!({
        "jsonrpc": "2.0",
        "method": "textDocument/didOpen",
        "params": { "textDocument": { "uri": uri, "languageId": "python", "version": 1, "text": text } },
    });
    let hover_params = json!({ "textDocument": { "uri": uri }, "position": position(1, 4) });
    let (hover, id) = client.request_message("textDocument/hover", hover_params.clone());
    let cancel = json!({ "jsonrpc": "2.0", "method": "$/cancelRequest", "params": { "id": id } });
    client.send_batch(&[open, hover, cancel]);
    let answer = client.wait_for("the cancelled hover", |m| {
        m["id"] == json!(id) && m.get("method").is_none()
    });
    assert_eq!(answer["error"]["code"], -32800, "{answer}");

    // The server goes on: the same request, not cancelled, is answered.
    let again = client.request("textDocument/hover", hover_params);
    let markdown = again["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(markdown.contains('y'), "{again}");
    // Cancelling a request that was already answered changes nothing.
    client.notify("$/cancelRequest", json!({ "id": id }));
    let answers = client
        .drain(Duration::from_millis(300))
        .iter()
        .filter(|m| m["id"] == json!(id) && m.get("method").is_none())
        .count();
    assert_eq!(answers, 0, "one answer per request");
    assert_eq!(client.shutdown(), Some(0));
}
