//! Incremental invariants, read from salsa's log of executed queries: an edit inside one
//! function body re-infers that function only, and modules that import the edited one
//! are not re-checked.

use cinder_checker::{CheckerDb, SourceFile, check_file};
use salsa::Setter;

const A: &str = "\
def f(x: int) -> int:
    return x + 1


def g(y: str) -> str:
    return y


class C:
    def method(self) -> int:
        return f(1)


def h() -> int:
    return f(2)
";

const B: &str = "\
from a import f, C


def use() -> int:
    return f(1) + C().method()
";

fn executed(log: &[String], query: &str) -> usize {
    log.iter().filter(|entry| entry.starts_with(query)).count()
}

/// Builds a project with `a.py` and `b.py`, checks both, and clears the log.
fn setup() -> (CheckerDb, SourceFile, SourceFile) {
    let mut db = CheckerDb::with_event_log();
    let a = SourceFile::new(&db, "proj/a.py".to_string(), A.to_string());
    let b = SourceFile::new(&db, "proj/b.py".to_string(), B.to_string());
    db.set_project_files(vec![a, b], vec!["proj".to_string()]);
    assert!(check_file(&db, a).is_empty(), "{:?}", check_file(&db, a));
    assert!(check_file(&db, b).is_empty(), "{:?}", check_file(&db, b));
    db.take_log();
    (db, a, b)
}

#[test]
fn first_check_infers_every_function() {
    let db = CheckerDb::with_event_log();
    let a = SourceFile::new(&db, "proj/a.py".to_string(), A.to_string());
    let mut db = db;
    db.set_project_files(vec![a], vec!["proj".to_string()]);
    db.take_log();
    check_file(&db, a);
    let log = db.take_log();
    // f, g, C.method and h.
    assert_eq!(executed(&log, "infer_function("), 4, "{log:#?}");
}

#[test]
fn body_edit_reinfers_only_that_function() {
    let (mut db, a, b) = setup();
    // Grow `g`'s body: every later function moves, yet only `g` is re-inferred.
    let edited = A.replace("    return y\n", "    z = y + \"!\"\n    return z\n");
    a.set_text(&mut db).to(edited);
    let diags = check_file(&db, a).clone();
    assert!(diags.is_empty(), "{diags:?}");
    let log = db.take_log();
    assert_eq!(executed(&log, "infer_function("), 1, "{log:#?}");
    // The declarations re-ran but are equal, so nothing of `b` runs again.
    check_file(&db, b);
    let log = db.take_log();
    assert_eq!(executed(&log, "check_file("), 0, "{log:#?}");
    assert_eq!(executed(&log, "infer_module_body("), 0, "{log:#?}");
    assert_eq!(executed(&log, "infer_function("), 0, "{log:#?}");
}

#[test]
fn body_edit_reports_new_error_at_the_right_place() {
    let (mut db, a, _) = setup();
    let edited = A.replace("    return y\n", "    z: int = y\n    return y\n");
    a.set_text(&mut db).to(edited.clone());
    let diags = check_file(&db, a);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0].code.name(), "bad-assignment");
    let start = diags[0].span.start as usize;
    assert_eq!(&edited[start..start + 1], "y");
}

#[test]
fn signature_edit_rechecks_importers() {
    let (mut db, a, b) = setup();
    let edited = A.replace("def f(x: int) -> int:", "def f(x: str) -> int:");
    a.set_text(&mut db).to(edited);
    check_file(&db, a);
    let diags = check_file(&db, b);
    assert!(
        diags.iter().any(|d| d.code.name() == "bad-argument-type"),
        "{diags:?}"
    );
    let log = db.take_log();
    assert!(executed(&log, "infer_function(") >= 1, "{log:#?}");
}
