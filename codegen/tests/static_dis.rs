//! Static lowering as data: each `tests/static_dis/NAME.py` (except the `lib_*` modules
//! they import) is checked as a module of that folder, lowered with the checker's facts,
//! and its `cinder dis` listing must equal `tests/static_dis/NAME.dis` (static opcodes with
//! their descriptors). Regenerate with `UPDATE_EXPECT=1` and review.

use std::path::Path;

use cinder_checker::{CheckerDb, SourceFile, checked_module};
use cinder_codegen::compile_module_named;
use cinder_codegen::dis::disassemble;
use cinder_codegen::format::pyc;

fn listing(dir: &Path, name: &str) -> (String, bool) {
    let mut db = CheckerDb::new();
    let mut files = Vec::new();
    let mut main = None;
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    entries.sort();
    for path in entries {
        let file_name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let file = SourceFile::new(&db, format!("/src/{file_name}"), text);
        if file_name == name {
            main = Some(file);
        }
        files.push(file);
    }
    db.set_project_files(files, vec!["/src".to_string()]);
    let main = main.unwrap();
    let checked = checked_module(&db, main);
    let errors: Vec<String> = checked
        .diagnostics
        .iter()
        .map(|d| d.message.clone())
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:#?}");
    let ready = checked.ready().unwrap();
    let module = name.trim_end_matches(".py");
    let code = compile_module_named(ready, Some((module, module))).unwrap();
    let is_static = pyc::read_header(&pyc::write(
        &code,
        pyc::Validation::Timestamp {
            mtime: 0,
            source_size: 0,
        },
    ))
    .unwrap()
    .is_static();
    (disassemble(&code), is_static)
}

#[test]
fn static_listings_match_their_expectations() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/static_dis");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut sources: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "py")
                && !p.file_name().unwrap().to_string_lossy().starts_with("lib_")
        })
        .collect();
    sources.sort();
    assert!(sources.len() >= 3);
    let mut mismatches = Vec::new();
    for src in sources {
        let name = src.file_name().unwrap().to_string_lossy().into_owned();
        let (text, is_static) = listing(&dir, &name);
        assert!(
            is_static,
            "{name}: a static module is written under our magic"
        );
        let expected_path = src.with_extension("dis");
        if update {
            std::fs::write(&expected_path, &text).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != text {
            mismatches.push(format!("{name}:\n{text}"));
        }
    }
    assert!(
        mismatches.is_empty(),
        "listings differ (UPDATE_EXPECT=1 to regenerate):\n{}",
        mismatches.join("\n")
    );
}
