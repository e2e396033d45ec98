//! Rules that apply to some kinds of modules only (Static Python, strict modules).

pub(crate) mod static_python;
pub(crate) mod strict_module;
