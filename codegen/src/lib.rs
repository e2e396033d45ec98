//! `cinder_codegen`: the bytecode format (`format`) and, from a checked module, CPython 3.11
//! bytecode: lowering, assembling, verification and disassembly.
//!
//! Pipeline (one pass per module): `lower` (symbol table, then statements and expressions
//! into blocks of instructions) -> `cfg` (clean-ups, locations, stack depths, exception
//! targets) -> `assemble` (jumps, `EXTENDED_ARG`, tables) -> `verify` -> `CodeObject`.
//!
//! Architecture invariant: `format` never names the checker, so the runtime can depend on it
//! alone.

mod assemble;
mod cfg;
pub mod dis;
mod error;
pub mod format;
mod ir;
mod lower;
pub mod repr;
pub mod verify;

pub use error::CodegenError;
pub use lower::Mode;

use format::CodeObject;

/// Compiles a module that the checker accepted (a plain module whatever its type errors, a
/// static module only without errors) to its module code object.
pub fn compile_module(module: cinder_checker::ReadyModule<'_>) -> Result<CodeObject, CodegenError> {
    compile_module_named(module, None)
}

/// [`compile_module`] for a module the checker names `names.0` that runs as `names.1`
/// (`("prog", "__main__")` for a script run directly): a static module is lowered with the
/// checker's facts (static opcodes, our `.pyc` magic), descriptors of its own functions
/// and classes naming the runtime module. Without names, a static module's descriptors
/// keep the checker's names.
pub fn compile_module_named(
    module: cinder_checker::ReadyModule<'_>,
    names: Option<(&str, &str)>,
) -> Result<CodeObject, CodegenError> {
    with_large_stack(|| match module.static_facts() {
        Some(facts) => {
            let names = names.map_or_else(
                || (String::new(), String::new()),
                |(a, b)| (a.to_string(), b.to_string()),
            );
            lower::compile_static_statements(
                module.suite(),
                module.text(),
                module.path(),
                facts,
                names,
            )
        }
        None => lower::compile_statements(module.suite(), module.text(), module.path(), Mode::Exec),
    })
}

/// A module's statements.
pub type Suite = [rustpython_ast::Stmt];

/// The absolute module names imported at the top level of `suite` (`import a.b`,
/// `from a import b`), in order: the candidates for a static module's dependencies.
pub fn top_level_imports(suite: &Suite) -> Vec<String> {
    let mut names = Vec::new();
    for stmt in suite {
        match stmt {
            rustpython_ast::Stmt::Import(i) => {
                names.extend(i.names.iter().map(|a| a.name.to_string()));
            }
            rustpython_ast::Stmt::ImportFrom(f)
                if f.level.as_ref().is_none_or(|l| l.to_u32() == 0) =>
            {
                if let Some(m) = &f.module {
                    names.push(m.to_string());
                }
            }
            _ => {}
        }
    }
    names
}

/// Lowering recurses once per nesting level of the source (a 300-term `a + b + ...` is 300
/// levels): run it on a thread whose stack cannot run out before the parser's limits do.
fn with_large_stack<T: Send>(
    work: impl FnOnce() -> Result<T, CodegenError> + Send,
) -> Result<T, CodegenError> {
    const STACK: usize = 256 * 1024 * 1024;
    std::thread::scope(|scope| {
        match std::thread::Builder::new()
            .name("cinder-codegen".into())
            .stack_size(STACK)
            .spawn_scoped(scope, work)
        {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|_| Err(CodegenError::Bug("the compiler panicked".into()))),
            Err(e) => Err(CodegenError::Bug(format!(
                "cannot start the compiler thread: {e}"
            ))),
        }
    })
}

/// Compiles source text: the runtime's hook for `exec`, `eval`, `compile()` and imports of
/// `.py` files.
pub fn compile_source(text: &str, filename: &str, mode: Mode) -> Result<CodeObject, CodegenError> {
    with_large_stack(|| compile_source_here(text, filename, mode))
}

fn compile_source_here(text: &str, filename: &str, mode: Mode) -> Result<CodeObject, CodegenError> {
    use rustpython_parser::{Mode as ParseMode, parse};
    let parse_mode = match mode {
        Mode::Exec => ParseMode::Module,
        Mode::Eval => ParseMode::Expression,
        Mode::Single => ParseMode::Interactive,
    };
    let parsed = parse(text, parse_mode, filename).map_err(|e| CodegenError::Parse {
        message: syntax_message(&e.error.to_string()),
        offset: e.offset.into(),
    })?;
    match parsed {
        rustpython_ast::Mod::Module(m) => {
            lower::compile_statements(&m.body, text, filename, Mode::Exec)
        }
        rustpython_ast::Mod::Interactive(m) => {
            lower::compile_statements(&m.body, text, filename, Mode::Single)
        }
        rustpython_ast::Mod::Expression(e) => lower::compile_expression(&e.body, text, filename),
        rustpython_ast::Mod::FunctionType(_) => Err(CodegenError::Unsupported {
            what: "function type comments".into(),
            location: None,
        }),
    }
}

/// Drops rustpython's "at byte N" suffix.
fn syntax_message(raw: &str) -> String {
    match raw.rfind(" at byte ") {
        Some(cut) => raw[..cut].to_string(),
        None => raw.to_string(),
    }
}
