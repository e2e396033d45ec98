//! The parts of the driver that the CLI tests cannot reach: a panic inside the checker,
//! and the order of import roots.

use super::*;
use cinder_checker::Span;
use cinder_checker::diagnostics::codes;

#[test]
fn a_panic_while_checking_one_file_becomes_an_internal_error_on_that_file() {
    let db = CheckerDb::new();
    let files: Vec<(SourceFile, String)> = ["a.py", "boom.py", "c.py"]
        .iter()
        .map(|name| {
            (
                SourceFile::new(&db, format!("/p/{name}"), "x = (\n".to_string()),
                name.to_string(),
            )
        })
        .collect();
    let results = parallel::check_all(
        &db,
        &files,
        |db, file| {
            if file.path(db).ends_with("boom.py") {
                panic!("kaboom");
            }
            check_file(db, file).clone()
        },
        || {},
    );
    let codes_of = |i: usize| results[i].iter().map(|d| d.code.name()).collect::<Vec<_>>();
    assert_eq!(codes_of(0), ["syntax-error"]);
    assert_eq!(codes_of(1), ["internal-error"]);
    assert_eq!(codes_of(2), ["syntax-error"]);
    let crash = &results[1][0];
    assert_eq!(crash.code, codes::INTERNAL_ERROR);
    assert!(
        crash.message.contains("`boom.py`") && crash.message.contains("bug in cinder"),
        "{}",
        crash.message
    );
    assert!(
        crash.notes[0].starts_with("panic: kaboom at "),
        "{:?}",
        crash.notes
    );
}

#[test]
fn parallel_map_keeps_item_order() {
    let items: Vec<usize> = (0..1000).collect();
    let out = parallel::map(
        &items,
        vec![0usize; 3],
        |seen, n| {
            *seen += 1;
            n * 2
        },
        || {},
    );
    assert_eq!(out, items.iter().map(|n| Some(n * 2)).collect::<Vec<_>>());
}

fn settings(root: &str, extra: &[&str]) -> Settings {
    Settings {
        project_root: PathBuf::from(root),
        include: Vec::new(),
        exclude: Vec::new(),
        extra_paths: extra.iter().map(PathBuf::from).collect(),
        rules: Vec::new(),
        output_format: None,
    }
}

#[test]
fn import_roots_are_deepest_first_without_duplicates() -> std::io::Result<()> {
    let tmp = tempfile::tempdir()?;
    let p = tmp.path().join("p");
    for dir in ["app", "pkg/sub", "src"] {
        std::fs::create_dir_all(p.join(dir))?;
    }
    std::fs::create_dir_all(tmp.path().join("lib"))?;
    std::fs::write(p.join("pkg/__init__.py"), "")?;
    std::fs::write(p.join("pkg/sub/__init__.py"), "")?;
    std::fs::write(p.join("app/main.py"), "")?;
    let settings = settings(
        &p.to_string_lossy(),
        &[&tmp.path().join("lib").to_string_lossy()],
    );
    // `app/main.py` → `app`; `pkg/sub` is inside the package `pkg` → `p`; `src/` is added.
    let roots = import_roots(
        &settings,
        &[p.join("app/main.py"), p.join("pkg/sub"), p.clone()],
    );
    assert_eq!(
        roots,
        [
            p.join("app"),
            p.join("src"),
            tmp.path().join("lib"),
            p.clone()
        ]
    );
    Ok(())
}

#[test]
fn rules_change_severity_or_drop() {
    let mut settings = settings("/p", &[]);
    settings.rules = vec![
        (codes::SYNTAX_ERROR, Level::Warning),
        (codes::INTERNAL_ERROR, Level::Ignore),
    ];
    let diags = vec![
        Diagnostic::new(codes::SYNTAX_ERROR, Span::default(), "s"),
        Diagnostic::new(codes::INTERNAL_ERROR, Span::default(), "i"),
        Diagnostic::new(codes::IO_ERROR, Span::default(), "o"),
    ];
    let out = apply_rules(&settings, diags);
    let seen: Vec<(&str, Severity)> = out.iter().map(|d| (d.code.name(), d.severity)).collect();
    assert_eq!(
        seen,
        [
            ("syntax-error", Severity::Warning),
            ("io-error", Severity::Error)
        ]
    );
}

#[test]
fn checked_files_and_files_under_import_roots_are_importable() -> std::io::Result<()> {
    use cinder_checker::resolve::{module_name_of, resolve_module};
    let tmp = tempfile::tempdir()?;
    let p = tmp.path().join("p");
    let files = [
        "p/app.py",
        "p/src/pkg/__init__.py",
        "p/src/pkg/mod.py",
        "p/tools/helper.py",
        "p/build/gen.py",
        "lib/extra.pyi",
    ];
    for file in files {
        let path = tmp.path().join(file);
        std::fs::create_dir_all(path.parent().unwrap_or(tmp.path()))?;
        std::fs::write(path, "x = 1\n")?;
    }
    let settings = settings(
        &p.to_string_lossy(),
        &[&tmp.path().join("lib").to_string_lossy()],
    );
    let excludes = Excludes::new(&[crate::config::ExcludePattern {
        pattern: "build/".into(),
        base: p.clone(),
    }])
    .unwrap_or_else(|err| panic!("{err}"));
    // Only `app.py` is checked; the rest is reachable through its top (the project folder)
    // and `extra-paths`.
    let targets = [p.join("app.py")];
    let checked = discover(&targets, &excludes);
    let roots = import_roots(&settings, &targets);
    let walked = [tmp.path().join("lib"), p.clone()];
    let project = load_project(&checked.files, &walked, &roots, &excludes);
    let db = &project.db;
    let path_of = |name: &str| resolve_module(db, name).map(|f| f.path(db).clone());
    let abs = |rel: &str| Some(tmp.path().join(rel).to_string_lossy().into_owned());
    assert_eq!(path_of("app"), abs("p/app.py"));
    assert_eq!(path_of("pkg"), abs("p/src/pkg/__init__.py"));
    assert_eq!(path_of("pkg.mod"), abs("p/src/pkg/mod.py"));
    assert_eq!(path_of("tools.helper"), abs("p/tools/helper.py"));
    assert_eq!(path_of("extra"), abs("lib/extra.pyi"));
    // Excluded files are not importable either; stubs still are.
    assert_eq!(path_of("build.gen"), None);
    assert!(path_of("__static__").is_some());
    let app = project.inputs.get(&p.join("app.py")).copied();
    assert_eq!(
        app.and_then(|f| module_name_of(db, f)).as_deref(),
        Some("app")
    );
    Ok(())
}

#[test]
fn only_the_tops_of_checked_paths_and_extra_paths_are_read() -> std::io::Result<()> {
    use cinder_checker::resolve::resolve_module;
    let tmp = tempfile::tempdir()?;
    let p = tmp.path().join("p");
    for file in ["app/main.py", "app/util.py", "other/far.py"] {
        let path = p.join(file);
        std::fs::create_dir_all(path.parent().unwrap_or(&p))?;
        std::fs::write(path, "x = 1\n")?;
    }
    let settings = settings(&p.to_string_lossy(), &[]);
    let excludes = Excludes::new(&[]).unwrap_or_else(|err| panic!("{err}"));
    let targets = [p.join("app/main.py")];
    let checked = discover(&targets, &excludes);
    let roots = import_roots(&settings, &targets);
    let walked: Vec<PathBuf> = targets.iter().map(|t| import_top(t)).collect();
    let project = load_project(&checked.files, &walked, &roots, &excludes);
    let db = &project.db;
    assert!(resolve_module(db, "util").is_some());
    // The project folder is a root, but `other/` is not read for `cinder check app/main.py`.
    assert!(resolve_module(db, "other.far").is_none());
    assert_eq!(project.inputs.len(), 2);
    Ok(())
}
