//! Classes made by a call: `TypedDict("Point", {"x": int})`,
//! `NamedTuple("Pair", [("a", int), ("b", str)])` and `collections.namedtuple("Row", "a b")`.
//!
//! Input: the assignment `Name = call(...)` at module level. Output: a [`ClassDecl`] named
//! `Name` (qualified name = the assigned name) with the fields as declared instance
//! attributes, deriving from `typing.TypedDict` or `typing.NamedTuple`, exactly as if the
//! class syntax had been used. Fields of `namedtuple` are `Any`.

use std::sync::Arc;

use indexmap::IndexMap;
use rustpython_parser::ast;

use crate::declare::{ClassDecl, ClassFlags, DeclBuilder, Member, MemberKind, TypeExprResolver};
use crate::types::{ClassId, Ty};

/// The kind of class-making call.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Maker {
    TypedDict,
    NamedTuple,
    CollectionsNamedTuple,
}

fn maker_of(call: &ast::ExprCall) -> Option<Maker> {
    let callee = match &*call.func {
        ast::Expr::Name(n) => n.id.as_str(),
        ast::Expr::Attribute(a) => a.attr.as_str(),
        _ => return None,
    };
    let maker = match callee {
        "TypedDict" => Maker::TypedDict,
        "NamedTuple" => Maker::NamedTuple,
        "namedtuple" => Maker::CollectionsNamedTuple,
        _ => return None,
    };
    let named = matches!(call.args.first(), Some(ast::Expr::Constant(c)) if matches!(c.value, ast::Constant::Str(_)));
    named.then_some(maker)
}

/// Whether a call makes a class (see the module docs).
pub fn is_class_call(call: &ast::ExprCall) -> bool {
    maker_of(call).is_some()
}

fn string(expr: &ast::Expr) -> Option<&str> {
    match expr {
        ast::Expr::Constant(c) => match &c.value {
            ast::Constant::Str(s) => Some(s.as_str()),
            _ => None,
        },
        _ => None,
    }
}

fn elements(expr: &ast::Expr) -> &[ast::Expr] {
    match expr {
        ast::Expr::List(l) => &l.elts,
        ast::Expr::Tuple(t) => &t.elts,
        _ => &[],
    }
}

fn field(ty: Ty, has_default: bool) -> Member {
    Member {
        ty,
        kind: MemberKind::InstanceVar,
        declared: true,
        is_final: false,
        has_default,
        in_class_body: true,
    }
}

impl DeclBuilder<'_> {
    /// Declares the class that `name = call` makes; returns its class object type.
    pub(crate) fn declare_functional_class(&mut self, name: &str, call: &ast::ExprCall) -> Ty {
        let id = ClassId::new(self.file, name);
        let Some(maker) = maker_of(call) else {
            return Ty::unknown();
        };
        let mut resolver = TypeExprResolver::reporting(self.db, self.file);
        let mut members = IndexMap::new();
        let mut flags = ClassFlags::default();
        let keyword = |name: &str| {
            call.keywords
                .iter()
                .find(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == name))
                .map(|k| &k.value)
        };
        let base = match maker {
            Maker::TypedDict => {
                flags.typed_dict_not_total = keyword("total").is_some_and(|v| {
                    matches!(v, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Bool(false)))
                });
                flags.has_dynamic_base = !matches!(call.args.get(1), Some(ast::Expr::Dict(_)));
                if let Some(ast::Expr::Dict(d)) = call.args.get(1) {
                    for (key, value) in d.keys.iter().zip(&d.values) {
                        let Some(key) = key.as_ref().and_then(string) else {
                            continue;
                        };
                        let ann = resolver.annotation(value);
                        let optional = ann.required == Some(false)
                            || (flags.typed_dict_not_total && ann.required != Some(true));
                        members.insert(key.into(), field(ann.ty, optional));
                    }
                }
                "TypedDict"
            }
            Maker::NamedTuple => {
                flags.is_named_tuple = true;
                flags.has_dynamic_base = !matches!(
                    call.args.get(1),
                    Some(ast::Expr::List(_) | ast::Expr::Tuple(_))
                );
                for item in call.args.get(1).map(elements).unwrap_or_default() {
                    if let [key, value] = elements(item)
                        && let Some(key) = string(key)
                    {
                        let ty = resolver.type_of(value);
                        members.insert(key.into(), field(ty, false));
                    }
                }
                "NamedTuple"
            }
            Maker::CollectionsNamedTuple => {
                flags.is_named_tuple = true;
                // Field names computed at run time: the class accepts any arguments.
                flags.has_dynamic_base = !matches!(
                    call.args.get(1),
                    Some(ast::Expr::List(_) | ast::Expr::Tuple(_) | ast::Expr::Constant(_))
                );
                let names: Vec<&str> = match call.args.get(1) {
                    Some(arg) => match string(arg) {
                        Some(text) => text
                            .split(|c: char| c == ',' || c.is_whitespace())
                            .filter(|s| !s.is_empty())
                            .collect(),
                        None => elements(arg).iter().filter_map(string).collect(),
                    },
                    None => Vec::new(),
                };
                let defaults = keyword("defaults").map_or(0, |d| elements(d).len());
                let first_default = names.len().saturating_sub(defaults);
                for (i, key) in names.iter().enumerate() {
                    members.insert((*key).into(), field(Ty::any(), i >= first_default));
                }
                "NamedTuple"
            }
        };
        self.diags.append(&mut resolver.diags);
        let bases: Vec<Ty> = crate::types::class::typing_class(self.db, base)
            .map(|c| Ty::instance(c, Vec::new()))
            .into_iter()
            .collect();
        let decl = ClassDecl {
            id,
            bases: bases.into_boxed_slice(),
            type_params: Box::new([]),
            members,
            flags,
            metaclass: None,
        };
        self.decls.classes.insert(name.into(), Arc::new(decl));
        Ty::class_object(id, Vec::new())
    }
}
