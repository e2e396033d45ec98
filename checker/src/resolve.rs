//! Module resolution: dotted module names to files of the project or the bundled stubs.
//!
//! Each file gets the module name its path has under the first import root that holds it
//! (`root/pkg/mod.py` → `pkg.mod`, `root/pkg/__init__.py` → `pkg`). A `.pyi` wins over a
//! `.py` of the same name under the same root; earlier roots win over later ones, and the
//! bundled stubs come last.

use indexmap::IndexMap;

use crate::db::{Db, SourceFile};

/// The root under which the bundled stubs live (paths like `<stubs>/typing.pyi`).
pub const STUBS_ROOT: &str = "<stubs>";

/// The bundled stubs, embedded at build time from `stdlib_stubs/` (see `build.rs`).
mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled_stubs.rs"));
}

/// Creates one input per bundled stub file.
pub(crate) fn bundled_stub_files(db: &dyn Db) -> Vec<SourceFile> {
    bundled::STUBS
        .iter()
        .map(|(rel, text)| SourceFile::new(db, format!("{STUBS_ROOT}/{rel}"), (*text).to_string()))
        .collect()
}

/// The dotted name of a file under `root`, if it is under it and is a Python file.
pub fn module_name_under(root: &str, path: &str) -> Option<String> {
    let root = root.trim_end_matches('/');
    let rest = if root.is_empty() || root == "." {
        path.strip_prefix("./").unwrap_or(path)
    } else {
        path.strip_prefix(root)?.strip_prefix('/')?
    };
    let stem = rest
        .strip_suffix(".pyi")
        .or_else(|| rest.strip_suffix(".py"))?;
    let mut parts: Vec<&str> = stem.split('/').collect();
    if parts.last() == Some(&"__init__") {
        parts.pop();
    }
    if parts.is_empty()
        || parts
            .iter()
            .any(|p| p.is_empty() || p.contains('.') || p.contains('-'))
    {
        return None;
    }
    Some(parts.join("."))
}

/// Every module name the project can import, mapped to its file.
#[salsa::tracked(returns(ref))]
pub fn module_map(db: &dyn Db) -> IndexMap<String, SourceFile> {
    let project = db.project();
    let mut map: IndexMap<String, (usize, bool, SourceFile)> = IndexMap::new();
    for &file in project.files(db) {
        let path = file.path(db);
        for (rank, root) in project.roots(db).iter().enumerate() {
            let Some(name) = module_name_under(root, path) else {
                continue;
            };
            let is_stub = path.ends_with(".pyi");
            let better = match map.get(&name) {
                None => true,
                Some(&(r, stub, _)) => rank < r || (rank == r && is_stub && !stub),
            };
            if better {
                map.insert(name, (rank, is_stub, file));
            }
            break;
        }
    }
    map.into_iter()
        .map(|(name, (_, _, file))| (name, file))
        .collect()
}

/// The file of an absolute module name.
pub fn resolve_module(db: &dyn Db, name: &str) -> Option<SourceFile> {
    module_map(db).get(name).copied()
}

/// The module name of `file`, if it is importable.
pub fn module_name_of(db: &dyn Db, file: SourceFile) -> Option<String> {
    module_map(db)
        .iter()
        .find(|(_, f)| **f == file)
        .map(|(name, _)| name.clone())
}

/// Resolves `from {'.' * level}{module} import ...` written in `importer` to an absolute
/// module name (`None` when it climbs above the top package).
pub fn absolute_name(
    db: &dyn Db,
    importer: SourceFile,
    level: u32,
    module: Option<&str>,
) -> Option<String> {
    if level == 0 {
        return module.map(str::to_string);
    }
    let own = module_name_of(db, importer)?;
    let is_package =
        importer.path(db).ends_with("__init__.py") || importer.path(db).ends_with("__init__.pyi");
    let mut parts: Vec<&str> = own.split('.').collect();
    if !is_package {
        parts.pop();
    }
    for _ in 1..level {
        parts.pop()?;
    }
    let mut name = parts.join(".");
    if let Some(module) = module {
        if !name.is_empty() {
            name.push('.');
        }
        name.push_str(module);
    }
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_names_from_paths() {
        assert_eq!(
            module_name_under("src", "src/pkg/mod.py").as_deref(),
            Some("pkg.mod")
        );
        assert_eq!(
            module_name_under("src", "src/pkg/__init__.pyi").as_deref(),
            Some("pkg")
        );
        assert_eq!(module_name_under(".", "a.py").as_deref(), Some("a"));
        assert_eq!(module_name_under("src", "other/a.py"), None);
        assert_eq!(module_name_under("src", "src/my-script.py"), None);
    }
}
