//! `cinder run` on bad input: a missing file, a truncated, corrupt or wrong-magic `.pyc`, and
//! programs that exit through `sys.exit` or recurse too deep. Clear messages, no panics.

use std::path::Path;
use std::process::{Command, Output};

fn cinder_run(path: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cinder"))
        .arg("run")
        .arg(path)
        .env("CINDER_STDLIB", "/nonexistent")
        .output()
        .expect("cinder runs")
}

/// Runs `cinder run path`, killing it after `limit`; `None` when it had to be killed.
fn cinder_run_bounded(path: &Path, limit: std::time::Duration) -> Option<Output> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cinder"))
        .arg("run")
        .arg(path)
        .env("CINDER_STDLIB", "/nonexistent")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("cinder starts");
    let start = std::time::Instant::now();
    loop {
        if child.try_wait().expect("wait for cinder").is_some() {
            return Some(child.wait_with_output().expect("cinder output"));
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// A valid `.pyc` of `source`, written by CPython.
fn compiled(dir: &Path, name: &str, source: &str) -> Vec<u8> {
    let py = dir.join(format!("{name}.py"));
    let pyc = dir.join(format!("{name}.pyc"));
    std::fs::write(&py, source).expect("write source");
    let status = Command::new("python3")
        .args(["-c", "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)"])
        .arg(&py)
        .arg(&pyc)
        .status()
        .expect("python3 runs");
    assert!(status.success());
    std::fs::read(&pyc).expect("read pyc")
}

fn assert_clean_error(out: &Output, needle: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert!(stderr.starts_with("error: "), "stderr: {stderr}");
    assert!(stderr.contains(needle), "expected {needle:?} in {stderr}");
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
}

#[test]
fn missing_file_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    assert_clean_error(&cinder_run(&dir.path().join("nope.pyc")), "cannot read");
}

#[test]
fn wrong_magic_is_rejected() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut bytes = compiled(dir.path(), "m", "print(1)\n");
    bytes[0] ^= 0x55;
    let path = dir.path().join("bad.pyc");
    std::fs::write(&path, &bytes).expect("write");
    assert_clean_error(&cinder_run(&path), "bad magic number");
}

#[test]
fn truncated_pyc_is_rejected_at_every_length() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bytes = compiled(
        dir.path(),
        "t",
        "def f(x):\n    return x + 1\nprint(f(2))\n",
    );
    let path = dir.path().join("cut.pyc");
    for len in (0..bytes.len()).step_by(7) {
        std::fs::write(&path, &bytes[..len]).expect("write");
        let out = cinder_run(&path);
        assert_eq!(
            out.status.code(),
            Some(2),
            "length {len}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    }
}

#[test]
fn corrupt_bytecode_never_panics() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bytes = compiled(
        dir.path(),
        "c",
        "x = [i * 2 for i in range(5)]\nprint(sum(x))\n",
    );
    let path = dir.path().join("flip.pyc");
    // Flip single bytes after the header: each run must end with a clean status.
    for i in (16..bytes.len()).step_by(3) {
        let mut b = bytes.clone();
        b[i] = b[i].wrapping_add(0x41);
        std::fs::write(&path, &b).expect("write");
        // A flipped byte can make a valid program that runs for a long time (a constant
        // `5` becoming a huge range): such a run is stopped, which is fine; what must never
        // happen is a crash or a panic.
        let Some(out) = cinder_run_bounded(&path, std::time::Duration::from_secs(5)) else {
            continue;
        };
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            matches!(out.status.code(), Some(0..=2)),
            "byte {i}: {:?} {stderr}",
            out.status.code()
        );
        assert!(
            !stderr.contains("panicked") && !stderr.contains("bug in cinder"),
            "byte {i}: {stderr}"
        );
    }
}

#[test]
fn sys_exit_sets_the_status() {
    let dir = tempfile::tempdir().expect("temp dir");
    compiled(dir.path(), "e", "import sys\nprint('bye')\nsys.exit(3)\n");
    let out = cinder_run(&dir.path().join("e.pyc"));
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "bye\n");
}

#[test]
fn deep_recursion_is_a_recursion_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    compiled(
        dir.path(),
        "r",
        "import sys\nsys.setrecursionlimit(100000)\ndef f(n):\n    return f(n + 1)\nf(0)\n",
    );
    let out = cinder_run(&dir.path().join("r.pyc"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.ends_with("RecursionError: maximum recursion depth exceeded\n"),
        "{stderr}"
    );
}
