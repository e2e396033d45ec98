//! Rules that apply to some kinds of modules only (Static Python, strict modules).

pub(crate) mod strict_module;
