//! File discovery for `cinder check`: which files to check, and which files imports can
//! reach.
//!
//! Input: absolute paths (files and folders) and the exclude patterns. Output: the `.py` and
//! `.pyi` files under them, absolute, sorted and without duplicates, plus the problems met
//! while walking (an unreadable folder), which the driver reports per path.
//!
//! Rules: folders are walked recursively; hidden files and folders (a name starting with `.`)
//! are skipped, and so are paths that a `.gitignore` or `.ignore` file or an exclude pattern
//! matches (gitignore syntax; `.gitignore` counts even outside a git repository). A path
//! given explicitly as a file is always checked, whatever its name or the patterns say.

use std::path::{Component, Path, PathBuf};

use ignore::WalkBuilder;
use ignore::gitignore::{Gitignore, GitignoreBuilder};

use crate::config::ExcludePattern;

/// The outcome of a walk.
#[derive(Debug, Default)]
pub struct Discovered {
    /// Absolute paths, sorted, no duplicates.
    pub files: Vec<PathBuf>,
    /// Paths that could not be walked, with the reason.
    pub problems: Vec<(PathBuf, String)>,
}

/// The compiled exclude patterns.
#[derive(Clone)]
pub struct Excludes {
    sets: Vec<Gitignore>,
}

impl Excludes {
    /// Compiles the patterns; a malformed pattern is an error naming it.
    pub fn new(patterns: &[ExcludePattern]) -> Result<Excludes, String> {
        let mut by_base: Vec<(PathBuf, GitignoreBuilder)> = Vec::new();
        for pattern in patterns {
            let builder = match by_base.iter_mut().find(|(base, _)| *base == pattern.base) {
                Some((_, builder)) => builder,
                None => {
                    by_base.push((pattern.base.clone(), GitignoreBuilder::new(&pattern.base)));
                    match by_base.last_mut() {
                        Some((_, builder)) => builder,
                        None => continue,
                    }
                }
            };
            builder
                .add_line(None, &pattern.pattern)
                .map_err(|err| format!("exclude pattern `{}`: {err}", pattern.pattern))?;
        }
        let mut sets = Vec::new();
        for (_, builder) in by_base {
            sets.push(
                builder
                    .build()
                    .map_err(|err| format!("exclude patterns: {err}"))?,
            );
        }
        Ok(Excludes { sets })
    }

    /// Whether a pattern excludes this absolute path itself. Walks test every entry top
    /// down and skip an excluded folder whole, so the folders above a path need no test;
    /// and a folder named on the command line is walked even when a pattern matches it.
    /// Patterns anchored at their folder (`/top.py`) only match under it.
    pub fn excludes(&self, path: &Path, is_dir: bool) -> bool {
        self.sets
            .iter()
            .any(|set| set.matched(path, is_dir).is_ignore())
    }
}

/// Walks `paths` (absolute): files as given, folders recursively (see the module docs).
pub fn discover(paths: &[PathBuf], excludes: &Excludes) -> Discovered {
    let mut found = Discovered::default();
    for path in paths {
        if path.is_dir() {
            walk(path, excludes, &mut found);
        } else {
            found.files.push(path.clone());
        }
    }
    found.files.sort();
    found.files.dedup();
    found
}

fn walk(root: &Path, excludes: &Excludes, found: &mut Discovered) {
    let filter = excludes.clone();
    let walker = WalkBuilder::new(root)
        .hidden(true)
        .parents(true)
        .ignore(true)
        .git_ignore(true)
        .git_exclude(true)
        .git_global(false)
        .require_git(false)
        .follow_links(false)
        .filter_entry(move |entry| {
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            entry.depth() == 0 || !filter.excludes(entry.path(), is_dir)
        })
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = error_path(&err).unwrap_or_else(|| root.to_path_buf());
                found.problems.push((path, one_line(&err.to_string())));
                continue;
            }
        };
        let Some(file_type) = entry.file_type() else {
            continue;
        };
        // A symlink named `*.py` is taken too: reading it says whether it leads anywhere.
        if is_python(entry.path()) && (file_type.is_file() || file_type.is_symlink()) {
            found.files.push(entry.path().to_path_buf());
        }
    }
}

/// The path an `ignore` walk error is about, when it says.
fn error_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

fn one_line(text: &str) -> String {
    text.lines().map(str::trim).collect::<Vec<_>>().join(" ")
}

/// `.py` and `.pyi`.
pub fn is_python(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("py" | "pyi")
    )
}

/// The import root for a checked path: the folder above the outermost package that holds
/// it (`src/pkg/sub/` → `src` when `pkg` and `sub` have an `__init__.py`), or the folder
/// itself.
pub fn import_top(path: &Path) -> PathBuf {
    let mut dir = if path.is_dir() {
        path.to_path_buf()
    } else {
        path.parent().map_or_else(PathBuf::new, Path::to_path_buf)
    };
    while dir.join("__init__.py").is_file() || dir.join("__init__.pyi").is_file() {
        match dir.parent() {
            Some(parent) => dir = parent.to_path_buf(),
            None => break,
        }
    }
    dir
}

/// `path` made absolute against `base` and cleaned of `.` and `..` (lexically: symlinks are
/// not resolved, so the printed paths stay the ones the user typed).
pub fn normalize(base: &Path, path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        base.join(path)
    };
    let mut out = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// How a path is printed: relative to the current folder when it is under it, else absolute.
pub fn display_path(path: &Path, cwd: &Path) -> String {
    match path.strip_prefix(cwd) {
        Ok(rest) if rest.as_os_str().is_empty() => ".".to_string(),
        Ok(rest) => rest.to_string_lossy().into_owned(),
        Err(_) => path.to_string_lossy().into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_is_lexical() {
        let base = Path::new("/w/proj");
        assert_eq!(
            normalize(base, Path::new("./src/../a.py")),
            PathBuf::from("/w/proj/a.py")
        );
        assert_eq!(normalize(base, Path::new("/x/./y")), PathBuf::from("/x/y"));
        assert_eq!(normalize(base, Path::new("..")), PathBuf::from("/w"));
    }

    #[test]
    fn display_is_relative_under_the_current_folder() {
        let cwd = Path::new("/w/proj");
        assert_eq!(display_path(Path::new("/w/proj/src/a.py"), cwd), "src/a.py");
        assert_eq!(display_path(Path::new("/w/proj"), cwd), ".");
        assert_eq!(
            display_path(Path::new("/w/other/a.py"), cwd),
            "/w/other/a.py"
        );
    }

    #[test]
    fn excludes_match_entries_under_their_base_and_by_name_elsewhere() {
        let patterns = [
            ExcludePattern {
                pattern: "build/".into(),
                base: "/w/proj".into(),
            },
            ExcludePattern {
                pattern: "*_pb2.py".into(),
                base: "/w/proj".into(),
            },
            ExcludePattern {
                pattern: "/top.py".into(),
                base: "/w/proj".into(),
            },
            ExcludePattern {
                pattern: "docs/conf.py".into(),
                base: "/w/proj".into(),
            },
        ];
        let excludes = Excludes::new(&patterns).unwrap_or_else(|err| panic!("{err}"));
        assert!(excludes.excludes(Path::new("/w/proj/build"), true));
        assert!(excludes.excludes(Path::new("/w/proj/a/build"), true));
        assert!(!excludes.excludes(Path::new("/w/proj/build"), false));
        assert!(excludes.excludes(Path::new("/w/proj/a/m_pb2.py"), false));
        assert!(excludes.excludes(Path::new("/elsewhere/m_pb2.py"), false));
        assert!(excludes.excludes(Path::new("/w/proj/top.py"), false));
        assert!(!excludes.excludes(Path::new("/w/proj/sub/top.py"), false));
        assert!(!excludes.excludes(Path::new("/elsewhere/top.py"), false));
        assert!(excludes.excludes(Path::new("/w/proj/docs/conf.py"), false));
        assert!(!excludes.excludes(Path::new("/w/proj/a/m.py"), false));
    }

    #[test]
    fn malformed_patterns_are_errors_naming_them() {
        let patterns = [ExcludePattern {
            pattern: "a/{b".into(),
            base: "/w".into(),
        }];
        let err = Excludes::new(&patterns).err().unwrap_or_default();
        assert!(err.starts_with("exclude pattern `a/{b`"), "{err}");
    }
}
