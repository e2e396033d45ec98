//! `cinder compile SRC... [-o OUT] [--check] [--hash]`: `.pyc` files for modules.
//!
//! Each source is checked (`checked_module`), and a ready module is lowered and written
//! atomically (temp file in the target folder, then rename). Without `-o`, the output goes
//! to `__pycache__/NAME.cpython-311.pyc` beside the source, as `py_compile` does; with one
//! source `-o` names the file; with several (or a folder), `-o` names a folder that receives
//! `NAME.pyc` files (sub-folders kept). Exit codes: 0 all written, 1 a module did not compile
//! (syntax error, static type error, or type errors with `--check`), 2 usage or I/O error.
//! A static module (`import __static__`) is checked with its folder and `PYTHONPATH` as
//! import roots and written under our own magic, recording the static modules it imports.

use std::path::{Path, PathBuf};

use cinder_checker::diagnostics::render::{
    FileDiagnostics, Format, NoSources, RenderOptions, render,
};
use cinder_checker::{CheckerDb, Diagnostic, SourceFile, checked_module};
use cinder_codegen::format::CodeObject;
use cinder_codegen::format::pyc::{self, Validation};
use cinder_codegen::{CodegenError, compile_module};

use crate::cli::CompileArgs;
use crate::exit;

/// A source to compile and where its `.pyc` goes.
struct Job {
    source: PathBuf,
    output: PathBuf,
}

pub fn run(args: CompileArgs) -> u8 {
    let jobs = match plan(&args) {
        Ok(jobs) => jobs,
        Err(message) => {
            eprintln!("error: {message}");
            return exit::USAGE;
        }
    };
    let mut status = exit::OK;
    for job in &jobs {
        let code = compile_one(job, &args);
        status = status.max(code);
    }
    status
}

fn plan(args: &CompileArgs) -> Result<Vec<Job>, String> {
    let mut sources: Vec<(PathBuf, PathBuf)> = Vec::new(); // (file, path relative to its root)
    let mut any_folder = false;
    for src in &args.sources {
        let meta = std::fs::metadata(src).map_err(|e| format!("{}: {e}", src.display()))?;
        if meta.is_dir() {
            any_folder = true;
            let mut found = Vec::new();
            collect(src, &mut found).map_err(|e| format!("{}: {e}", src.display()))?;
            for file in found {
                let rel = file.strip_prefix(src).unwrap_or(&file).to_path_buf();
                sources.push((file, rel));
            }
        } else {
            let name = src
                .file_name()
                .map(PathBuf::from)
                .unwrap_or_else(|| src.clone());
            sources.push((src.clone(), name));
        }
    }
    let single = sources.len() == 1 && !any_folder;
    let mut jobs = Vec::new();
    for (source, rel) in sources {
        let output = match &args.output {
            None => default_output(&source),
            Some(out) if single => {
                if out.is_dir() {
                    return Err(format!(
                        "{}: is a folder; with one source, -o names the output file",
                        out.display()
                    ));
                }
                out.clone()
            }
            Some(out) => {
                if out.exists() && !out.is_dir() {
                    return Err(format!(
                        "{}: is not a folder; with several sources, -o names a folder",
                        out.display()
                    ));
                }
                out.join(rel.with_extension("pyc"))
            }
        };
        jobs.push(Job { source, output });
    }
    Ok(jobs)
}

/// `__pycache__/NAME.cpython-311.pyc` beside the source.
fn default_output(source: &Path) -> PathBuf {
    let stem = source
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = source.parent().map(Path::to_path_buf).unwrap_or_default();
    dir.join("__pycache__")
        .join(format!("{stem}.cpython-311.pyc"))
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name == "__pycache__" {
            continue;
        }
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
    Ok(())
}

/// Prints diagnostics on stderr with the shared renderers (concise unless asked otherwise).
fn print_diagnostics(path: &str, text: &str, diagnostics: &[Diagnostic], format: Format) {
    if diagnostics.is_empty() {
        return;
    }
    let file = FileDiagnostics {
        path,
        name: path,
        text,
        diagnostics,
    };
    eprint!(
        "{}",
        render(format, &[file], &NoSources, RenderOptions::default())
    );
}

/// Compiles one source to a code object, printing its diagnostics. `Err(exit code)` when
/// nothing should be written.
pub(crate) fn compile_path(
    path: &Path,
    check: bool,
    format: Format,
) -> Result<(CodeObject, Vec<u8>, Vec<pyc::Dependency>), u8> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {}: {e}", path.display());
            return Err(exit::USAGE);
        }
    };
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let name = path.display().to_string();
    if super::static_build::is_static(&text) {
        let roots = super::static_build::roots_for(path);
        return match super::static_build::compile_static(path, &text, &roots, None) {
            Ok(compiled) => Ok((compiled.code, bytes, compiled.deps)),
            Err(refusal) => {
                eprint!("{}", refusal.text());
                if !refusal.text().ends_with('\n') {
                    eprintln!();
                }
                Err(exit::ERRORS)
            }
        };
    }
    let db = CheckerDb::new();
    let file = SourceFile::new(&db, name.clone(), text.clone());
    let checked = checked_module(&db, file);
    let Some(ready) = checked.ready() else {
        let blocking: Vec<Diagnostic> = checked.blocking_errors().cloned().collect();
        print_diagnostics(&name, &text, &blocking, format);
        return Err(exit::ERRORS);
    };
    let mut failed = false;
    if check {
        print_diagnostics(&name, &text, &checked.diagnostics, format);
        failed = !checked.diagnostics.is_empty();
    }
    match compile_module(ready) {
        Ok(code) if !failed => Ok((code, bytes, Vec::new())),
        Ok(_) => Err(exit::ERRORS),
        Err(err) => {
            report_codegen_error(&name, &err);
            Err(exit::ERRORS)
        }
    }
}

pub(crate) fn report_codegen_error(name: &str, err: &CodegenError) {
    match err {
        CodegenError::Syntax { message, location } => {
            let (line, col) = location.map_or((1, 1), |l| (l.line, l.col.unwrap_or(0) + 1));
            eprintln!("{name}:{line}:{col}: error[syntax-error]: {message}");
        }
        other => eprintln!("error: {name}: {other}"),
    }
}

fn compile_one(job: &Job, args: &CompileArgs) -> u8 {
    let format = args
        .output_format
        .map_or(Format::Concise, crate::config::format_of);
    let (code, bytes, deps) = match compile_path(&job.source, args.check, format) {
        Ok(pair) => pair,
        Err(code) => return code,
    };
    let validation = if args.hash {
        Validation::Hash {
            hash: pyc::source_hash(&bytes),
            check_source: true,
        }
    } else {
        let mtime = std::fs::metadata(&job.source)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_secs() as u32);
        Validation::Timestamp {
            mtime,
            source_size: bytes.len() as u32,
        }
    };
    let data = pyc::write_with_dependencies(&code, validation, &deps);
    match write_atomically(&job.output, &data) {
        Ok(()) => exit::OK,
        Err(e) => {
            eprintln!("error: {}: {e}", job.output.display());
            exit::USAGE
        }
    }
}

/// Writes `data` to a temporary file in `path`'s folder, then renames it over `path`.
pub(crate) fn write_atomically(path: &Path, data: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir)?;
    if path.is_dir() {
        return Err(std::io::Error::other("is a folder"));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::write(&temp, data).and_then(|()| std::fs::rename(&temp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}
