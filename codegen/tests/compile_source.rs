//! `compile_source`, the runtime's compile hook: the three modes, and the errors that only
//! the compiler (not the parser) reports.

use std::process::Command;

use cinder_codegen::format::{marshal, pyc};
use cinder_codegen::{CodegenError, Mode, compile_source};

/// Runs `script` with the marshalled code object in `code.bin` in a temp folder.
fn python_with_code(code: &cinder_codegen::format::CodeObject, script: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("code.bin"), marshal::write_code(code)).unwrap();
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn eval_mode_returns_the_value() {
    let code = compile_source(
        "[x * 2 for x in range(4)] + [len('abc')]",
        "<eval>",
        Mode::Eval,
    )
    .unwrap();
    let out = python_with_code(
        &code,
        "import marshal; print(eval(marshal.loads(open('code.bin','rb').read())))",
    );
    assert_eq!(out, "[0, 2, 4, 6, 3]\n");
}

#[test]
fn single_mode_prints_expression_statements() {
    let code = compile_source("1 + 1\nNone\n'x'\n", "<stdin>", Mode::Single);
    // rustpython parses an interactive block of several statements.
    let code = code.unwrap();
    let out = python_with_code(
        &code,
        "import marshal; exec(marshal.loads(open('code.bin','rb').read()))",
    );
    assert_eq!(out, "2\n'x'\n");
}

#[test]
fn exec_mode_defines_names() {
    let code = compile_source(
        "def f(a, *, b=2):\n    return a * b\nresult = f(21)\n",
        "<exec>",
        Mode::Exec,
    )
    .unwrap();
    let out = python_with_code(
        &code,
        "import marshal; ns = {}; exec(marshal.loads(open('code.bin','rb').read()), ns); print(ns['result'])",
    );
    assert_eq!(out, "42\n");
    // The .pyc of the same code object loads under CPython's magic.
    let bytes = pyc::write(
        &code,
        pyc::Validation::Timestamp {
            mtime: 0,
            source_size: 0,
        },
    );
    assert_eq!(pyc::read(&bytes).unwrap().1, code);
}

fn syntax_error(source: &str) -> (String, u32) {
    match compile_source(source, "<test>", Mode::Exec) {
        Err(CodegenError::Syntax { message, location }) => {
            (message, location.map_or(0, |l| l.line))
        }
        other => panic!("expected a syntax error for {source:?}, got {other:?}"),
    }
}

#[test]
fn compiler_reports_what_the_parser_lets_through() {
    assert_eq!(
        syntax_error("x = 1\nreturn x\n"),
        ("'return' outside function".into(), 2)
    );
    assert_eq!(syntax_error("break\n"), ("'break' outside loop".into(), 1));
    assert_eq!(
        syntax_error("while 1:\n    pass\ncontinue\n"),
        ("'continue' not properly in loop".into(), 3)
    );
    assert_eq!(
        syntax_error("def f():\n    x = 1\n    def g():\n        nonlocal y\n").0,
        "no binding for nonlocal 'y' found"
    );
    assert_eq!(
        syntax_error("nonlocal x\n").0,
        "nonlocal declaration not allowed at module level"
    );
    assert_eq!(
        syntax_error("def f():\n    x = 1\n    global x\n").0,
        "name 'x' is assigned to before global declaration"
    );
    assert_eq!(syntax_error("await x\n").0, "'await' outside function");
    assert_eq!(
        syntax_error("match x:\n    case y:\n        pass\n    case 1:\n        pass\n"),
        (
            "name capture 'y' makes remaining patterns unreachable".into(),
            2
        )
    );
    assert_eq!(
        syntax_error("try:\n    pass\nexcept* ValueError:\n    break\n").0,
        "'break', 'continue' and 'return' cannot appear in an except* block"
    );
}

#[test]
fn parse_errors_are_errors_not_panics() {
    for source in ["def (:", "x = = 1", "\u{0}\u{1}", "if True:\npass", "f'{'"] {
        match compile_source(source, "<test>", Mode::Exec) {
            Err(CodegenError::Parse { .. }) => {}
            other => panic!("{source:?}: {other:?}"),
        }
    }
}
