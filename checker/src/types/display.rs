//! How types are written in messages: `list[int]`, `int | None`, `Literal[1]`,
//! `tuple[int, ...]`, `def f(x: int) -> str`, `(int) -> str`.

use std::fmt::{self, Write as _};

use super::{Literal, ParamKind, Signature, SpecialForm, TupleTy, Ty, TyKind};

/// A type, formatted for a user.
pub struct DisplayTy(pub(super) Ty);

impl fmt::Display for DisplayTy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_ty(f, self.0)
    }
}

fn write_ty(f: &mut fmt::Formatter<'_>, ty: Ty) -> fmt::Result {
    match ty.kind() {
        TyKind::Any => f.write_str("Any"),
        TyKind::Unknown => f.write_str("Unknown"),
        TyKind::Never => f.write_str("Never"),
        TyKind::None => f.write_str("None"),
        TyKind::Instance(c) => write_class(f, c.class.name(), &c.args),
        TyKind::Exact(c) => {
            f.write_str("Exact[")?;
            write_class(f, c.class.name(), &c.args)?;
            f.write_char(']')
        }
        TyKind::ClassObject(c) => {
            f.write_str("type[")?;
            write_class(f, c.class.name(), &c.args)?;
            f.write_char(']')
        }
        TyKind::Literal(lit) => {
            f.write_str("Literal[")?;
            write_literal(f, lit)?;
            f.write_char(']')
        }
        TyKind::Tuple(TupleTy::Fixed(items)) => {
            f.write_str("tuple[")?;
            if items.is_empty() {
                f.write_str("()")?;
            }
            write_list(f, items)?;
            f.write_char(']')
        }
        TyKind::Tuple(TupleTy::Variadic(item)) => write!(f, "tuple[{}, ...]", item.display()),
        TyKind::Union(members) => write_union(f, members),
        TyKind::Function(func) => {
            write!(f, "def {}", func.name)?;
            write_signature(f, &func.sig)
        }
        TyKind::Callable(sig) => write_signature(f, sig),
        TyKind::BoundMethod { func, .. } => match func.kind() {
            TyKind::Function(func) => {
                write!(f, "bound method {}", func.name)?;
                write_signature(f, &func.sig.bind_first())
            }
            _ => write!(f, "bound method {}", func.display()),
        },
        TyKind::Overloaded(items) => {
            f.write_str("Overload[")?;
            write_list(f, items)?;
            f.write_char(']')
        }
        TyKind::TypeVar(tv) => f.write_str(&tv.name),
        TyKind::ClassOfVar(var) => write!(f, "type[{}]", var.display()),
        TyKind::Module(m) => write!(f, "<module '{}'>", m.name),
        TyKind::Property { .. } => f.write_str("property"),
        TyKind::Primitive(p) => f.write_str(p.name()),
        TyKind::SpecialForm(form) => write_special_form(f, *form),
    }
}

fn write_class(f: &mut fmt::Formatter<'_>, name: &str, args: &[Ty]) -> fmt::Result {
    f.write_str(name)?;
    if !args.is_empty() {
        f.write_char('[')?;
        write_list(f, args)?;
        f.write_char(']')?;
    }
    Ok(())
}

fn write_list(f: &mut fmt::Formatter<'_>, items: &[Ty]) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write_ty(f, *item)?;
    }
    Ok(())
}

fn write_literal(f: &mut fmt::Formatter<'_>, lit: &Literal) -> fmt::Result {
    match lit {
        Literal::Int(i) => write!(f, "{i}"),
        Literal::Bool(true) => f.write_str("True"),
        Literal::Bool(false) => f.write_str("False"),
        Literal::Str(s) => write!(f, "{s:?}"),
        Literal::Bytes(b) => {
            f.write_str("b\"")?;
            for &byte in b.iter() {
                if byte.is_ascii_graphic() || byte == b' ' {
                    f.write_char(byte as char)?;
                } else {
                    write!(f, "\\x{byte:02x}")?;
                }
            }
            f.write_char('"')
        }
        Literal::Enum(class, member) => write!(f, "{}.{member}", class.name()),
    }
}

/// Literal members are grouped: `Literal[1, 2] | None`.
fn write_union(f: &mut fmt::Formatter<'_>, members: &[Ty]) -> fmt::Result {
    let literals: Vec<&Literal> = members
        .iter()
        .filter_map(|m| match m.kind() {
            TyKind::Literal(lit) => Some(lit),
            _ => None,
        })
        .collect();
    let mut first = true;
    let mut literals_written = false;
    for &member in members {
        let is_literal = matches!(member.kind(), TyKind::Literal(_));
        if is_literal && literals_written {
            continue;
        }
        if !first {
            f.write_str(" | ")?;
        }
        first = false;
        if is_literal {
            literals_written = true;
            f.write_str("Literal[")?;
            for (i, lit) in literals.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write_literal(f, lit)?;
            }
            f.write_char(']')?;
        } else if matches!(member.kind(), TyKind::Function(_) | TyKind::Callable(_)) {
            f.write_char('(')?;
            write_ty(f, member)?;
            f.write_char(')')?;
        } else {
            write_ty(f, member)?;
        }
    }
    Ok(())
}

fn write_signature(f: &mut fmt::Formatter<'_>, sig: &Signature) -> fmt::Result {
    f.write_char('(')?;
    if sig.gradual {
        f.write_str("...")?;
    }
    let mut slash_pending = false;
    let mut star_written = false;
    for (i, param) in sig.params.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        if param.kind != ParamKind::PositionalOnly && slash_pending && param.name.is_some() {
            f.write_str("/, ")?;
            slash_pending = false;
        }
        match param.kind {
            ParamKind::PositionalOnly => slash_pending = param.name.is_some(),
            ParamKind::VarPositional => {
                f.write_char('*')?;
                star_written = true;
            }
            ParamKind::KeywordOnly if !star_written => {
                f.write_str("*, ")?;
                star_written = true;
            }
            ParamKind::VarKeyword => f.write_str("**")?,
            _ => {}
        }
        match &param.name {
            Some(name) if param.annotated => write!(f, "{name}: {}", param.ty.display())?,
            Some(name) => f.write_str(name)?,
            None => write_ty(f, param.ty)?,
        }
        if param.has_default {
            f.write_str(" = ...")?;
        }
    }
    if slash_pending {
        f.write_str(", /")?;
    }
    write!(f, ") -> {}", sig.ret.display())
}

fn write_special_form(f: &mut fmt::Formatter<'_>, form: SpecialForm) -> fmt::Result {
    let name = match form {
        SpecialForm::Any => "typing.Any",
        SpecialForm::Optional => "typing.Optional",
        SpecialForm::Union => "typing.Union",
        SpecialForm::Callable => "typing.Callable",
        SpecialForm::Literal => "typing.Literal",
        SpecialForm::Final => "typing.Final",
        SpecialForm::ClassVar => "typing.ClassVar",
        SpecialForm::Protocol => "typing.Protocol",
        SpecialForm::Generic => "typing.Generic",
        SpecialForm::Type => "typing.Type",
        SpecialForm::Tuple => "typing.Tuple",
        SpecialForm::NoReturn => "typing.NoReturn",
        SpecialForm::Never => "typing.Never",
        SpecialForm::Annotated => "typing.Annotated",
        SpecialForm::TypeAlias => "typing.TypeAlias",
        SpecialForm::Required => "typing.Required",
        SpecialForm::NotRequired => "typing.NotRequired",
        SpecialForm::ReadOnly => "typing.ReadOnly",
        SpecialForm::SelfType => "typing.Self",
        SpecialForm::Alias(name) => return write!(f, "typing.{name}"),
        SpecialForm::TypeVar => "type[TypeVar]",
        SpecialForm::Cast => "def cast(typ, val) -> Any",
        SpecialForm::RevealType => "def reveal_type(obj) -> Any",
        SpecialForm::Isinstance => "def isinstance(obj, class_or_tuple) -> bool",
        SpecialForm::NewType => "type[NewType]",
        SpecialForm::IdentityDecorator => "decorator",
        SpecialForm::TypeChecking => "bool",
    };
    f.write_str(name)
}
