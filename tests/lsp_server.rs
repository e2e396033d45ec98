//! End-to-end tests of `cinder lsp`: spawn the binary and speak JSON-RPC over its stdin
//! and stdout, as an editor does (the client is in `lsp_common`).

mod lsp_common;

use lsp_common::{Client, position, uri_of};
use serde_json::{Value, json};

const LIB: &str = "def helper(count: int) -> int:\n    \"\"\"Doubles.\"\"\"\n    return count * 2\n\nclass Box:\n    def get(self) -> int:\n        return 1\n";
const APP: &str = "from lib import helper\n\nvalue = helper(2)\n";

#[test]
fn editing_session_end_to_end() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical temp dir");
    std::fs::write(root.join("lib.py"), LIB).expect("write lib");
    std::fs::write(root.join("app.py"), APP).expect("write app");
    let lib_uri = uri_of(&root.join("lib.py"));
    let app_uri = uri_of(&root.join("app.py"));

    let mut client = Client::start(&root);
    let init = client.initialize(&root, &["utf-16"]);
    let caps = &init["result"]["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(
        caps["textDocumentSync"]["change"], 2,
        "incremental sync is advertised"
    );
    assert_eq!(caps["diagnosticProvider"]["interFileDependencies"], true);
    assert_eq!(caps["hoverProvider"], true);

    // A syntax error is reported on open...
    client.open(&lib_uri, 1, "def broken(:\n    pass\n");
    let diags = client.diagnostics_for(&lib_uri, 1);
    assert_eq!(diags.as_array().map(Vec::len), Some(1), "{diags}");
    assert_eq!(diags[0]["source"], "cinder");
    assert_eq!(diags[0]["code"], "syntax-error");
    assert_eq!(diags[0]["severity"], 1);
    assert_eq!(diags[0]["range"]["start"]["line"], 0);

    // ...and cleared by an incremental edit that fixes it.
    let change =
        json!({ "range": { "start": position(0, 11), "end": position(0, 11) }, "text": "x)" });
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": lib_uri, "version": 2 }, "contentChanges": [change] }),
    );
    assert_eq!(client.diagnostics_for(&lib_uri, 2), json!([]));

    // Back to the real library, with a full-text change.
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": lib_uri, "version": 3 }, "contentChanges": [{ "text": LIB }] }),
    );
    assert_eq!(client.diagnostics_for(&lib_uri, 3), json!([]));

    // Hover and definition from a module that imports the library.
    client.open(&app_uri, 1, APP);
    assert_eq!(client.diagnostics_for(&app_uri, 1), json!([]));
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": app_uri }, "position": position(2, 10) }),
    );
    let markdown = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        markdown.contains("def helper(count: int) -> int"),
        "{hover}"
    );
    assert!(markdown.contains("Doubles."), "{hover}");
    assert_eq!(hover["result"]["range"]["start"], position(2, 8));

    let definition = client.request(
        "textDocument/definition",
        json!({ "textDocument": { "uri": app_uri }, "position": position(2, 9) }),
    );
    assert_eq!(
        definition["result"][0]["uri"],
        lib_uri.as_str(),
        "{definition}"
    );
    assert_eq!(definition["result"][0]["range"]["start"], position(0, 4));

    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": lib_uri } }),
    );
    let names: Vec<String> = symbols["result"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|s| s["name"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(names, ["helper", "Box"]);
    assert_eq!(symbols["result"][1]["children"][0]["name"], "get");
    assert_eq!(
        symbols["result"][1]["children"][0]["kind"], 6,
        "methods are METHOD symbols"
    );

    // Pull diagnostics answer the same as push.
    let pulled = client.request(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": app_uri } }),
    );
    assert_eq!(pulled["result"]["kind"], "full");
    assert_eq!(pulled["result"]["items"], json!([]));

    // Robustness: unknown methods, unknown documents, positions out of range, bad params,
    // and a payload that is not JSON: answers, never a crash.
    let unknown = client.request("cinder/noSuchMethod", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    let nowhere = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": "file:///no/such/file.py" }, "position": position(0, 0) }),
    );
    assert_eq!(nowhere["result"], Value::Null);
    assert!(nowhere.get("error").is_none());
    let far = client.request(
        "textDocument/definition",
        json!({ "textDocument": { "uri": app_uri }, "position": position(999, 999) }),
    );
    assert_eq!(far["result"], Value::Null);
    let bad_params = client.request("textDocument/hover", json!({ "textDocument": 42 }));
    assert_eq!(bad_params["error"]["code"], -32602);
    client.send_raw(b"{ this is not json");
    let parse_error = client.wait_for("a parse error", |m| m["error"]["code"] == -32700);
    assert_eq!(parse_error["id"], Value::Null);
    let still_alive = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": app_uri } }),
    );
    assert_eq!(still_alive["result"][0]["name"], "value");

    // Documents in other languages are not analysed.
    let toml_uri = uri_of(&root.join("notes.toml"));
    let toml = json!({ "uri": toml_uri, "languageId": "toml", "version": 1, "text": "a = [" });
    client.notify("textDocument/didOpen", json!({ "textDocument": toml }));
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": toml_uri } }),
    );
    assert_eq!(symbols["result"], Value::Null);

    // Closing clears the document's diagnostics.
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": lib_uri } }),
    );
    let cleared = client.wait_for("cleared diagnostics", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == lib_uri.as_str()
            && m["params"].get("version").is_none()
    });
    assert_eq!(cleared["params"]["diagnostics"], json!([]));

    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn utf8_positions_when_the_client_offers_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical temp dir");
    let uri = uri_of(&root.join("m.py"));
    let mut client = Client::start(&root);
    let init = client.initialize(&root, &["utf-8", "utf-16"]);
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-8");

    // 'é' is two bytes: the error, reported just after the `)`, is at byte column 12
    // (UTF-16 column 11).
    client.open(&uri, 1, "s = 'é' + )\n");
    let diags = client.diagnostics_for(&uri, 1);
    assert_eq!(diags[0]["range"]["start"], position(0, 12), "{diags}");
    // An edit in bytes: replace the `)` at byte 11 with `'x'`.
    let change =
        json!({ "range": { "start": position(0, 11), "end": position(0, 12) }, "text": "'x'" });
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [change] }),
    );
    assert_eq!(client.diagnostics_for(&uri, 2), json!([]));
    // Hover ranges are in bytes too: `t` starts after `s = 'é' + 'x'\n`.
    let change =
        json!({ "range": { "start": position(1, 0), "end": position(1, 0) }, "text": "t = s\n" });
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 3 }, "contentChanges": [change] }),
    );
    assert_eq!(client.diagnostics_for(&uri, 3), json!([]));
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": position(1, 4) }),
    );
    assert_eq!(hover["result"]["range"]["start"], position(1, 4), "{hover}");
    let markdown = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(markdown.starts_with("```python\ns"), "{hover}");
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn requests_before_initialize_and_exit_without_shutdown() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut client = Client::start(dir.path());
    let early = client.request("textDocument/hover", json!({}));
    assert_eq!(early["error"]["code"], -32002);
    client.initialize(dir.path(), &[]);
    client.notify("exit", Value::Null);
    client.stdin = None;
    assert_eq!(client.child.wait().ok().and_then(|s| s.code()), Some(1));
}

#[test]
fn files_on_disk_are_read_and_followed_through_watched_file_events() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical temp dir");
    std::fs::create_dir(root.join("pkg")).expect("mkdir");
    std::fs::write(root.join("pkg/__init__.py"), "").expect("write");
    std::fs::write(root.join("pkg/tools.py"), "def tool(): pass\n").expect("write");
    let main_uri = uri_of(&root.join("main.py"));
    let mut client = Client::start(&root);
    let capabilities =
        json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } });
    client.initialize_with(&root, capabilities);
    // The server asks to watch Python files; the client agrees.
    let register = client.wait_for("registerCapability", |m| {
        m["method"] == "client/registerCapability"
    });
    let registration = &register["params"]["registrations"][0];
    assert_eq!(registration["method"], "workspace/didChangeWatchedFiles");
    assert_eq!(
        registration["registerOptions"]["watchers"][0]["globPattern"],
        "**/*.py"
    );
    let reply = json!({ "jsonrpc": "2.0", "id": register["id"], "result": null });
    client.send_raw(reply.to_string().as_bytes());

    // A module that was never opened is found on disk at startup.
    client.open(
        &main_uri,
        1,
        "from pkg.tools import tool\nimport fresh\ntool()\nfresh.made()\n",
    );
    client.diagnostics_for(&main_uri, 1);
    // Line 2 is `tool()`, line 3 `fresh.made()`: ask about `tool` and `made`.
    let def = |client: &mut Client, line| {
        let params =
            json!({ "textDocument": { "uri": main_uri }, "position": position(line, line * 2) });
        client.request("textDocument/definition", params)["result"][0]["uri"].clone()
    };
    assert_eq!(
        def(&mut client, 2),
        uri_of(&root.join("pkg/tools.py")).as_str()
    );
    // A module created later is picked up from its watched-file event.
    assert_eq!(def(&mut client, 3), Value::Null);
    std::fs::write(root.join("fresh.py"), "def made(): pass\n").expect("write");
    let created = json!({ "changes": [{ "uri": uri_of(&root.join("fresh.py")), "type": 1 }] });
    client.notify("workspace/didChangeWatchedFiles", created);
    assert_eq!(def(&mut client, 3), uri_of(&root.join("fresh.py")).as_str());
    // And forgotten when deleted.
    std::fs::remove_file(root.join("fresh.py")).expect("remove");
    let deleted = json!({ "changes": [{ "uri": uri_of(&root.join("fresh.py")), "type": 3 }] });
    client.notify("workspace/didChangeWatchedFiles", deleted);
    assert_eq!(def(&mut client, 3), Value::Null);
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn a_huge_document_is_not_analysed_and_crashes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical temp dir");
    let uri = uri_of(&root.join("huge.py"));
    let mut client = Client::start(&root);
    client.initialize(&root, &[]);
    // Over the 8 MiB analysis limit, and with a syntax error that is therefore not seen.
    let text = format!("{}def broken(:\n", "x = 1\n".repeat(1_500_000));
    client.open(&uri, 1, &text);
    assert_eq!(client.diagnostics_for(&uri, 1), json!([]));
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": position(3, 0) }),
    );
    assert_eq!(hover["result"], Value::Null);
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn pyproject_rules_apply_and_reload_when_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical temp dir");
    let pyproject = root.join("pyproject.toml");
    std::fs::write(
        &pyproject,
        "[tool.cinder.rules]\nsyntax-error = \"warning\"\n",
    )
    .expect("write");
    let uri = uri_of(&root.join("m.py"));
    let mut client = Client::start(&root);
    client.initialize(&root, &[]);
    client.open(&uri, 1, "def broken(:\n");
    let diags = client.diagnostics_for(&uri, 1);
    assert_eq!(diags[0]["severity"], 2, "configured as a warning: {diags}");

    std::fs::write(
        &pyproject,
        "[tool.cinder.rules]\nsyntax-error = \"ignore\"\n",
    )
    .expect("write");
    let saved = json!({ "textDocument": { "uri": uri_of(&pyproject) } });
    client.notify("textDocument/didSave", saved);
    assert_eq!(client.diagnostics_for(&uri, 1), json!([]));

    // A configuration that does not validate is shown, and the defaults apply.
    std::fs::write(&pyproject, "[tool.cinder]\nno-such-key = 1\n").expect("write");
    let saved = json!({ "textDocument": { "uri": uri_of(&pyproject) } });
    client.notify("textDocument/didSave", saved);
    let shown = client.wait_for("showMessage", |m| m["method"] == "window/showMessage");
    assert!(
        shown["params"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("no-such-key"),
        "{shown}"
    );
    assert_eq!(client.diagnostics_for(&uri, 1)[0]["severity"], 1);
    assert_eq!(client.shutdown(), Some(0));
}
