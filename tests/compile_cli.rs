//! `cinder compile` and `cinder dis` from the command line: outputs, headers that CPython
//! accepts, exit codes, and bad input (no partial files left behind).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn cinder(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cinder")).args(args).current_dir(cwd).output().expect("cinder runs")
}

fn python(args: &[&str], cwd: &Path) -> Output {
    Command::new("python3").args(args).current_dir(cwd).env("PYTHONDONTWRITEBYTECODE", "1").output().expect("python3 runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    out.sort();
    out
}

#[test]
fn default_output_goes_to_pycache_and_python_imports_it() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("greet.py");
    std::fs::write(&src, "print('AAA')\n").unwrap();
    let out = cinder(&["compile", "greet.py"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let pyc = dir.path().join("__pycache__/greet.cpython-311.pyc");
    assert!(pyc.is_file());
    // Same size and mtime, different text: python3 trusts the timestamp header and runs
    // our compiled code, which proves it loaded our .pyc.
    let mtime = std::fs::metadata(&src).unwrap().modified().unwrap();
    std::fs::write(&src, "print('BBB')\n").unwrap();
    std::fs::File::options().write(true).open(&src).unwrap().set_modified(mtime).unwrap();
    let run = python(&["-c", "import greet"], dir.path());
    assert_eq!(text(&run.stdout), "AAA\n", "{}", text(&run.stderr));
}

#[test]
fn hash_based_pyc_is_accepted_by_python() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("hashed.py"), "VALUE = 6 * 7\nprint(VALUE)\n").unwrap();
    let out = cinder(&["compile", "--hash", "hashed.py"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let pyc = dir.path().join("__pycache__/hashed.cpython-311.pyc");
    let before = std::fs::read(&pyc).unwrap();
    assert_eq!(&before[4..8], &3u32.to_le_bytes(), "checked hash-based flags");
    // With a wrong hash python3 would recompile and rewrite the file; it must not.
    let run = Command::new("python3").args(["-c", "import hashed"]).current_dir(dir.path()).output().unwrap();
    assert_eq!(text(&run.stdout), "42\n");
    assert_eq!(std::fs::read(&pyc).unwrap(), before, "python3 rejected our source hash");
}

#[test]
fn one_source_with_output_file_and_several_with_output_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.py"), "print('a')\n").unwrap();
    std::fs::write(dir.path().join("b.py"), "print('b')\n").unwrap();
    let out = cinder(&["compile", "a.py", "-o", "single.pyc"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&python(&["single.pyc"], dir.path()).stdout), "a\n");
    let out = cinder(&["compile", "a.py", "b.py", "-o", "outdir"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let names: Vec<String> =
        files_in(&dir.path().join("outdir")).iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["a.pyc", "b.pyc"]);
    assert_eq!(text(&python(&["outdir/b.pyc"], dir.path()).stdout), "b\n");
}

#[test]
fn a_folder_source_keeps_its_layout() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("pkg/sub")).unwrap();
    std::fs::write(dir.path().join("pkg/top.py"), "x = 1\n").unwrap();
    std::fs::write(dir.path().join("pkg/sub/inner.py"), "y = 2\n").unwrap();
    let out = cinder(&["compile", "pkg", "-o", "build"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(dir.path().join("build/top.pyc").is_file());
    assert!(dir.path().join("build/sub/inner.pyc").is_file());
}

#[test]
fn syntax_error_exits_1_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.py"), "x = 1\ndef f(:\n    pass\n").unwrap();
    let out = cinder(&["compile", "bad.py", "-o", "bad.pyc"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.starts_with("bad.py:2:"), "{err}");
    assert!(err.contains("error[syntax-error]"), "{err}");
    assert!(files_in(dir.path()).iter().all(|p| p.extension().is_none_or(|e| e != "pyc")));
}

#[test]
fn compiler_syntax_errors_exit_1_with_their_location() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ret.py"), "x = 1\n\nreturn x\n").unwrap();
    let out = cinder(&["compile", "ret.py", "-o", "ret.pyc"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), "ret.py:3:1: error[syntax-error]: 'return' outside function\n");
    assert!(!dir.path().join("ret.pyc").exists());
}

#[test]
fn io_and_usage_errors_exit_2_without_partial_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ok.py"), "print(1)\n").unwrap();
    // Missing source.
    let out = cinder(&["compile", "missing.py"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("missing.py"));
    // One source, but -o names an existing folder.
    std::fs::create_dir(dir.path().join("folder")).unwrap();
    let out = cinder(&["compile", "ok.py", "-o", "folder"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("is a folder"), "{}", text(&out.stderr));
    // An output whose parent is a file cannot be created.
    std::fs::write(dir.path().join("plain_file"), "x").unwrap();
    let out = cinder(&["compile", "ok.py", "-o", "plain_file/out.pyc"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let leftovers: Vec<PathBuf> =
        files_in(dir.path()).into_iter().filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().ends_with(".tmp"))).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn dis_lists_py_and_pyc_and_rejects_corrupt_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("m.py"), "def f(x):\n    return x + 1\n").unwrap();
    let out = cinder(&["dis", "m.py"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let listing = text(&out.stdout);
    assert!(listing.contains("RESUME"), "{listing}");
    assert!(listing.contains("Disassembly of <code object f, file \"m.py\", line 1>:"), "{listing}");
    assert!(listing.contains("BINARY_OP                0 (+)"), "{listing}");
    // A .pyc written by CPython itself.
    let made = python(&["-c", "import py_compile; py_compile.compile('m.py', cfile='cp.pyc')"], dir.path());
    assert!(made.status.success());
    let out = cinder(&["dis", "cp.pyc"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("LOAD_FAST                0 (x)"));
    std::fs::write(dir.path().join("corrupt.pyc"), b"\xa7\x0d\x0d\x0a\0\0\0\0\0\0\0\0\0\0\0\0\xe3\x01").unwrap();
    let out = cinder(&["dis", "corrupt.pyc"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("corrupt.pyc"));
    let out = cinder(&["dis", "nothere.pyc"], dir.path());
    assert_eq!(out.status.code(), Some(2));
}
