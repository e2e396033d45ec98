//! `cinder check [PATH...]`: configuration, discovery, reading, checking in parallel,
//! severity overrides, output and the exit code.
//!
//! 1. Settings from `[tool.cinder]` and the flags ([`crate::config`]).
//! 2. The files to check: the PATHs (default: `include`, else `.`), walked by
//!    [`crate::discover`]. A PATH that does not exist is a usage error (exit 2).
//! 3. The files imports can reach: those under every import root (the checked folders'
//!    tops, `src/` and the folder of the configuration, `extra-paths`), read but only
//!    checked when they are among the files to check.
//! 4. Every file checked on all cores ([`parallel`]); unreadable and non-UTF-8 files get a
//!    diagnostic ([`read`]), so the others are still checked.
//! 5. `rules` applied (`ignore` drops a diagnostic), output printed ([`crate::output`]).
//!
//! Exit code: 0 when no error is reported (warnings allowed), 1 when one is, 2 for usage,
//! configuration and I/O problems that stop the run.
//!
//! Paths are absolute inside (the checker's `SourceFile` paths and import roots, so that
//! module names come out the same whatever the user typed) and printed relative to the
//! current folder when they are under it.

mod parallel;
mod read;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use cinder_checker::diagnostics::render::{FileDiagnostics, Sources};
use cinder_checker::{CheckerDb, Db, Diagnostic, Severity, SourceFile, check_file};

use crate::cli::CheckArgs;
use crate::config::{Level, Settings};
use crate::discover::{Excludes, discover, display_path, import_top, normalize};
use crate::exit;
use crate::output::{self, Counts};

use read::Loaded;

pub fn run(args: CheckArgs) -> u8 {
    let cwd = match std::env::current_dir() {
        Ok(cwd) => cwd,
        Err(err) => {
            eprintln!("error: cannot read the current folder: {err}");
            return exit::USAGE;
        }
    };
    let (settings, excludes, targets) = match prepare(&args, &cwd) {
        Ok(prepared) => prepared,
        Err(message) => {
            eprintln!("error: {message}");
            return exit::USAGE;
        }
    };
    let checked = discover(&targets, &excludes);
    let roots = import_roots(&settings, &targets);
    let mut walked: Vec<PathBuf> = settings.extra_paths.clone();
    walked.extend(targets.iter().map(|t| import_top(t)));
    let format = output::choose_format(settings.output_format);
    let bar = output::progress(checked.files.len(), !args.no_progress);
    let project = load_project(&checked.files, &walked, &roots, &excludes);
    let LoadedProject {
        db,
        inputs,
        failures,
    } = &project;

    let to_check: Vec<(SourceFile, String)> = checked
        .files
        .iter()
        .filter_map(|path| inputs.get(path).map(|f| (*f, display_path(path, &cwd))))
        .collect();
    let results = parallel::check_all(
        db,
        &to_check,
        |db, file| check_file(db, file).clone(),
        || bar.inc(1),
    );
    bar.finish_and_clear();
    let mut diagnostics_of: HashMap<SourceFile, Vec<Diagnostic>> =
        to_check.iter().map(|(f, _)| *f).zip(results).collect();

    // One report per checked file, in path order, then the folders that could not be walked.
    let mut reports: Vec<Report> = Vec::new();
    for path in &checked.files {
        let name = display_path(path, &cwd);
        let key = path.to_string_lossy().into_owned();
        let (text, diagnostics) = if let Some(file) = inputs.get(path) {
            (
                file.text(db).as_str(),
                diagnostics_of.remove(file).unwrap_or_default(),
            )
        } else if let Some(failure) = failures.get(path) {
            let diag = Diagnostic::new(failure.code, failure.span, failure.message.clone());
            (failure.text.as_str(), vec![diag])
        } else {
            continue;
        };
        reports.push(Report {
            key,
            name,
            text,
            diagnostics: apply_rules(&settings, diagnostics),
        });
    }
    for (path, reason) in &checked.problems {
        let diag = Diagnostic::new(
            cinder_checker::diagnostics::codes::IO_ERROR,
            Default::default(),
            format!("cannot read this folder: {reason}"),
        );
        let key = path.to_string_lossy().into_owned();
        reports.push(Report {
            key,
            name: display_path(path, &cwd),
            text: "",
            diagnostics: apply_rules(&settings, vec![diag]),
        });
    }

    let counts = Counts {
        errors: reports
            .iter()
            .flat_map(|r| &r.diagnostics)
            .filter(|d| d.severity == Severity::Error)
            .count(),
        warnings: reports
            .iter()
            .flat_map(|r| &r.diagnostics)
            .filter(|d| d.severity == Severity::Warning)
            .count(),
        files_with_diagnostics: reports.iter().filter(|r| !r.diagnostics.is_empty()).count(),
        checked: checked.files.len(),
    };
    let files: Vec<FileDiagnostics<'_>> = reports
        .iter()
        .filter(|r| !r.diagnostics.is_empty())
        .map(|r| FileDiagnostics {
            path: &r.key,
            name: &r.name,
            text: r.text,
            diagnostics: &r.diagnostics,
        })
        .collect();
    let sources = DbSources::new(db, &cwd);
    output::print(format, &files, &sources, counts);
    if counts.errors > 0 {
        exit::ERRORS
    } else {
        exit::OK
    }
}

/// The settings, the compiled exclude patterns and the paths to check (absolute); an error
/// message for a bad configuration or a PATH that does not exist.
fn prepare(args: &CheckArgs, cwd: &Path) -> Result<(Settings, Excludes, Vec<PathBuf>), String> {
    let settings = crate::config::load(args, cwd).map_err(|err| err.to_string())?;
    let excludes = Excludes::new(&settings.exclude)?;
    let targets: Vec<PathBuf> = if !args.paths.is_empty() {
        args.paths.iter().map(|p| normalize(cwd, p)).collect()
    } else if !settings.include.is_empty() {
        settings.include.clone()
    } else {
        vec![cwd.to_path_buf()]
    };
    for (target, typed) in targets.iter().zip(args.paths.iter()) {
        // `symlink_metadata`: a dangling symlink exists; reading it reports why it fails.
        if let Err(err) = std::fs::symlink_metadata(target) {
            return Err(format!("{}: {}", typed.display(), io_reason(&err)));
        }
    }
    Ok((settings, excludes, targets))
}

/// The database with every file imports can reach, and what became of each path.
struct LoadedProject {
    db: CheckerDb,
    inputs: HashMap<PathBuf, SourceFile>,
    /// Files that could not be read or decoded.
    failures: HashMap<PathBuf, read::Failure>,
}

/// Reads the checked files and every file under `walked` (the tops of the checked paths and
/// `extra-paths`), in parallel, and sets them and the import roots as the database's
/// project. Only the checked files are checked later; the others are there for imports.
/// The project folder and `src/` are roots but are not walked unless a checked path leads
/// there: `cinder check one.py` does not read a whole tree.
fn load_project(
    checked: &[PathBuf],
    walked: &[PathBuf],
    roots: &[PathBuf],
    excludes: &Excludes,
) -> LoadedProject {
    let mut walked: Vec<PathBuf> = walked.iter().filter(|r| r.is_dir()).cloned().collect();
    walked.sort();
    walked.dedup();
    // A folder inside another walked folder is walked once.
    let outer: Vec<PathBuf> = walked
        .iter()
        .filter(|dir| {
            !walked
                .iter()
                .any(|other| other != *dir && dir.starts_with(other))
        })
        .cloned()
        .collect();
    let mut universe = discover(&outer, excludes).files;
    universe.extend(checked.iter().cloned());
    universe.sort();
    universe.dedup();
    let readers = vec![(); parallel::thread_count(universe.len())];
    let loaded = parallel::map(&universe, readers, |(), path| read::load(path), || {});
    let mut db = CheckerDb::new();
    let mut inputs = HashMap::new();
    let mut failures = HashMap::new();
    let mut files = Vec::new();
    for (path, loaded) in universe.into_iter().zip(loaded) {
        match loaded.unwrap_or_else(read::unread) {
            Loaded::Text(text) => {
                let file = SourceFile::new(&db, path.to_string_lossy().into_owned(), text);
                files.push(file);
                inputs.insert(path, file);
            }
            Loaded::Failed(failure) => {
                failures.insert(path, failure);
            }
        }
    }
    let roots = roots
        .iter()
        .map(|r| r.to_string_lossy().into_owned())
        .collect();
    db.set_project_files(files, roots);
    LoadedProject {
        db,
        inputs,
        failures,
    }
}

/// The diagnostics of one checked file, ready to print.
struct Report<'a> {
    key: String,
    name: String,
    text: &'a str,
    diagnostics: Vec<Diagnostic>,
}

/// Applies `[tool.cinder.rules]` and `--rule`: a new severity, or dropped for `ignore`.
/// (`cinder lsp` applies them the same way.)
pub(crate) fn apply_rules(settings: &Settings, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if settings.rules.is_empty() {
        return diagnostics;
    }
    diagnostics
        .into_iter()
        .filter_map(|mut diag| {
            match settings.level_of(diag.code) {
                Some(Level::Ignore) => return None,
                Some(Level::Error) => diag.severity = Severity::Error,
                Some(Level::Warning) => diag.severity = Severity::Warning,
                None => {}
            }
            Some(diag)
        })
        .collect()
}

/// Import roots, deepest first (a file takes its module name from the deepest root that
/// holds it): `extra-paths`, the top of every checked path, `src/` of the project when it is
/// not a package, and the project folder. (`cinder lsp` uses the same roots, with a
/// workspace folder's `include`, or the folder itself, as the checked paths.)
pub(crate) fn import_roots(settings: &Settings, targets: &[PathBuf]) -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = settings.extra_paths.clone();
    roots.extend(targets.iter().map(|t| import_top(t)));
    let src = settings.project_root.join("src");
    if src.is_dir() && !src.join("__init__.py").is_file() {
        roots.push(src);
    }
    roots.push(settings.project_root.clone());
    let mut unique: Vec<PathBuf> = Vec::new();
    for root in roots {
        if !unique.contains(&root) {
            unique.push(root);
        }
    }
    // Stable: among roots of equal depth the order above is kept.
    unique.sort_by_key(|root| std::cmp::Reverse(root.components().count()));
    unique
}

/// The printed name and text of every file the database knows, for labels into other files.
struct DbSources<'db> {
    files: HashMap<&'db str, (String, &'db str)>,
}

impl<'db> DbSources<'db> {
    fn new(db: &'db CheckerDb, cwd: &Path) -> Self {
        let files = db
            .project()
            .files(db)
            .iter()
            .map(|file| {
                let path = file.path(db).as_str();
                (
                    path,
                    (display_path(Path::new(path), cwd), file.text(db).as_str()),
                )
            })
            .collect();
        DbSources { files }
    }
}

impl Sources for DbSources<'_> {
    fn source(&self, path: &str) -> Option<(&str, &str)> {
        self.files
            .get(path)
            .map(|(name, text)| (name.as_str(), *text))
    }
}

/// The reason a path argument cannot be used.
fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        _ => read::io_reason(err),
    }
}

#[cfg(test)]
mod tests;
