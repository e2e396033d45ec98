//! `cinder run FILE.py|FILE.pyc [ARGS...]`: run a module on the bundled interpreter.
//!
//! Exit status: the program's (0, the `sys.exit` code, or 1 for an uncaught exception, whose
//! traceback goes to stderr); 2 when the file cannot be read, is a corrupt, truncated or
//! wrong-magic `.pyc`, or cannot be compiled (a static module with errors is refused with
//! the checker's messages). A static module (`import __static__`), run directly or
//! imported, is compiled through the checker (`static_build`).

use std::path::{Path, PathBuf};

use cinder_runtime::{CompileHook, CompileMode, Program, RunConfig, run_main};

use super::static_build;
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
        match refresh_static_pyc(&args.file, &bytes) {
            Ok(Some(fresh)) => {
                code = fresh;
                Program::Code(&code)
            }
            Ok(None) => Program::Pyc(&bytes),
            Err(message) => {
                eprintln!("error: {}: {message}", args.file.display());
                return exit::USAGE;
            }
        }
    } else {
        let Ok(source) = String::from_utf8(bytes.clone()) else {
            eprintln!("error: {}: source is not UTF-8", args.file.display());
            return exit::USAGE;
        };
        if static_build::is_static(&source) {
            let roots = static_build::roots_for(&args.file);
            match static_build::compile_static(&args.file, &source, &roots, Some("__main__")) {
                Ok(compiled) => {
                    code = compiled.code;
                    Program::Code(&code)
                }
                Err(refusal) => {
                    eprint!("{}", with_newline(refusal.text()));
                    return exit::USAGE;
                }
            }
        } else {
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
        }
    };
    let hook_roots = static_build::roots_for(&args.file);
    let hook: CompileHook = Box::new(move |source, filename, mode| {
        if mode == CompileMode::Exec && static_build::is_static(source) {
            return static_build::compile_static(Path::new(filename), source, &hook_roots, None)
                .map(|c| c.code)
                .map_err(|r| r.text().trim_end().to_string());
        }
        compile(source, filename, mode)
    });
    match run_main(program, &args.file, config, Some(hook)) {
        Ok(status) => (status & 0xff) as u8,
        Err(err) => {
            eprintln!("error: {}: {err}", args.file.display());
            exit::USAGE
        }
    }
}

/// A static `.pyc` whose recorded dependencies changed is recompiled from its source
/// (`co_filename`) and rewritten; `None` when the `.pyc` is current (or not static).
fn refresh_static_pyc(
    file: &Path,
    bytes: &[u8],
) -> Result<Option<cinder_codegen::format::CodeObject>, String> {
    use cinder_codegen::format::pyc;
    let Ok((deps, _)) = pyc::read_dependencies(bytes) else {
        return Ok(None); // the loader reports a corrupt file
    };
    let roots = static_build::roots_for(file);
    let stale = static_build::stale_dependencies(&deps, &roots);
    if stale.is_empty() {
        return Ok(None);
    }
    let (header, old) = pyc::read(bytes).map_err(|e| e.to_string())?;
    let source_path = PathBuf::from(&old.filename);
    let Ok(source) = std::fs::read_to_string(&source_path) else {
        return Err(format!(
            "stale static .pyc: {} changed and its source {} cannot be read",
            stale.join(", "),
            source_path.display()
        ));
    };
    let source_roots = static_build::roots_for(&source_path);
    let compiled =
        static_build::compile_static(&source_path, &source, &source_roots, Some("__main__"))
            .map_err(|r| r.text().trim_end().to_string())?;
    // Rewrite the .pyc under its own module name (best effort: running does not need it).
    if let Ok(again) = static_build::compile_static(&source_path, &source, &source_roots, None) {
        let data = pyc::write_with_dependencies(&again.code, header.validation, &again.deps);
        let _ = super::compile::write_atomically(file, &data);
    }
    Ok(Some(compiled.code))
}

fn with_newline(text: &str) -> String {
    if text.ends_with('\n') {
        text.to_string()
    } else {
        format!("{text}\n")
    }
}

/// The compile hook: source text to a code object, through our code generator.
fn compile(
    source: &str,
    filename: &str,
    mode: CompileMode,
) -> Result<cinder_codegen::format::CodeObject, String> {
    let mode = match mode {
        CompileMode::Exec => cinder_codegen::Mode::Exec,
        CompileMode::Eval => cinder_codegen::Mode::Eval,
        CompileMode::Single => cinder_codegen::Mode::Single,
    };
    cinder_codegen::compile_source(source, filename, mode).map_err(|e| e.to_string())
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
