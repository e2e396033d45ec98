//! The contract between static codegen and the runtime: what every static opcode's operand
//! means, and how descriptors are encoded as constants.
//!
//! Input: Rust values ([`TypeRef`], [`FuncRef`], operator ids). Output: the oparg or the
//! `co_consts` entry the instruction carries, and back ([`decode_type`], [`decode_func`]...).
//! The opcode numbers themselves live in [`super::opcodes`] (the one table).
//!
//! # Values of primitive type (our representation, faster than Cinder's)
//! Primitives live on the value stack and in **ordinary fast locals** (`LOAD_FAST`/
//! `STORE_FAST`; codegen never emits `LOAD_LOCAL`/`STORE_LOCAL`), already in the runtime's
//! inline `Value` form, so a primitive costs no allocation and "boxing" an `int64` is free:
//! - integral kinds (`int8..int64`, `uint8..uint32`, `char`): `Value::Int(i64)` holding the
//!   value normalised to the type (sign-extended for signed kinds, zero-extended for unsigned);
//! - `uint64`: `Value::Int(i64)` holding the 64-bit pattern (so values above `i64::MAX` are
//!   negative until `PRIMITIVE_BOX` turns them into a big Python int);
//! - `double`: `Value::Float(f64)`; `cbool`: `Value::Bool(bool)`.
//!
//! # Type codes ([`TypeCode`], Cinder's `TYPED_*` values)
//! `(size_bits << 1) | signed` for integers: `UINT8 0, INT8 1, UINT16 2, INT16 3, UINT32 4,
//! INT32 5, UINT64 6, INT64 7`; then `OBJECT 8, DOUBLE 9, SINGLE 10, CHAR 11, BOOL 12, VOID 13,
//! STRING 14, ERROR 15`; `ARRAY 0x80` is or-ed in for array element kinds.
//!
//! # Operands, opcode by opcode
//! "const" means the oparg indexes `co_consts`; the constant has the shape shown.
//! - `CHECK_ARGS` const `(idx, type_descr, idx, type_descr, ...)`: right after `RESUME` in
//!   a static function that checks anything; `idx` is the parameter's fast-local index
//!   (never negative: a parameter that is also a cell is not checked). A primitive
//!   parameter (`#` descr) is unboxed in place (`OverflowError: int overflow` when out of
//!   range). Failure raises `StaticTypeError`. Static-to-static calls (`INVOKE_*`) skip it.
//! - Construction of a top-level class with its own `__init__`: `TP_ALLOC cls; COPY 1;
//!   args; INVOKE_FUNCTION ((cls, "__init__"), n+1); POP_TOP`; other static classes are
//!   built with `PUSH_NULL; LOAD_CLASS cls; args; PRECALL n; CALL n`.
//! - `PRIMITIVE_UNARY_OP NOT_INT` also accepts a `cbool` and pushes a `cbool`.
//! - `INVOKE_FUNCTION` const `(func_descr, nargs)`: `arg1..argn -- result`, positional, with
//!   `nargs` counting every argument (the receiver too when a method is called directly).
//! - `INVOKE_METHOD` const `(func_descr, nargs)`: `self, arg1..argn -- result`; `nargs` does
//!   **not** count `self`; virtual dispatch on `type(self)` (3.8 shape, no
//!   `LOAD_METHOD_STATIC`).
//! - `LOAD_FIELD` const `(class_descr, field_name)`: `obj -- value`; `STORE_FIELD` same
//!   const: `value, obj --`. A primitive field pushes/accepts the primitive representation.
//! - `CAST`, `REFINE_TYPE`, `LOAD_CLASS`, `TP_ALLOC` const `type_descr`.
//! - `PRIMITIVE_LOAD_CONST` const `(value, type_code)`: `value` is the Python constant (int,
//!   float or bool), converted to the primitive representation at load time.
//! - `PRIMITIVE_BOX`, `PRIMITIVE_UNBOX`, `RETURN_PRIMITIVE`: oparg = type code.
//! - `PRIMITIVE_BINARY_OP` oparg a [`binop`] id; `PRIMITIVE_UNARY_OP` a [`unary`] id;
//!   `PRIMITIVE_COMPARE_OP` a [`compare`] id (result: `cbool`). As in Cinder the id alone:
//!   integer ops compute on the 64-bit representation (wrapping), and codegen follows an
//!   op on a narrower type that can leave its range (`+ - * << ~ neg`) with a
//!   `CONVERT_PRIMITIVE` from the type to itself, which wraps (so `int8` `100 + 100` is
//!   `-56`). Division or modulo by zero raises `ZeroDivisionError`.
//! - `CONVERT_PRIMITIVE` oparg `(to_code << 4) | from_code`.
//! - `POP_JUMP_IF_ZERO`/`POP_JUMP_IF_NONZERO` (and their backward forms): pop a primitive
//!   (int, float or cbool) and jump on zero/non-zero.
//! - `FAST_LEN` oparg a [`fast_len`] kind, `| INEXACT` when the receiver may be a
//!   subclass, or `ANY` (`0x1f`) when the checker does not know the kind: `obj -- int64`.
//! - `SEQUENCE_GET` oparg [`seq`] kind: `seq, idx -- item` (idx an `int64` primitive,
//!   negative wraps; an `Array` of primitives pushes a primitive); `SEQUENCE_SET`:
//!   `value, seq, idx --`.
//! - `BUILD_CHECKED_LIST` const `(type_descr, n)`: `item1..itemn -- list`;
//!   `BUILD_CHECKED_MAP` const `(type_descr, n)`: `k1, v1, ..., kn, vn -- dict`.
//! - `LOAD_TYPE` no operand: `obj -- type(obj)` (`type(x)` in a static module).
//! - `REFINE_TYPE`, `LOAD_LOCAL`/`STORE_LOCAL`, `INVOKE_NATIVE`, `LOAD_METHOD_STATIC`,
//!   `JUMP_IF_ZERO_OR_POP`/`JUMP_IF_NONZERO_OR_POP`: in the table, not emitted (primitive
//!   locals are fast locals; `and`/`or` over `cbool` use the ordinary jumps, a `cbool`
//!   being a `bool`).
//!
//! # Descriptors
//! - type descr: a tuple of strs `(module, *qualname_parts, [type_args], *markers)`: e.g.
//!   `("builtins", "int")`, `("m", "Outer", "C")`, `("__static__", "int64", "#")`.
//!   Markers, in this order and each at most once: `"#"` primitive, `"?"` optional (`None`
//!   accepted), `"!"` exact (no subclasses). A generic (checked container) carries its type
//!   arguments as one tuple of type descrs after the name: `("__static__", "chklist",
//!   (("builtins", "int"),), "!")`.
//! - func descr: `((module,), name)` for a module-level function, `(class_type_descr, name)`
//!   for a method (the container is told apart by its length: a module tuple has exactly
//!   one element, a class descr at least two).
//!
//! # Lowering choices (what codegen emits for the rest)
//! - `for i in crange(n)`: an ordinary `FOR_ITER` loop over the runtime's `crange` (a range
//!   iterator yields `Value::Int`, which *is* the `int64` representation): one dispatch per
//!   iteration, fewer than a compare/branch/increment sequence of primitive opcodes.
//! - `Final` globals of the module are inlined (`LOAD_CONST` of their folded value).
//! - A call of a top-level `@inline` function whose body is `return <expr>` over its
//!   parameters is compiled in place inside functions: arguments go to hidden fast locals
//!   named `param$inlineN`, then the expression.
//! - `super().m(...)` stays an ordinary call; calls with keywords or `*args` to static
//!   functions are ordinary calls too (the callee's `CHECK_ARGS` runs).
//!
//! # Static classes and modules (names codegen puts in namespaces)
//! - A static (top-level) class body defines, right after `__qualname__`,
//!   `__slot_types__`: a dict `{field: type_descr}` of its own typed instance fields
//!   (inherited ones are not repeated; a field with a class-level default is left out and
//!   stays a class attribute), and `__final_methods__`: a tuple of the names of its
//!   `@final` methods. `__slot_types__` marks the class static.
//! - A static module defines `__final_constants__` first: a tuple of the names of its
//!   `Final` globals (which codegen also inlines in the module). Its presence marks the
//!   module static (the runtime freezes it after import).

use super::code_object::Constant;

/// Cinder's `TYPED_*` codes: operands of the primitive opcodes.
pub mod type_code {
    pub const UINT8: u32 = 0;
    pub const INT8: u32 = 1;
    pub const UINT16: u32 = 2;
    pub const INT16: u32 = 3;
    pub const UINT32: u32 = 4;
    pub const INT32: u32 = 5;
    pub const UINT64: u32 = 6;
    pub const INT64: u32 = 7;
    pub const OBJECT: u32 = 8;
    pub const DOUBLE: u32 = 9;
    pub const SINGLE: u32 = 10;
    pub const CHAR: u32 = 11;
    pub const BOOL: u32 = 12;
    pub const VOID: u32 = 13;
    pub const STRING: u32 = 14;
    pub const ERROR: u32 = 15;
    pub const ARRAY: u32 = 0x80;

    /// The code of a `__static__` primitive by name (`int8`, `cbool`, `double`...).
    pub fn of_name(name: &str) -> Option<u32> {
        Some(match name {
            "uint8" => UINT8,
            "int8" => INT8,
            "uint16" => UINT16,
            "int16" => INT16,
            "uint32" => UINT32,
            "int32" => INT32,
            "uint64" | "size_t" => UINT64,
            "int64" | "ssize_t" => INT64,
            "double" => DOUBLE,
            "char" => CHAR,
            "cbool" => BOOL,
            _ => return None,
        })
    }

    /// The name of a primitive code (for `dis` and messages).
    pub fn name(code: u32) -> &'static str {
        match code {
            UINT8 => "uint8",
            INT8 => "int8",
            UINT16 => "uint16",
            INT16 => "int16",
            UINT32 => "uint32",
            INT32 => "int32",
            UINT64 => "uint64",
            INT64 => "int64",
            OBJECT => "object",
            DOUBLE => "double",
            SINGLE => "single",
            CHAR => "char",
            BOOL => "cbool",
            VOID => "void",
            STRING => "string",
            _ => "?",
        }
    }

    /// Whether the code is an integer kind (`uint8..int64`, `char`).
    pub fn is_integer(code: u32) -> bool {
        code <= INT64 || code == CHAR
    }

    /// Whether the code is a signed integer kind.
    pub fn is_signed(code: u32) -> bool {
        (code <= INT64 && code & 1 == 1) || code == CHAR
    }

    /// Width in bits of an integer kind (`char` is 8, `cbool` 8, others 64).
    pub fn bits(code: u32) -> u32 {
        match code {
            UINT8 | INT8 | CHAR | BOOL => 8,
            UINT16 | INT16 => 16,
            UINT32 | INT32 => 32,
            _ => 64,
        }
    }
}

/// `PRIMITIVE_BINARY_OP` operator ids.
pub mod binop {
    pub const ADD_INT: u32 = 0;
    pub const SUB_INT: u32 = 1;
    pub const MUL_INT: u32 = 2;
    pub const DIV_INT: u32 = 3;
    pub const DIV_UN_INT: u32 = 4;
    pub const MOD_INT: u32 = 5;
    pub const MOD_UN_INT: u32 = 6;
    pub const POW_INT: u32 = 7;
    pub const LSHIFT_INT: u32 = 8;
    pub const RSHIFT_INT: u32 = 9;
    pub const RSHIFT_UN_INT: u32 = 10;
    pub const XOR_INT: u32 = 11;
    pub const OR_INT: u32 = 12;
    pub const AND_INT: u32 = 13;
    pub const ADD_DBL: u32 = 14;
    pub const SUB_DBL: u32 = 15;
    pub const MUL_DBL: u32 = 16;
    pub const DIV_DBL: u32 = 17;
    pub const MOD_DBL: u32 = 18;
    pub const POW_DBL: u32 = 19;
    pub const POW_UN_INT: u32 = 20;

    pub const NAMES: [&str; 21] = [
        "ADD_INT",
        "SUB_INT",
        "MUL_INT",
        "DIV_INT",
        "DIV_UN_INT",
        "MOD_INT",
        "MOD_UN_INT",
        "POW_INT",
        "LSHIFT_INT",
        "RSHIFT_INT",
        "RSHIFT_UN_INT",
        "XOR_INT",
        "OR_INT",
        "AND_INT",
        "ADD_DBL",
        "SUB_DBL",
        "MUL_DBL",
        "DIV_DBL",
        "MOD_DBL",
        "POW_DBL",
        "POW_UN_INT",
    ];
}

/// `PRIMITIVE_UNARY_OP` operator ids.
pub mod unary {
    pub const NEG_INT: u32 = 0;
    pub const INV_INT: u32 = 1;
    pub const NEG_DBL: u32 = 2;
    pub const NOT_INT: u32 = 3;
    pub const NAMES: [&str; 4] = ["NEG_INT", "INV_INT", "NEG_DBL", "NOT_INT"];
}

/// `PRIMITIVE_COMPARE_OP` operator ids.
pub mod compare {
    pub const EQ_INT: u32 = 0;
    pub const NE_INT: u32 = 1;
    pub const LT_INT: u32 = 2;
    pub const LE_INT: u32 = 3;
    pub const GT_INT: u32 = 4;
    pub const GE_INT: u32 = 5;
    pub const LT_UN_INT: u32 = 6;
    pub const LE_UN_INT: u32 = 7;
    pub const GT_UN_INT: u32 = 8;
    pub const GE_UN_INT: u32 = 9;
    pub const EQ_DBL: u32 = 10;
    pub const NE_DBL: u32 = 11;
    pub const LT_DBL: u32 = 12;
    pub const LE_DBL: u32 = 13;
    pub const GT_DBL: u32 = 14;
    pub const GE_DBL: u32 = 15;
    pub const NAMES: [&str; 16] = [
        "EQ_INT",
        "NE_INT",
        "LT_INT",
        "LE_INT",
        "GT_INT",
        "GE_INT",
        "LT_UN_INT",
        "LE_UN_INT",
        "GT_UN_INT",
        "GE_UN_INT",
        "EQ_DBL",
        "NE_DBL",
        "LT_DBL",
        "LE_DBL",
        "GT_DBL",
        "GE_DBL",
    ];
}

/// The oparg of `CONVERT_PRIMITIVE`: `(to << 4) | from` (`from == to`: wrap to the type).
pub fn convert_oparg(from: u32, to: u32) -> u32 {
    (to << 4) | (from & 0xf)
}

/// Splits a `CONVERT_PRIMITIVE` oparg into `(from, to)`.
pub fn split_convert_oparg(oparg: u32) -> (u32, u32) {
    (oparg & 0xf, oparg >> 4)
}

/// `FAST_LEN` kinds.
pub mod fast_len {
    pub const LIST: u32 = 0;
    pub const DICT: u32 = 1;
    pub const SET: u32 = 2;
    pub const TUPLE: u32 = 3;
    pub const ARRAY: u32 = 4;
    pub const STR: u32 = 5;
    /// Or-ed in when the receiver may be a subclass of the kind.
    pub const INEXACT: u32 = 0x10;
    /// Ours: the receiver's kind is not known statically (any object with a length).
    pub const ANY: u32 = 0x1f;
}

/// `SEQUENCE_GET`/`SEQUENCE_SET`/`LIST_DEL` kinds.
pub mod seq {
    pub const LIST: u32 = 0;
    pub const TUPLE: u32 = 1;
    pub const LIST_INEXACT: u32 = 2;
    /// Or-ed in: the index is known to be in range and non-negative.
    pub const UNCHECKED: u32 = 8;
    pub const CHECKED_LIST: u32 = 0x100;
    /// An `Array[int64]`: `ARRAY | (INT64 << 4)`; other element codes likewise.
    pub const ARRAY_INT64: u32 = (super::type_code::INT64 << 4) | super::type_code::ARRAY;

    /// The kind of an `Array` of the primitive with `code`.
    pub fn array_of(code: u32) -> u32 {
        (code << 4) | super::type_code::ARRAY
    }
}

/// Markers in a type descriptor.
pub const PRIMITIVE_MARKER: &str = "#";
pub const OPTIONAL_MARKER: &str = "?";
pub const EXACT_MARKER: &str = "!";

/// A type descriptor (see the module docs for its constant form).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct TypeRef {
    pub module: String,
    /// The qualified name, split on `.` (`["Outer", "C"]`).
    pub path: Vec<String>,
    /// Type arguments of a generic (`CheckedList[int]`).
    pub args: Vec<TypeRef>,
    pub primitive: bool,
    pub optional: bool,
    pub exact: bool,
}

impl TypeRef {
    /// A plain class type `module.qualname`.
    pub fn class(module: &str, qualname: &str) -> TypeRef {
        TypeRef {
            module: module.to_string(),
            path: qualname.split('.').map(str::to_string).collect(),
            ..TypeRef::default()
        }
    }

    /// The type code of a primitive descriptor (`None` for other types).
    pub fn primitive_code(&self) -> Option<u32> {
        if !self.primitive || self.module != "__static__" {
            return None;
        }
        type_code::of_name(self.path.last()?)
    }

    /// `module.Outer.C` (markers not included).
    pub fn qualified_name(&self) -> String {
        let mut out = self.module.clone();
        for part in &self.path {
            out.push('.');
            out.push_str(part);
        }
        out
    }
}

/// The container of a function descriptor.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum FuncOwner {
    Module(String),
    Class(TypeRef),
}

/// A function or method descriptor.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FuncRef {
    pub owner: FuncOwner,
    pub name: String,
}

/// Why a constant is not a well-formed descriptor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DescrError(pub String);

impl std::fmt::Display for DescrError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "bad static descriptor: {}", self.0)
    }
}

impl std::error::Error for DescrError {}

fn bad<T>(what: &str) -> Result<T, DescrError> {
    Err(DescrError(what.to_string()))
}

fn s(text: &str) -> Constant {
    Constant::Str(text.to_string())
}

/// The constant form of a type descriptor.
pub fn encode_type(ty: &TypeRef) -> Constant {
    let mut items = vec![s(&ty.module)];
    items.extend(ty.path.iter().map(|p| s(p)));
    if !ty.args.is_empty() {
        items.push(Constant::Tuple(ty.args.iter().map(encode_type).collect()));
    }
    if ty.primitive {
        items.push(s(PRIMITIVE_MARKER));
    }
    if ty.optional {
        items.push(s(OPTIONAL_MARKER));
    }
    if ty.exact {
        items.push(s(EXACT_MARKER));
    }
    Constant::Tuple(items)
}

/// Reads a type descriptor constant.
pub fn decode_type(c: &Constant) -> Result<TypeRef, DescrError> {
    let Constant::Tuple(items) = c else {
        return bad("a type descriptor is a tuple");
    };
    let mut ty = TypeRef::default();
    let mut rest = items.as_slice();
    // Markers, from the end, in reverse order of writing.
    for (marker, flag) in [
        (EXACT_MARKER, 2usize),
        (OPTIONAL_MARKER, 1),
        (PRIMITIVE_MARKER, 0),
    ] {
        if let Some((Constant::Str(last), init)) = rest.split_last()
            && last == marker
        {
            match flag {
                0 => ty.primitive = true,
                1 => ty.optional = true,
                _ => ty.exact = true,
            }
            rest = init;
        }
    }
    if let Some((Constant::Tuple(args), init)) = rest.split_last() {
        ty.args = args.iter().map(decode_type).collect::<Result<_, _>>()?;
        rest = init;
    }
    let mut names = rest.iter().map(|item| match item {
        Constant::Str(text) => Ok(text.clone()),
        _ => bad("a type descriptor's names are strs"),
    });
    ty.module = match names.next() {
        Some(m) => m?,
        None => return bad("a type descriptor names a module"),
    };
    ty.path = names.collect::<Result<_, _>>()?;
    if ty.path.is_empty() {
        return bad("a type descriptor names a type");
    }
    Ok(ty)
}

/// The constant form of a function descriptor.
pub fn encode_func(f: &FuncRef) -> Constant {
    let owner = match &f.owner {
        FuncOwner::Module(m) => Constant::Tuple(vec![s(m)]),
        FuncOwner::Class(c) => encode_type(c),
    };
    Constant::Tuple(vec![owner, s(&f.name)])
}

/// Reads a function descriptor constant.
pub fn decode_func(c: &Constant) -> Result<FuncRef, DescrError> {
    let Constant::Tuple(items) = c else {
        return bad("a function descriptor is a tuple");
    };
    let [owner, Constant::Str(name)] = items.as_slice() else {
        return bad("a function descriptor is (owner, name)");
    };
    let owner = match owner {
        Constant::Tuple(parts) if parts.len() == 1 => match &parts[0] {
            Constant::Str(m) => FuncOwner::Module(m.clone()),
            _ => return bad("a module descriptor is (str,)"),
        },
        other => FuncOwner::Class(decode_type(other)?),
    };
    Ok(FuncRef {
        owner,
        name: name.clone(),
    })
}

/// `(descr, n)`: the operand of `INVOKE_*` and `BUILD_CHECKED_*`.
pub fn encode_counted(descr: Constant, n: usize) -> Constant {
    Constant::Tuple(vec![descr, Constant::Int(n as i64)])
}

/// Reads `(descr, n)`, returning the descriptor constant and the count.
pub fn decode_counted(c: &Constant) -> Result<(&Constant, usize), DescrError> {
    match c {
        Constant::Tuple(items) => match items.as_slice() {
            [descr, Constant::Int(n), ..] if *n >= 0 => Ok((descr, *n as usize)),
            _ => bad("expected (descriptor, count)"),
        },
        _ => bad("expected (descriptor, count)"),
    }
}

/// The operand of `LOAD_FIELD`/`STORE_FIELD`: `(class_descr, field_name)`.
pub fn encode_field(class: &TypeRef, field: &str) -> Constant {
    Constant::Tuple(vec![encode_type(class), s(field)])
}

/// Reads a field operand.
pub fn decode_field(c: &Constant) -> Result<(TypeRef, String), DescrError> {
    match c {
        Constant::Tuple(items) => match items.as_slice() {
            [class, Constant::Str(name)] => Ok((decode_type(class)?, name.clone())),
            _ => bad("a field descriptor is (class, name)"),
        },
        _ => bad("a field descriptor is (class, name)"),
    }
}

/// The operand of `CHECK_ARGS`: `(idx, descr, idx, descr, ...)`.
pub fn encode_arg_checks(checks: &[(i32, TypeRef)]) -> Constant {
    let mut items = Vec::with_capacity(checks.len() * 2);
    for (idx, ty) in checks {
        items.push(Constant::Int(i64::from(*idx)));
        items.push(encode_type(ty));
    }
    Constant::Tuple(items)
}

/// Reads a `CHECK_ARGS` operand.
pub fn decode_arg_checks(c: &Constant) -> Result<Vec<(i32, TypeRef)>, DescrError> {
    let Constant::Tuple(items) = c else {
        return bad("CHECK_ARGS takes a tuple");
    };
    if items.len() % 2 != 0 {
        return bad("CHECK_ARGS takes (idx, descr) pairs");
    }
    items
        .chunks(2)
        .map(|pair| match pair {
            [Constant::Int(idx), ty] => Ok((
                i32::try_from(*idx).map_err(|_| DescrError("index out of range".into()))?,
                decode_type(ty)?,
            )),
            _ => bad("CHECK_ARGS takes (idx, descr) pairs"),
        })
        .collect()
}

/// The operand of `PRIMITIVE_LOAD_CONST`: `(value, type_code)`.
pub fn encode_primitive_const(value: Constant, code: u32) -> Constant {
    Constant::Tuple(vec![value, Constant::Int(i64::from(code))])
}

/// Reads a `PRIMITIVE_LOAD_CONST` operand.
pub fn decode_primitive_const(c: &Constant) -> Result<(&Constant, u32), DescrError> {
    match c {
        Constant::Tuple(items) => match items.as_slice() {
            [value, Constant::Int(code)] if (0..=15).contains(code) => Ok((value, *code as u32)),
            _ => bad("PRIMITIVE_LOAD_CONST takes (value, type_code)"),
        },
        _ => bad("PRIMITIVE_LOAD_CONST takes (value, type_code)"),
    }
}

/// Wraps an integer to the representation of primitive `code` (see the module docs):
/// sign-extended for signed kinds, zero-extended for unsigned ones, the bit pattern for
/// `uint64`; `cbool` is 0 or 1.
pub fn wrap_int(value: i64, code: u32) -> i64 {
    match code {
        type_code::INT8 | type_code::CHAR => value as i8 as i64,
        type_code::UINT8 => value as u8 as i64,
        type_code::INT16 => value as i16 as i64,
        type_code::UINT16 => value as u16 as i64,
        type_code::INT32 => value as i32 as i64,
        type_code::UINT32 => value as u32 as i64,
        type_code::BOOL => i64::from(value != 0),
        _ => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int_ty() -> TypeRef {
        TypeRef::class("builtins", "int")
    }

    #[test]
    fn type_codes_match_cinder() {
        assert_eq!(type_code::of_name("int8"), Some(1));
        assert_eq!(type_code::of_name("uint64"), Some(6));
        assert_eq!(type_code::of_name("int64"), Some(7));
        assert_eq!(type_code::of_name("double"), Some(9));
        assert_eq!(type_code::of_name("char"), Some(11));
        assert_eq!(type_code::of_name("cbool"), Some(12));
        assert_eq!(type_code::of_name("str"), None);
        for code in 0..=7 {
            assert_eq!(type_code::is_signed(code), code % 2 == 1);
            assert_eq!(type_code::of_name(type_code::name(code)), Some(code));
        }
        assert_eq!(seq::ARRAY_INT64, 0xf0);
        assert_eq!(seq::array_of(type_code::INT64), seq::ARRAY_INT64);
    }

    #[test]
    fn type_descriptors_round_trip() {
        let prim = TypeRef {
            module: "__static__".into(),
            path: vec!["int64".into()],
            primitive: true,
            ..TypeRef::default()
        };
        assert_eq!(
            encode_type(&prim),
            Constant::Tuple(vec![s("__static__"), s("int64"), s("#")])
        );
        assert_eq!(prim.primitive_code(), Some(type_code::INT64));
        let nested = TypeRef {
            optional: true,
            exact: true,
            ..TypeRef::class("m", "Outer.C")
        };
        assert_eq!(
            encode_type(&nested),
            Constant::Tuple(vec![s("m"), s("Outer"), s("C"), s("?"), s("!")])
        );
        let generic = TypeRef {
            args: vec![int_ty(), TypeRef::class("builtins", "str")],
            exact: true,
            ..TypeRef::class("__static__", "chkdict")
        };
        for ty in [prim, nested, generic, int_ty()] {
            assert_eq!(decode_type(&encode_type(&ty)), Ok(ty.clone()));
        }
    }

    #[test]
    fn function_descriptors_round_trip() {
        let f = FuncRef {
            owner: FuncOwner::Module("mod".into()),
            name: "f".into(),
        };
        assert_eq!(
            encode_func(&f),
            Constant::Tuple(vec![Constant::Tuple(vec![s("mod")]), s("f")])
        );
        let m = FuncRef {
            owner: FuncOwner::Class(TypeRef::class("mod", "C")),
            name: "g".into(),
        };
        for f in [f, m] {
            let counted = encode_counted(encode_func(&f), 2);
            let (descr, n) = decode_counted(&counted).unwrap();
            assert_eq!(n, 2);
            assert_eq!(decode_func(descr), Ok(f));
        }
    }

    #[test]
    fn other_operands_round_trip() {
        let checks = vec![(0, int_ty()), (2, TypeRef::class("m", "C"))];
        assert_eq!(decode_arg_checks(&encode_arg_checks(&checks)), Ok(checks));
        let field = encode_field(&TypeRef::class("m", "C"), "x");
        assert_eq!(
            decode_field(&field),
            Ok((TypeRef::class("m", "C"), "x".to_string()))
        );
        let c = encode_primitive_const(Constant::Int(5), type_code::INT8);
        assert_eq!(
            decode_primitive_const(&c),
            Ok((&Constant::Int(5), type_code::INT8))
        );
        assert_eq!(split_convert_oparg(convert_oparg(1, 7)), (1, 7));
    }

    #[test]
    fn malformed_descriptors_are_errors() {
        for c in [
            Constant::Int(1),
            Constant::Tuple(vec![]),
            Constant::Tuple(vec![s("m")]),
            Constant::Tuple(vec![s("m"), Constant::Int(3)]),
        ] {
            assert!(decode_type(&c).is_err(), "{c:?}");
        }
        assert!(decode_func(&Constant::Tuple(vec![s("f")])).is_err());
        assert!(decode_arg_checks(&Constant::Tuple(vec![Constant::Int(0)])).is_err());
        assert!(decode_counted(&Constant::Tuple(vec![s("x"), Constant::Int(-1)])).is_err());
    }

    #[test]
    fn wrapping_follows_the_width() {
        assert_eq!(wrap_int(200, type_code::INT8), -56);
        assert_eq!(wrap_int(400, type_code::UINT8), 144);
        assert_eq!(wrap_int(-1, type_code::UINT32), 0xffff_ffff);
        assert_eq!(wrap_int(-1, type_code::UINT64), -1);
        assert_eq!(wrap_int(7, type_code::BOOL), 1);
    }
}
