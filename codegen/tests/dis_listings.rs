//! `cinder dis` listings as data: each `tests/dis/NAME.py` is compiled and disassembled and
//! the text must equal `tests/dis/NAME.dis`. Regenerate with `UPDATE_EXPECT=1` and review.

use std::path::Path;

use cinder_codegen::dis::disassemble;
use cinder_codegen::{Mode, compile_source};

#[test]
fn listings_match_their_expectations() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dis");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut sources: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    sources.sort();
    assert!(sources.len() >= 4);
    let mut mismatches = Vec::new();
    for src in sources {
        let name = src.file_name().unwrap().to_string_lossy().into_owned();
        let code =
            compile_source(&std::fs::read_to_string(&src).unwrap(), &name, Mode::Exec).unwrap();
        let listing = disassemble(&code);
        let expected_path = src.with_extension("dis");
        if update {
            std::fs::write(&expected_path, &listing).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != listing {
            mismatches.push(format!("{name}:\n{listing}"));
        }
    }
    assert!(
        mismatches.is_empty(),
        "listings differ (UPDATE_EXPECT=1 to regenerate):\n{}",
        mismatches.join("\n")
    );
}
