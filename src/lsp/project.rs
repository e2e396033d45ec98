//! The project behind the editor's workspace folders, read the way `cinder check` reads
//! it: `[tool.cinder]` of each folder's `pyproject.toml` (through [`crate::config`]), the
//! import roots, the files imports can reach, and the per-rule severities applied to the
//! diagnostics before they are published.
//!
//! Input: the workspace folders (absolute). Output: a [`ProjectConfig`] plus the messages
//! of configurations that could not be read (the server shows them; the folder then uses
//! the defaults).

use std::path::{Path, PathBuf};

use cinder_checker::Diagnostic;

use crate::cli::CheckArgs;
use crate::commands::check::{apply_rules, import_roots};
use crate::config::Settings;
use crate::discover::{Excludes, discover};

struct Folder {
    settings: Settings,
    excludes: Excludes,
}

/// The settings of every workspace folder.
pub struct ProjectConfig {
    folders: Vec<Folder>,
}

fn defaults(folder: &Path) -> Settings {
    Settings {
        project_root: folder.to_path_buf(),
        include: Vec::new(),
        exclude: Vec::new(),
        extra_paths: Vec::new(),
        rules: Vec::new(),
        output_format: None,
    }
}

/// The import roots of one folder: those `cinder check` uses when it checks the folder's
/// `include` entries, or the whole folder.
fn folder_roots(folder: &Folder) -> Vec<PathBuf> {
    let s = &folder.settings;
    let targets = if s.include.is_empty() {
        std::slice::from_ref(&s.project_root)
    } else {
        s.include.as_slice()
    };
    import_roots(s, targets)
}

impl ProjectConfig {
    /// Loads the configuration of each folder; problems are returned as messages.
    pub fn load(folders: &[PathBuf]) -> (ProjectConfig, Vec<String>) {
        let mut errors = Vec::new();
        let mut loaded = Vec::new();
        for folder in folders {
            let args = CheckArgs {
                paths: Vec::new(),
                output_format: None,
                exclude: Vec::new(),
                extra_path: Vec::new(),
                rules: Vec::new(),
                config: None,
                no_progress: true,
            };
            let settings = match crate::config::load(&args, folder) {
                Ok(settings) => settings,
                Err(err) => {
                    errors.push(format!("cinder: {err} (using the default settings)"));
                    defaults(folder)
                }
            };
            let excludes = match Excludes::new(&settings.exclude) {
                Ok(excludes) => excludes,
                Err(err) => {
                    errors.push(format!("cinder: {err} (excludes ignored)"));
                    Excludes::new(&[])
                        .unwrap_or_else(|_| unreachable!("no patterns always compile"))
                }
            };
            loaded.push(Folder { settings, excludes });
        }
        (ProjectConfig { folders: loaded }, errors)
    }

    /// Import roots of every folder (see `cinder check`'s `import_roots`), deepest first
    /// across folders too: a file takes its module name from the deepest root holding it.
    pub fn roots(&self) -> Vec<PathBuf> {
        let mut roots: Vec<PathBuf> = Vec::new();
        for root in self.folders.iter().flat_map(folder_roots) {
            if !roots.contains(&root) {
                roots.push(root);
            }
        }
        roots.sort_by_key(|root| std::cmp::Reverse(root.components().count()));
        roots
    }

    /// Every Python file under the roots, without those a folder excludes.
    pub fn files(&self) -> Vec<PathBuf> {
        let mut files = Vec::new();
        for folder in &self.folders {
            let dirs: Vec<PathBuf> = folder_roots(folder)
                .into_iter()
                .filter(|r| r.is_dir())
                .collect();
            files.extend(discover(&dirs, &folder.excludes).files);
        }
        files.sort();
        files.dedup();
        files
    }

    /// Applies the rule severities of the folder holding `path` (the deepest one).
    pub fn apply_rules(&self, path: &str, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        let folder = self
            .folders
            .iter()
            .filter(|f| Path::new(path).starts_with(&f.settings.project_root))
            .max_by_key(|f| f.settings.project_root.as_os_str().len());
        match folder {
            Some(folder) => apply_rules(&folder.settings, diagnostics),
            None => diagnostics,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cinder_checker::Severity;

    #[test]
    fn configuration_sets_roots_and_rule_levels() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| unreachable!("temp dir: {e}"));
        let root = dir
            .path()
            .canonicalize()
            .unwrap_or_else(|e| unreachable!("canonical: {e}"));
        let write = |rel: &str, text: &str| {
            let path = root.join(rel);
            if let Some(parent) = path.parent() {
                let _ = std::fs::create_dir_all(parent);
            }
            let _ = std::fs::write(path, text);
        };
        write(
            "pyproject.toml",
            "[tool.cinder]\nextra-paths = [\"vendor\"]\nexclude = [\"build/\"]\n\n[tool.cinder.rules]\nsyntax-error = \"warning\"\n",
        );
        write("vendor/ext.py", "");
        write("src/app.py", "");
        write("build/gen.py", "");
        let (config, errors) = ProjectConfig::load(std::slice::from_ref(&root));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            config.roots(),
            [root.join("vendor"), root.join("src"), root.clone()]
        );
        let files = config.files();
        assert!(
            files.contains(&root.join("vendor/ext.py")) && files.contains(&root.join("src/app.py"))
        );
        assert!(
            !files.contains(&root.join("build/gen.py")),
            "excluded: {files:?}"
        );

        let diag = cinder_checker::parse_source("def (", "x.py")
            .syntax_errors()
            .to_vec();
        let path = root.join("src/app.py").display().to_string();
        let levels: Vec<Severity> = config
            .apply_rules(&path, diag)
            .iter()
            .map(|d| d.severity)
            .collect();
        assert_eq!(levels, [Severity::Warning]);
    }

    #[test]
    fn a_broken_configuration_falls_back_to_the_defaults() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| unreachable!("temp dir: {e}"));
        let root = dir
            .path()
            .canonicalize()
            .unwrap_or_else(|e| unreachable!("canonical: {e}"));
        let _ = std::fs::write(
            root.join("pyproject.toml"),
            "[tool.cinder]\nnot-a-key = 1\n",
        );
        let (config, errors) = ProjectConfig::load(std::slice::from_ref(&root));
        assert_eq!(errors.len(), 1);
        assert!(errors[0].contains("not-a-key"), "{errors:?}");
        assert_eq!(config.roots(), [root]);
    }
}
