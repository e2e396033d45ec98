//! `document_symbols(db, file)`: the outline of a module: classes (with their methods and
//! attributes), functions (with nested definitions) and module variables, hierarchical.

use rustpython_parser::ast::{Expr, Ranged, Stmt};

use super::scope::Binding;
use super::walk::{FuncRef, stmt_children, target_names};
use crate::db::{Db, SourceFile};
use crate::diagnostics::Span;
use crate::parse::parsed_module;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolKind {
    Class,
    Function,
    Method,
    /// A module or function variable.
    Variable,
    /// A module variable in `UPPER_CASE`.
    Constant,
    /// A class attribute, or an instance attribute assigned in `__init__`.
    Field,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentSymbol {
    pub name: String,
    pub kind: SymbolKind,
    /// A short description: the signature of a function, the annotation of a variable.
    pub detail: Option<String>,
    pub full_span: Span,
    pub focus_span: Span,
    pub children: Vec<DocumentSymbol>,
}

/// The outline of `file`, in source order.
pub fn document_symbols(db: &dyn Db, file: SourceFile) -> Vec<DocumentSymbol> {
    let parsed = parsed_module(db, file);
    let text = file.text(db).as_str();
    let mut out = Vec::new();
    block_symbols(text, parsed.suite(), Level::Module, &mut out);
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    Module,
    Class,
    Function,
}

fn block_symbols(text: &str, stmts: &[Stmt], level: Level, out: &mut Vec<DocumentSymbol>) {
    for stmt in stmts {
        if let Some(f) = FuncRef::of(stmt) {
            let binding = Binding::Function(f);
            let mut children = Vec::new();
            block_symbols(text, f.body, Level::Function, &mut children);
            if level == Level::Class && f.name == "__init__" {
                instance_fields(text, f.body, &mut children);
            }
            let kind = if level == Level::Class {
                SymbolKind::Method
            } else {
                SymbolKind::Function
            };
            out.push(symbol(
                text,
                binding,
                kind,
                Some(signature_detail(text, &f)),
                children,
            ));
            continue;
        }
        match stmt {
            Stmt::ClassDef(c) => {
                let mut children = Vec::new();
                block_symbols(text, &c.body, Level::Class, &mut children);
                out.push(symbol(
                    text,
                    Binding::Class(c),
                    SymbolKind::Class,
                    None,
                    children,
                ));
            }
            Stmt::Assign(_) | Stmt::AnnAssign(_) if level != Level::Function => {
                let (targets, annotation): (Vec<&Expr>, Option<&Expr>) = match stmt {
                    Stmt::Assign(s) => (s.targets.iter().collect(), None),
                    Stmt::AnnAssign(s) => (vec![&s.target], Some(&s.annotation)),
                    _ => (Vec::new(), None),
                };
                for target in targets {
                    let mut names = Vec::new();
                    target_names(target, &mut names);
                    for name in names {
                        if out.iter().any(|s| s.name == name.id.as_str()) {
                            continue;
                        }
                        let kind = match level {
                            Level::Class => SymbolKind::Field,
                            _ if is_constant_name(name.id.as_str()) => SymbolKind::Constant,
                            _ => SymbolKind::Variable,
                        };
                        let detail = annotation.map(|a| slice(text, a.range().into()).to_string());
                        let binding = Binding::Variable {
                            name,
                            annotation,
                            value: None,
                        };
                        out.push(symbol(text, binding, kind, detail, Vec::new()));
                    }
                }
            }
            _ => {
                for block in stmt_children(stmt).1 {
                    block_symbols(text, block, level, out);
                }
            }
        }
    }
}

/// `self.x = ...` assignments of `__init__`, as fields of the class.
fn instance_fields(text: &str, body: &[Stmt], out: &mut Vec<DocumentSymbol>) {
    for stmt in body {
        let (targets, annotation): (Vec<&Expr>, Option<&Expr>) = match stmt {
            Stmt::Assign(s) => (s.targets.iter().collect(), None),
            Stmt::AnnAssign(s) => (vec![&s.target], Some(&s.annotation)),
            _ => {
                for block in stmt_children(stmt).1 {
                    instance_fields(text, block, out);
                }
                continue;
            }
        };
        for target in targets {
            if let Expr::Attribute(a) = target
                && matches!(a.value.as_ref(), Expr::Name(n) if n.id.as_str() == "self")
                && !out.iter().any(|s| s.name == a.attr.as_str())
            {
                let detail = annotation.map(|a| slice(text, a.range().into()).to_string());
                let binding = Binding::InstanceAttribute {
                    target: a,
                    annotation,
                    value: None,
                };
                out.push(symbol(text, binding, SymbolKind::Field, detail, Vec::new()));
            }
        }
    }
}

fn symbol(
    text: &str,
    binding: Binding<'_>,
    kind: SymbolKind,
    detail: Option<String>,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    DocumentSymbol {
        name: binding.name().to_string(),
        kind,
        detail,
        full_span: binding.full_span(),
        focus_span: binding.focus_span(text),
        children,
    }
}

fn signature_detail(text: &str, f: &FuncRef<'_>) -> String {
    let src = |r: rustpython_parser::ast::text_size::TextRange| slice(text, r.into());
    let sig = super::hover::describe_function(f, &src);
    let keyword = if f.is_async { "async def " } else { "def " };
    sig.strip_prefix(keyword)
        .and_then(|s| s.strip_prefix(f.name))
        .unwrap_or(&sig)
        .to_string()
}

fn slice(text: &str, span: Span) -> &str {
    text.get(span.start as usize..span.end as usize)
        .unwrap_or("")
}

fn is_constant_name(name: &str) -> bool {
    name.chars().any(|c| c.is_ascii_uppercase()) && !name.chars().any(|c| c.is_lowercase())
}
