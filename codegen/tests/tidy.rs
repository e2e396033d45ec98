//! Architecture invariant: `codegen/src/format/` never names the checker, so the runtime can
//! depend on the format alone.

use std::path::Path;

fn visit(dir: &Path, found: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            visit(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            if text.contains("cinder_checker") || text.contains("rustpython") {
                found.push(path.display().to_string());
            }
        }
    }
}

#[test]
fn format_does_not_depend_on_the_checker() {
    let mut found = Vec::new();
    visit(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/format"),
        &mut found,
    );
    assert!(
        found.is_empty(),
        "these files name the checker or the parser: {found:?}"
    );
}
