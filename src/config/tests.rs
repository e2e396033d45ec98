//! Parsing and validation of `[tool.cinder]`.

use super::*;

fn parse_ok(text: &str) -> FileConfig {
    match parse(text, "pyproject.toml") {
        Ok(config) => config,
        Err(err) => panic!("unexpected error: {err}"),
    }
}

fn parse_err(text: &str) -> String {
    match parse(text, "pyproject.toml") {
        Ok(config) => panic!("expected an error, got {config:?}"),
        Err(err) => err.0,
    }
}

#[test]
fn a_file_without_the_table_is_the_default() {
    assert_eq!(parse_ok("[project]\nname = \"x\"\n"), FileConfig::default());
    assert_eq!(
        parse_ok("[tool.black]\nline-length = 100\n"),
        FileConfig::default()
    );
}

#[test]
fn every_key_is_read() {
    let config = parse_ok(
        r#"
[tool.cinder]
include = ["src"]
exclude = ["build/", "*_pb2.py"]
extra-paths = ["../lib"]
output-format = "concise"

[tool.cinder.rules]
syntax-error = "warning"
revealed-type = "ignore"
"#,
    );
    assert_eq!(config.include, ["src"]);
    assert_eq!(config.exclude, ["build/", "*_pb2.py"]);
    assert_eq!(config.extra_paths, ["../lib"]);
    assert_eq!(config.output_format, Some(Format::Concise));
    let rules: Vec<(&str, Level)> = config.rules.iter().map(|(c, l)| (c.name(), *l)).collect();
    assert_eq!(
        rules,
        [
            ("revealed-type", Level::Ignore),
            ("syntax-error", Level::Warning)
        ]
    );
}

#[test]
fn errors_name_the_file_and_the_key() {
    assert_eq!(
        parse_err("[tool.cinder]\nincludes = [\"src\"]\n"),
        "pyproject.toml: [tool.cinder] unknown key `includes` (expected one of: include, exclude, extra-paths, output-format, rules)"
    );
    assert_eq!(
        parse_err("[tool.cinder]\nexclude = \"build\"\n"),
        "pyproject.toml: [tool.cinder] `exclude` must be an array of strings, found string"
    );
    assert_eq!(
        parse_err("[tool.cinder]\nextra-paths = [1]\n"),
        "pyproject.toml: [tool.cinder] `extra-paths` must be an array of strings, found an element of type integer"
    );
    assert_eq!(
        parse_err("[tool.cinder]\noutput-format = \"xml\"\n"),
        "pyproject.toml: [tool.cinder] `output-format` must be one of full, pretty, concise, json, github; found `xml`"
    );
    assert_eq!(
        parse_err("[tool.cinder.rules]\nno-such-code = \"error\"\n"),
        "pyproject.toml: [tool.cinder.rules] unknown diagnostic code `no-such-code`"
    );
    assert_eq!(
        parse_err("[tool.cinder.rules]\nsyntax-error = \"fatal\"\n"),
        "pyproject.toml: [tool.cinder.rules] `syntax-error` must be \"error\", \"warning\" or \"ignore\", found \"fatal\""
    );
    assert_eq!(
        parse_err("[tool.cinder.rules]\nsyntax-error = true\n"),
        "pyproject.toml: [tool.cinder.rules] `syntax-error` must be \"error\", \"warning\" or \"ignore\", found boolean"
    );
    assert_eq!(
        parse_err("[tool]\ncinder = 3\n"),
        "pyproject.toml: `tool.cinder` must be a table, found integer"
    );
    assert_eq!(
        parse_err("[tool.cinder]\nrules = []\n"),
        "pyproject.toml: [tool.cinder] `rules` must be a table, found array"
    );
}

#[test]
fn invalid_toml_says_where() {
    let err = parse_err("[tool.cinder]\ninclude = [\"src\"\n");
    assert!(err.starts_with("pyproject.toml: invalid TOML: "), "{err}");
    assert!(err.contains("(line 2, column"), "{err}");
    assert!(!err.contains('\n'), "{err}");
}

#[test]
fn rule_flags() {
    assert_eq!(
        parse_rule_flag("syntax-error=warning").map(|(c, l)| (c.name(), l)),
        Ok(("syntax-error", Level::Warning))
    );
    assert_eq!(
        parse_rule_flag("syntax-error").map(|(c, _)| c.name()),
        Err(ConfigError(
            "--rule `syntax-error`: expected CODE=LEVEL, e.g. `syntax-error=warning`".into()
        ))
    );
    assert_eq!(
        parse_rule_flag("nope=error").map(|(c, _)| c.name()),
        Err(ConfigError(
            "--rule `nope=error`: unknown diagnostic code `nope`".into()
        ))
    );
    assert_eq!(
        parse_rule_flag("syntax-error=loud").map(|(c, _)| c.name()),
        Err(ConfigError(
            "--rule `syntax-error=loud`: the level must be \"error\", \"warning\" or \"ignore\", found `loud`".into()
        ))
    );
}
