//! `cinder run FILE.py|FILE.pyc [ARGS...]`: run a module on the bundled interpreter.
//!
//! Exit status: the program's (0, the `sys.exit` code, or 1 for an uncaught exception, whose
//! traceback goes to stderr); 2 when the file cannot be read, is a corrupt, truncated or
//! wrong-magic `.pyc`, or cannot be compiled.

use std::path::{Path, PathBuf};

use cinder_runtime::{CompileHook, CompileMode, Program, RunConfig, run_main};

use crate::cli::RunArgs;
use crate::exit;

pub fn run(args: RunArgs) -> u8 {
    let bytes = match std::fs::read(&args.file) {
        Ok(b) => b,
        Err(err) => {
            eprintln!("error: cannot read {}: {err}", args.file.display());
            return exit::USAGE;
        }
    };
    let config = RunConfig {
        argv: std::iter::once(args.file.display().to_string())
            .chain(args.args.iter().cloned())
            .collect(),
        path: search_path(&args.file, args.stdlib.as_deref()),
        stdlib: stdlib_dir(args.stdlib.as_deref()),
    };
    let is_pyc = args.file.extension().is_some_and(|e| e == "pyc");
    let code;
    let program = if is_pyc {
        Program::Pyc(&bytes)
    } else {
        let Ok(source) = String::from_utf8(bytes.clone()) else {
            eprintln!("error: {}: source is not UTF-8", args.file.display());
            return exit::USAGE;
        };
        match compile(&source, &args.file.display().to_string(), CompileMode::Exec) {
            Ok(c) => {
                code = c;
                Program::Code(&code)
            }
            Err(msg) => {
                eprintln!("error: {}: {msg}", args.file.display());
                return exit::USAGE;
            }
        }
    };
    let hook: CompileHook = Box::new(compile);
    match run_main(program, &args.file, config, Some(hook)) {
        Ok(status) => (status & 0xff) as u8,
        Err(err) => {
            eprintln!("error: {}: {err}", args.file.display());
            exit::USAGE
        }
    }
}

/// The compile hook: source text to a code object, through our code generator.
fn compile(
    _source: &str,
    filename: &str,
    _mode: CompileMode,
) -> Result<cinder_codegen::format::CodeObject, String> {
    Err(format!(
        "cannot compile {filename}: the code generator does not compile source yet"
    ))
}

/// `sys.path`: the script's folder, `PYTHONPATH`, then the standard library.
fn search_path(file: &Path, stdlib: Option<&Path>) -> Vec<PathBuf> {
    let mut path = Vec::new();
    let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
    path.push(if dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        dir
    });
    if let Some(pp) = std::env::var_os("PYTHONPATH") {
        path.extend(std::env::split_paths(&pp).filter(|p| !p.as_os_str().is_empty()));
    }
    if let Some(lib) = stdlib_dir(stdlib) {
        path.push(lib);
    }
    path
}

/// CPython 3.11's standard library: `--stdlib`, `$CINDER_STDLIB`, or asked of `python3`.
fn stdlib_dir(flag: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = flag {
        return Some(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os("CINDER_STDLIB") {
        return Some(PathBuf::from(p));
    }
    let out = std::process::Command::new("python3")
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
        ])
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let p = text.trim();
    if out.status.success() && !p.is_empty() {
        Some(PathBuf::from(p))
    } else {
        None
    }
}
