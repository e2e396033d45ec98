//! Static modules through the CLI: `cinder run`/`compile`/`dis` compile a module whose
//! marker is `import __static__` through the checker; a static module with errors is
//! refused with the checker's messages; static `.pyc` files carry our own magic (stock
//! `python3` refuses them) and record their static dependencies, so a stale one is
//! recompiled.

use std::path::Path;
use std::process::{Command, Output};

use cinder_codegen::format::pyc;

fn cinder(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cinder"))
        .args(args)
        .current_dir(cwd)
        .env_remove("PYTHONPATH")
        .output()
        .expect("cinder runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const LIB: &str = "import __static__\n\ndef triple(x: int) -> int:\n    return x * 3\n";
const MAIN: &str = "import __static__\nfrom lib import triple\n\ndef f(y: int) -> int:\n    return triple(y) + 1\n";

#[test]
fn a_static_module_with_errors_is_refused_with_the_checkers_messages() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.py"),
        "import __static__\n\ndef f() -> int:\n    return \"a\"\n\nprint('ran')\n",
    )
    .unwrap();
    let out = cinder(&["run", "bad.py"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "");
    assert!(
        text(&out.stderr).contains("static-bad-return"),
        "{}",
        text(&out.stderr)
    );
    // The same body without the marker is plain Python: it runs.
    std::fs::write(
        dir.path().join("plain.py"),
        "def f() -> int:\n    return \"a\"\n\nprint('ran')\n",
    )
    .unwrap();
    let out = cinder(&["run", "plain.py"], dir.path());
    assert_eq!(text(&out.stdout), "ran\n", "{}", text(&out.stderr));
    // `cinder compile` refuses it too, writing nothing.
    let out = cinder(&["compile", "bad.py", "-o", "bad.pyc"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("static-bad-return"));
    assert!(!dir.path().join("bad.pyc").exists());
}

#[test]
fn an_imported_static_module_goes_through_the_checker() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("badlib.py"),
        "import __static__\n\ndef f() -> int:\n    return \"a\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("main.py"),
        "try:\n    import badlib\nexcept SyntaxError as e:\n    print('refused', 'static-bad-return' in str(e))\n",
    )
    .unwrap();
    let out = cinder(&["run", "main.py"], dir.path());
    assert_eq!(text(&out.stdout), "refused True\n", "{}", text(&out.stderr));
}

#[test]
fn static_pycs_have_our_magic_and_python_refuses_them() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("lib.py"), LIB).unwrap();
    std::fs::write(dir.path().join("main.py"), MAIN).unwrap();
    std::fs::write(dir.path().join("plain.py"), "print(1)\n").unwrap();
    let out = cinder(&["compile", "main.py", "plain.py", "-o", "out"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let bytes = std::fs::read(dir.path().join("out/main.pyc")).unwrap();
    let header = pyc::read_header(&bytes).unwrap();
    assert!(header.is_static());
    let plain = std::fs::read(dir.path().join("out/plain.pyc")).unwrap();
    assert!(!pyc::read_header(&plain).unwrap().is_static());
    // The dependency on the static `lib` is recorded with its source hash.
    let (deps, _) = pyc::read_dependencies(&bytes).unwrap();
    assert_eq!(
        deps,
        vec![pyc::Dependency {
            name: "lib".into(),
            hash: pyc::source_hash(LIB.as_bytes()),
        }]
    );
    let py = Command::new("python3")
        .arg("out/main.pyc")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_ne!(py.status.code(), Some(0));
    assert!(
        text(&py.stderr).contains("Bad magic number"),
        "{}",
        text(&py.stderr)
    );
}

#[test]
fn dis_shows_static_opcodes_with_their_descriptors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("lib.py"), LIB).unwrap();
    std::fs::write(dir.path().join("main.py"), MAIN).unwrap();
    let out = cinder(&["dis", "main.py"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let listing = text(&out.stdout);
    assert!(
        listing.contains("INVOKE_FUNCTION          2 (((('lib',), 'triple'), 1))"),
        "{listing}"
    );
    assert!(
        listing.contains("CHECK_ARGS               0 ((0, ('builtins', 'int')))"),
        "{listing}"
    );
}

#[test]
fn a_stale_static_pyc_is_recompiled() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("lib.py"), LIB).unwrap();
    std::fs::write(dir.path().join("main.py"), MAIN).unwrap();
    let out = cinder(&["compile", "main.py", "-o", "main.pyc"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let before = std::fs::read(dir.path().join("main.pyc")).unwrap();
    // `lib` changes after `main.pyc` was written: running the .pyc recompiles `main`
    // against the new `lib` and rewrites the .pyc with the new hash.
    let new_lib = format!("{LIB}\ndef extra() -> int:\n    return 0\n");
    std::fs::write(dir.path().join("lib.py"), &new_lib).unwrap();
    let _ = cinder(&["run", "main.pyc"], dir.path());
    let after = std::fs::read(dir.path().join("main.pyc")).unwrap();
    assert_ne!(before, after);
    let (deps, _) = pyc::read_dependencies(&after).unwrap();
    assert_eq!(deps[0].hash, pyc::source_hash(new_lib.as_bytes()));
    // A stale .pyc whose source is gone cannot be trusted: exit 2 with the reason.
    std::fs::write(dir.path().join("lib.py"), LIB).unwrap();
    std::fs::remove_file(dir.path().join("main.py")).unwrap();
    let out = cinder(&["run", "main.pyc"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("stale static .pyc: lib changed"),
        "{}",
        text(&out.stderr)
    );
}
