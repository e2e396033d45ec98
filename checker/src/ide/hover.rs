//! `hover(db, file, offset)`: what to show for the name under the cursor: its signature
//! (from the definition's annotations), its inferred type and its docstring.

use rustpython_parser::ast::{self, Constant, Expr, Ranged, Stmt, text_size::TextRange};

use super::locate::locate;
use super::scope::{Binding, Def};
use super::walk::FuncRef;
use crate::db::{Db, SourceFile};
use crate::diagnostics::Span;
use crate::parse::parsed_module;

/// What a hover shows. Plain data: the LSP layer renders it as Markdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hover {
    /// The token under the cursor, in the hovered file.
    pub span: Span,
    /// Python-like text: `def f(x: int) -> str`, `class C(Base)`, `x: int`, `module m`.
    pub signature: String,
    /// The inferred type of the name or expression, when inference knows it.
    pub inferred_type: Option<String>,
    /// The cleaned docstring of the definition.
    pub docstring: Option<String>,
}

/// The hover at byte `offset` of `file`, or `None` when there is nothing to say.
pub fn hover(db: &dyn Db, file: SourceFile, offset: u32) -> Option<Hover> {
    let parsed = parsed_module(db, file);
    let text = file.text(db).as_str();
    let located = locate(parsed.suite(), text, offset)?;
    let span = located.target.span(text);
    let inferred_type = located
        .target
        .expression_span()
        .and_then(|expr| inferred_type_at(db, file, expr));
    let def = super::definition_of(db, file, &located);
    let (signature, docstring) = match def {
        Some(def) => describe(db, def, inferred_type.as_deref()),
        None => {
            let ty = inferred_type.clone()?;
            (
                format!(
                    "{}: {ty}",
                    text.get(span.start as usize..span.end as usize)
                        .unwrap_or("")
                ),
                None,
            )
        }
    };
    Some(Hover {
        span,
        signature,
        inferred_type,
        docstring,
    })
}

/// The inferred type of the expression at exactly `span`, displayed: the one place where
/// the IDE queries read inference.
fn inferred_type_at(db: &dyn Db, file: SourceFile, span: Span) -> Option<String> {
    crate::infer::type_of_expression(db, file, span).map(|ty| ty.display().to_string())
}

/// The signature and docstring of a definition.
pub(crate) fn describe(db: &dyn Db, def: Def<'_>, ty: Option<&str>) -> (String, Option<String>) {
    match def {
        Def::Module(m) => {
            let name = crate::resolve::module_name_of(db, m).unwrap_or_else(|| m.path(db).clone());
            (
                format!("module {name}"),
                docstring(parsed_module(db, m).suite()),
            )
        }
        Def::Binding(file, binding) => {
            let text = file.text(db).as_str();
            let src = |r: TextRange| {
                text.get(usize::from(r.start())..usize::from(r.end()))
                    .unwrap_or("")
            };
            let typed = |name: &str, annotation: Option<&Expr>, value: Option<&Expr>| match (
                annotation, ty,
            ) {
                (Some(a), _) => format!("{name}: {}", src(a.range())),
                (None, Some(ty)) => format!("{name}: {ty}"),
                (None, None) => match value.map(|v| src(v.range())) {
                    Some(v) if v.len() <= 60 && !v.contains('\n') => format!("{name} = {v}"),
                    _ => name.to_string(),
                },
            };
            match binding {
                Binding::Function(f) => (describe_function(&f, &src), docstring(f.body)),
                Binding::Class(c) => {
                    let bases: Vec<&str> = c
                        .bases
                        .iter()
                        .map(|b| src(b.range()))
                        .chain(c.keywords.iter().map(|k| src(k.range)))
                        .collect();
                    let head = if bases.is_empty() {
                        format!("class {}", c.name)
                    } else {
                        format!("class {}({})", c.name, bases.join(", "))
                    };
                    (head, docstring(&c.body))
                }
                Binding::Variable {
                    name,
                    annotation,
                    value,
                } => (typed(name.id.as_str(), annotation, value), None),
                Binding::InstanceAttribute {
                    target,
                    annotation,
                    value,
                } => (
                    format!(
                        "(attribute) {}",
                        typed(target.attr.as_str(), annotation, value)
                    ),
                    None,
                ),
                Binding::Param { arg, .. } => (
                    format!(
                        "(parameter) {}",
                        typed(arg.arg.as_str(), arg.annotation.as_deref(), None)
                    ),
                    None,
                ),
                Binding::Import { alias, .. } => (format!("import {}", src(alias.range)), None),
                Binding::ImportFrom {
                    alias,
                    level,
                    module,
                } => {
                    let dots = ".".repeat(level as usize);
                    (
                        format!(
                            "from {dots}{} import {}",
                            module.unwrap_or(""),
                            src(alias.range)
                        ),
                        None,
                    )
                }
            }
        }
    }
}

pub(crate) fn describe_function<'a>(f: &FuncRef<'a>, src: &dyn Fn(TextRange) -> &'a str) -> String {
    let param = |a: &ast::Arg, default: Option<&Expr>, prefix: &str| {
        let mut s = format!("{prefix}{}", a.arg);
        if let Some(ann) = &a.annotation {
            s.push_str(": ");
            s.push_str(src(ann.range()));
        }
        if let Some(d) = default {
            s.push_str(if a.annotation.is_some() { " = " } else { "=" });
            s.push_str(src(d.range()));
        }
        s
    };
    let args = f.args;
    let mut parts: Vec<String> = Vec::new();
    for a in &args.posonlyargs {
        parts.push(param(&a.def, a.default.as_deref(), ""));
    }
    if !args.posonlyargs.is_empty() {
        parts.push("/".into());
    }
    for a in &args.args {
        parts.push(param(&a.def, a.default.as_deref(), ""));
    }
    match &args.vararg {
        Some(v) => parts.push(param(v, None, "*")),
        None if !args.kwonlyargs.is_empty() => parts.push("*".into()),
        None => {}
    }
    for a in &args.kwonlyargs {
        parts.push(param(&a.def, a.default.as_deref(), ""));
    }
    if let Some(k) = &args.kwarg {
        parts.push(param(k, None, "**"));
    }
    let keyword = if f.is_async { "async def" } else { "def" };
    let mut sig = format!("{keyword} {}({})", f.name, parts.join(", "));
    if let Some(r) = f.returns {
        sig.push_str(" -> ");
        sig.push_str(src(r.range()));
    }
    sig
}

/// The docstring of a body, cleaned like `inspect.cleandoc`.
pub(crate) fn docstring(body: &[Stmt]) -> Option<String> {
    let Some(Stmt::Expr(e)) = body.first() else {
        return None;
    };
    let Expr::Constant(c) = e.value.as_ref() else {
        return None;
    };
    let Constant::Str(s) = &c.value else {
        return None;
    };
    Some(cleandoc(s))
}

fn cleandoc(raw: &str) -> String {
    let raw = raw.replace('\t', "        ");
    let mut lines = raw.lines();
    let first = lines.next().unwrap_or("").trim().to_string();
    let rest: Vec<&str> = lines.collect();
    let indent = rest
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut out: Vec<String> = vec![first];
    out.extend(
        rest.iter()
            .map(|l| l.get(indent..).unwrap_or("").trim_end().to_string()),
    );
    while out.first().is_some_and(|l| l.is_empty()) {
        out.remove(0);
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out.join("\n")
}
