//! The names of the standard library's top-level modules (CPython 3.11's
//! `sys.stdlib_module_names`). A stdlib module without a bundled stub is dynamic rather
//! than an unresolved import.

static NAMES: &str = include_str!("stdlib_module_names.txt");

/// Whether `module` (dotted) belongs to the standard library.
pub fn is_stdlib_module(module: &str) -> bool {
    let top = module.split('.').next().unwrap_or(module);
    NAMES.lines().any(|line| line == top)
}
