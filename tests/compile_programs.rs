//! Differential test of the code generator: every program in `tests/programs/` is compiled
//! by `cinder compile`, and the `.pyc` run by `python3` must print exactly what `python3`
//! prints for the source (stdout, stderr with tracebacks, exit code).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Mutex;

fn programs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/programs exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    files
}

fn run_python(arg: &Path, cwd: &Path) -> Output {
    Command::new("python3")
        .arg(arg)
        .current_dir(cwd)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .expect("python3 runs")
}

/// Compiles and runs one program; `Err` describes the difference.
fn check(source: &Path, out_dir: &Path) -> Result<(), String> {
    let name = source.file_stem().and_then(|s| s.to_str()).unwrap_or("program");
    let pyc = out_dir.join(format!("{name}.pyc"));
    let compiled = Command::new(env!("CARGO_BIN_EXE_cinder"))
        .arg("compile")
        .arg(source)
        .arg("-o")
        .arg(&pyc)
        .output()
        .expect("cinder runs");
    if !compiled.status.success() {
        return Err(format!("cinder compile failed:\n{}", String::from_utf8_lossy(&compiled.stderr)));
    }
    let expected = run_python(source, out_dir);
    let actual = run_python(&pyc, out_dir);
    let show = |o: &Output| {
        format!(
            "exit {:?}\n--- stdout\n{}--- stderr\n{}",
            o.status.code(),
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    };
    if expected.stdout != actual.stdout || expected.stderr != actual.stderr || expected.status.code() != actual.status.code()
    {
        return Err(format!("python3 on the source:\n{}\npython3 on our .pyc:\n{}", show(&expected), show(&actual)));
    }
    Ok(())
}

#[test]
fn every_program_behaves_like_cpython() {
    let files = programs();
    assert!(files.len() >= 160, "the corpus shrank to {} programs", files.len());
    let out = tempfile::tempdir().expect("temp dir");
    let queue = Mutex::new(files.clone());
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                loop {
                    let next = queue.lock().expect("queue").pop();
                    let Some(source) = next else { break };
                    if let Err(why) = check(&source, out.path()) {
                        failures.lock().expect("failures").push(format!("{}:\n{why}", source.display()));
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().expect("failures");
    assert!(failures.is_empty(), "{} of {} programs differ:\n\n{}", failures.len(), files.len(), failures.join("\n\n"));
}
