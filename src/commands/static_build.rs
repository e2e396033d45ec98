//! Compiling static modules (`import __static__`) through the checker, for `cinder run`,
//! `cinder compile`, `cinder dis` and the runtime's compile hook.
//!
//! Input: a module's path and text, and the import roots (the script's folder, then
//! `PYTHONPATH`). Output: its code object lowered with the checker's facts, or the
//! checker's blocking diagnostics rendered as text (the module is refused). The project is
//! every `.py` under the roots (the `__static__`/`__strict__` stand-ins excluded: the
//! checker has its own), so imported static modules are typed too.

use std::path::{Path, PathBuf};

use cinder_checker::diagnostics::render::{
    FileDiagnostics, Format, NoSources, RenderOptions, render,
};
use cinder_checker::{
    CheckerDb, Diagnostic, ModuleKind, SourceFile, checked_module, module_kind_of,
};
use cinder_codegen::format::CodeObject;
use cinder_codegen::format::pyc;

/// At most this many files are read from the roots (a root may be a large folder).
const MAX_FILES: usize = 4000;

/// Whether `text` is a static module (its first statement is `import __static__`).
pub(crate) fn is_static(text: &str) -> bool {
    if !text.contains("__static__") {
        return false;
    }
    let parsed = cinder_checker::parse_source(text, "<probe>");
    module_kind_of(parsed.suite()) == ModuleKind::Static
}

pub(crate) use cinder_codegen::format::pyc::Dependency;

/// A compiled static module and the static modules it imports.
pub(crate) struct Compiled {
    pub code: CodeObject,
    pub deps: Vec<Dependency>,
}

/// Why a static module was not compiled: the checker's messages, or another error.
pub(crate) enum Refusal {
    Diagnostics(String),
    Error(String),
}

impl Refusal {
    pub(crate) fn text(&self) -> &str {
        match self {
            Refusal::Diagnostics(t) | Refusal::Error(t) => t,
        }
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

fn collect(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
    if depth > 6 || out.len() >= MAX_FILES {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(|e| e.ok()).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.')
            || name == "__pycache__"
            || name.starts_with("__static__")
            || name.starts_with("__strict__")
        {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            collect(&path, depth + 1, out);
        } else if path.extension().is_some_and(|e| e == "py") && out.len() < MAX_FILES {
            out.push(path);
        }
    }
}

/// The dotted module name of `path` under the first root that contains it (its file stem
/// when none does).
pub(crate) fn module_name(path: &Path, roots: &[PathBuf]) -> String {
    let path = absolute(path);
    for root in roots {
        if let Ok(rel) = path.strip_prefix(absolute(root)) {
            let mut parts: Vec<String> = rel
                .with_extension("")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|p| p == "__init__") {
                parts.pop();
            }
            if !parts.is_empty() {
                return parts.join(".");
            }
        }
    }
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Checks and compiles the static module at `path` (text `text`); it runs as
/// `runtime_name` (its own module name when `None`).
pub(crate) fn compile_static(
    path: &Path,
    text: &str,
    roots: &[PathBuf],
    runtime_name: Option<&str>,
) -> Result<Compiled, Refusal> {
    let main_path = absolute(path);
    let mut files = Vec::new();
    for root in roots {
        collect(&absolute(root), 0, &mut files);
    }
    let mut db = CheckerDb::new();
    let mut sources = Vec::new();
    let mut by_path = Vec::new();
    for file in files {
        if file == main_path {
            continue;
        }
        let Ok(bytes) = std::fs::read(&file) else {
            continue;
        };
        let body = String::from_utf8_lossy(&bytes).into_owned();
        let source = SourceFile::new(&db, file.to_string_lossy().into_owned(), body);
        by_path.push((file, source));
        sources.push(source);
    }
    let file = SourceFile::new(
        &db,
        main_path.to_string_lossy().into_owned(),
        text.to_string(),
    );
    sources.push(file);
    let root_names = roots
        .iter()
        .map(|r| absolute(r).to_string_lossy().into_owned())
        .collect();
    db.set_project_files(sources, root_names);
    let checked = checked_module(&db, file);
    let Some(ready) = checked.ready() else {
        let blocking: Vec<Diagnostic> = checked.blocking_errors().cloned().collect();
        let name = path.display().to_string();
        return Err(Refusal::Diagnostics(render_diagnostics(
            &name, text, &blocking,
        )));
    };
    let own = module_name(path, roots);
    let runs_as = runtime_name.unwrap_or(&own).to_string();
    let code = cinder_codegen::compile_module_named(ready, Some((&own, &runs_as)))
        .map_err(|e| Refusal::Error(format!("{}: {e}", path.display())))?;
    let deps = dependencies(&checked.suite, &by_path, roots, &db);
    Ok(Compiled { code, deps })
}

/// The static modules that `suite` imports at its top level, with their source hashes.
fn dependencies(
    suite: &cinder_codegen::Suite,
    files: &[(PathBuf, SourceFile)],
    roots: &[PathBuf],
    db: &CheckerDb,
) -> Vec<Dependency> {
    let names = cinder_codegen::top_level_imports(suite);
    let mut deps = Vec::new();
    for (path, source) in files {
        let name = module_name(path, roots);
        if !names.contains(&name) {
            continue;
        }
        let text = source.text(db);
        if is_static(text) {
            deps.push(Dependency {
                name,
                hash: pyc::source_hash(text.as_bytes()),
            });
        }
    }
    deps.sort_by(|a, b| a.name.cmp(&b.name));
    deps.dedup();
    deps
}

fn render_diagnostics(path: &str, text: &str, diagnostics: &[Diagnostic]) -> String {
    let file = FileDiagnostics {
        path,
        name: path,
        text,
        diagnostics,
    };
    render(
        Format::Concise,
        &[file],
        &NoSources,
        RenderOptions::default(),
    )
}

/// The import roots of a program: its folder, then `PYTHONPATH`.
pub(crate) fn roots_for(file: &Path) -> Vec<PathBuf> {
    let mut roots = Vec::new();
    let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
    roots.push(if dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        dir
    });
    if let Some(pp) = std::env::var_os("PYTHONPATH") {
        roots.extend(std::env::split_paths(&pp).filter(|p| !p.as_os_str().is_empty()));
    }
    roots
}

/// The source file of module `name` under `roots` (`a/b.py` or `a/b/__init__.py`).
pub(crate) fn find_module(name: &str, roots: &[PathBuf]) -> Option<PathBuf> {
    let rel: PathBuf = name.split('.').collect();
    roots.iter().find_map(|root| {
        let file = root.join(&rel).with_extension("py");
        if file.is_file() {
            return Some(file);
        }
        let init = root.join(&rel).join("__init__.py");
        init.is_file().then_some(init)
    })
}

/// The recorded dependencies whose source changed (or vanished) since the `.pyc` was
/// written.
pub(crate) fn stale_dependencies(deps: &[Dependency], roots: &[PathBuf]) -> Vec<String> {
    deps.iter()
        .filter(|dep| {
            find_module(&dep.name, roots)
                .and_then(|path| std::fs::read(path).ok())
                .is_none_or(|bytes| pyc::source_hash(&bytes) != dep.hash)
        })
        .map(|dep| dep.name.clone())
        .collect()
}
