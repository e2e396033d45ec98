//! Configuration of `cinder check`: `[tool.cinder]` in the nearest `pyproject.toml` (or the
//! file given with `--config`), merged with the command-line flags, which win.
//!
//! ```toml
//! [tool.cinder]
//! include = ["src", "tests"]        # checked when no PATH is given (default: ".")
//! exclude = ["build/", "*_pb2.py"]  # gitignore-style patterns, relative to this file
//! extra-paths = ["../shared"]       # more import roots, relative to this file
//! output-format = "concise"         # full | pretty | concise | json | github
//!
//! [tool.cinder.rules]
//! revealed-type = "error"   # error | warning | ignore
//! ```
//!
//! Input: the current folder and the flags. Output: [`Settings`], or a [`ConfigError`] whose
//! message names the file and the key (the driver exits with 2). Paths in `Settings` are
//! absolute and lexically normalised.

use std::fmt;
use std::path::{Path, PathBuf};

use cinder_checker::Code;
use cinder_checker::diagnostics::render::Format;

use crate::cli::{CheckArgs, OutputFormat};
use crate::discover::{display_path, normalize};

/// What a rule is set to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
    Ignore,
}

impl Level {
    fn parse(text: &str) -> Option<Level> {
        match text {
            "error" => Some(Level::Error),
            "warning" => Some(Level::Warning),
            "ignore" => Some(Level::Ignore),
            _ => None,
        }
    }
}

/// A gitignore-style pattern and the folder it is relative to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExcludePattern {
    pub pattern: String,
    pub base: PathBuf,
}

/// Everything `cinder check` needs to know, from the file and the flags.
#[derive(Debug)]
pub struct Settings {
    /// The folder of the configuration file, else the current folder.
    pub project_root: PathBuf,
    /// What to check when no PATH is given.
    pub include: Vec<PathBuf>,
    pub exclude: Vec<ExcludePattern>,
    /// Import roots from `extra-paths` and `--extra-path`, in order.
    pub extra_paths: Vec<PathBuf>,
    /// Severity overrides, later entries winning.
    pub rules: Vec<(Code, Level)>,
    pub output_format: Option<Format>,
}

impl Settings {
    /// The level a code is set to, if configured.
    pub fn level_of(&self, code: Code) -> Option<Level> {
        self.rules
            .iter()
            .rev()
            .find(|(c, _)| *c == code)
            .map(|(_, level)| *level)
    }
}

/// A configuration problem: the message says which file and which key.
#[derive(Debug, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The keys `[tool.cinder]` accepts.
const KEYS: &[&str] = &[
    "include",
    "exclude",
    "extra-paths",
    "output-format",
    "rules",
];

/// The `[tool.cinder]` table of one file, validated but not yet resolved against folders.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct FileConfig {
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub extra_paths: Vec<String>,
    pub output_format: Option<Format>,
    pub rules: Vec<(Code, Level)>,
}

/// Reads the settings: the configuration file (found or given), then the flags.
pub fn load(args: &CheckArgs, cwd: &Path) -> Result<Settings, ConfigError> {
    let config_file = match &args.config {
        Some(path) => {
            let path = normalize(cwd, path);
            if !path.is_file() {
                return Err(ConfigError(format!(
                    "--config {}: no such file",
                    display_path(&path, cwd)
                )));
            }
            Some(path)
        }
        None => find_pyproject(cwd),
    };
    let (project_root, file) = match &config_file {
        Some(path) => {
            let shown = display_path(path, cwd);
            let text = std::fs::read_to_string(path).map_err(|err| {
                ConfigError(format!("{shown}: cannot read the configuration: {err}"))
            })?;
            let root = path
                .parent()
                .map_or_else(|| cwd.to_path_buf(), Path::to_path_buf);
            (root, parse(&text, &shown)?)
        }
        None => (cwd.to_path_buf(), FileConfig::default()),
    };
    let shown = config_file
        .as_deref()
        .map(|p| display_path(p, cwd))
        .unwrap_or_default();
    let mut include = Vec::new();
    for entry in &file.include {
        let path = normalize(&project_root, Path::new(entry));
        if !path.exists() {
            return Err(ConfigError(format!(
                "{shown}: [tool.cinder] `include`: `{entry}` does not exist"
            )));
        }
        include.push(path);
    }
    let mut extra_paths = Vec::new();
    for entry in &file.extra_paths {
        let path = normalize(&project_root, Path::new(entry));
        if !path.is_dir() {
            return Err(ConfigError(format!(
                "{shown}: [tool.cinder] `extra-paths`: `{entry}` is not a folder"
            )));
        }
        extra_paths.push(path);
    }
    for entry in &args.extra_path {
        let path = normalize(cwd, entry);
        if !path.is_dir() {
            return Err(ConfigError(format!(
                "--extra-path {}: not a folder",
                entry.display()
            )));
        }
        extra_paths.push(path);
    }
    let mut exclude: Vec<ExcludePattern> = file
        .exclude
        .iter()
        .map(|pattern| ExcludePattern {
            pattern: pattern.clone(),
            base: project_root.clone(),
        })
        .collect();
    exclude.extend(args.exclude.iter().map(|pattern| ExcludePattern {
        pattern: pattern.clone(),
        base: cwd.to_path_buf(),
    }));
    let mut rules = file.rules;
    for flag in &args.rules {
        rules.push(parse_rule_flag(flag)?);
    }
    let output_format = args.output_format.map(format_of).or(file.output_format);
    Ok(Settings {
        project_root,
        include,
        exclude,
        extra_paths,
        rules,
        output_format,
    })
}

/// The nearest `pyproject.toml` in `cwd` or one of its ancestors.
pub fn find_pyproject(cwd: &Path) -> Option<PathBuf> {
    cwd.ancestors()
        .map(|dir| dir.join("pyproject.toml"))
        .find(|path| path.is_file())
}

/// Parses and validates `[tool.cinder]` of a `pyproject.toml`; `shown` names the file in errors.
pub fn parse(text: &str, shown: &str) -> Result<FileConfig, ConfigError> {
    let document: toml::Table = text
        .parse()
        .map_err(|err| ConfigError(format!("{shown}: invalid TOML: {}", toml_error(text, &err))))?;
    let Some(tool) = document.get("tool") else {
        return Ok(FileConfig::default());
    };
    let Some(tool) = tool.as_table() else {
        return Err(ConfigError(format!(
            "{shown}: `tool` must be a table, found {}",
            tool.type_str()
        )));
    };
    let Some(cinder) = tool.get("cinder") else {
        return Ok(FileConfig::default());
    };
    let Some(cinder) = cinder.as_table() else {
        return Err(ConfigError(format!(
            "{shown}: `tool.cinder` must be a table, found {}",
            cinder.type_str()
        )));
    };
    let mut config = FileConfig::default();
    for (key, value) in cinder {
        let key_error =
            |what: String| ConfigError(format!("{shown}: [tool.cinder] `{key}` {what}"));
        match key.as_str() {
            "include" => config.include = strings(value).map_err(key_error)?,
            "exclude" => config.exclude = strings(value).map_err(key_error)?,
            "extra-paths" => config.extra_paths = strings(value).map_err(key_error)?,
            "output-format" => {
                let Some(name) = value.as_str() else {
                    return Err(key_error(format!(
                        "must be a string, found {}",
                        value.type_str()
                    )));
                };
                config.output_format = Some(format_named(name).ok_or_else(|| {
                    key_error(format!(
                        "must be one of full, pretty, concise, json, github; found `{name}`"
                    ))
                })?);
            }
            "rules" => config.rules = rules(value, shown)?,
            _ => {
                return Err(ConfigError(format!(
                    "{shown}: [tool.cinder] unknown key `{key}` (expected one of: {})",
                    KEYS.join(", ")
                )));
            }
        }
    }
    Ok(config)
}

fn strings(value: &toml::Value) -> Result<Vec<String>, String> {
    let Some(items) = value.as_array() else {
        return Err(format!(
            "must be an array of strings, found {}",
            value.type_str()
        ));
    };
    items
        .iter()
        .map(|item| {
            item.as_str().map(str::to_string).ok_or_else(|| {
                format!(
                    "must be an array of strings, found an element of type {}",
                    item.type_str()
                )
            })
        })
        .collect()
}

fn rules(value: &toml::Value, shown: &str) -> Result<Vec<(Code, Level)>, ConfigError> {
    let Some(table) = value.as_table() else {
        return Err(ConfigError(format!(
            "{shown}: [tool.cinder] `rules` must be a table, found {}",
            value.type_str()
        )));
    };
    let mut rules = Vec::new();
    for (name, level) in table {
        let Some(code) = Code::from_name(name) else {
            return Err(ConfigError(format!(
                "{shown}: [tool.cinder.rules] unknown diagnostic code `{name}`"
            )));
        };
        let level = match level.as_str() {
            Some(text) => Level::parse(text),
            None => None,
        };
        let Some(level) = level else {
            return Err(ConfigError(format!(
                "{shown}: [tool.cinder.rules] `{name}` must be \"error\", \"warning\" or \"ignore\", found {}",
                describe(table.get(name.as_str()))
            )));
        };
        rules.push((code, level));
    }
    Ok(rules)
}

fn describe(value: Option<&toml::Value>) -> String {
    match value {
        Some(toml::Value::String(text)) => format!("\"{text}\""),
        Some(other) => other.type_str().to_string(),
        None => "nothing".to_string(),
    }
}

/// Parses `--rule CODE=LEVEL`.
fn parse_rule_flag(flag: &str) -> Result<(Code, Level), ConfigError> {
    let Some((name, level)) = flag.split_once('=') else {
        return Err(ConfigError(format!(
            "--rule `{flag}`: expected CODE=LEVEL, e.g. `syntax-error=warning`"
        )));
    };
    let Some(code) = Code::from_name(name.trim()) else {
        return Err(ConfigError(format!(
            "--rule `{flag}`: unknown diagnostic code `{}`",
            name.trim()
        )));
    };
    let Some(level) = Level::parse(level.trim()) else {
        return Err(ConfigError(format!(
            "--rule `{flag}`: the level must be \"error\", \"warning\" or \"ignore\", found `{}`",
            level.trim()
        )));
    };
    Ok((code, level))
}

fn format_named(name: &str) -> Option<Format> {
    match name {
        "full" => Some(Format::Full),
        "pretty" => Some(Format::Pretty),
        "concise" => Some(Format::Concise),
        "json" => Some(Format::Json),
        "github" => Some(Format::Github),
        _ => None,
    }
}

/// The renderer's format for a flag value.
pub fn format_of(format: OutputFormat) -> Format {
    match format {
        OutputFormat::Full => Format::Full,
        OutputFormat::Pretty => Format::Pretty,
        OutputFormat::Concise => Format::Concise,
        OutputFormat::Json => Format::Json,
        OutputFormat::Github => Format::Github,
    }
}

/// A TOML error on one line with its position (its `Display` draws a snippet over several
/// lines).
fn toml_error(text: &str, err: &toml::de::Error) -> String {
    let message = err.message().trim().replace('\n', " ");
    match err.span() {
        Some(span) => {
            let before = text.get(..span.start).unwrap_or(text);
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!("{message} (line {line}, column {column})")
        }
        None => message,
    }
}

#[cfg(test)]
mod tests;
