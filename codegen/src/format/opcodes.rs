//! The instruction set: CPython 3.11's opcodes plus Cinder's static opcodes, in ONE table.
//!
//! Input: nothing. Output: [`Opcode`] (a `u8`-backed enum), and for each opcode an [`OpInfo`]
//! row: name, number, number of inline `CACHE` code units that follow it, stack effect (with
//! separate jump/fall-through values for branches), operand kind and flags. The encoder, the
//! disassembler, the verifier and the runtime's dispatch all read this table; no opcode
//! number is written anywhere else.
//!
//! The CPython rows follow `Lib/opcode.py` and the stack effects of `Python/compile.c`
//! (`stack_effect`) of 3.11; a test compares every row with the `dis`/`opcode` modules of
//! the machine's `python3`. The static rows (flag [`STATIC`]) sit at numbers that 3.11 leaves
//! unused; a code object that contains one is only ever written under our own `.pyc` magic.

/// What an instruction's argument means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operand {
    /// No argument (the oparg is ignored and written as 0).
    None,
    /// An index into `co_consts`.
    Const,
    /// An index into `co_names`.
    Name,
    /// `LOAD_GLOBAL`: `(name index << 1) | push_null`.
    GlobalName,
    /// An index into the fast locals (`co_localsplusnames`).
    Local,
    /// An index into `co_localsplusnames` naming a cell or free variable.
    Free,
    /// A jump target, relative to the next instruction, forwards.
    JumpForward,
    /// A jump target, relative to the next instruction, backwards.
    JumpBackward,
    /// A comparison: index into `dis.cmp_op`.
    Compare,
    /// A binary operator: index into `dis._nb_ops`.
    BinaryOp,
    /// `IS_OP`/`CONTAINS_OP`: 1 inverts the test.
    Invert,
    /// A count of stack items (build, unpack, call arguments).
    Count,
    /// `UNPACK_EX`: `before | (after << 8)`.
    UnpackEx,
    /// `FORMAT_VALUE`: conversion in the low bits, 4 = a format spec is on the stack.
    FormatValue,
    /// `MAKE_FUNCTION`: which optional parts are on the stack.
    MakeFunction,
    /// `RAISE_VARARGS`: 0, 1 or 2 items.
    RaiseForm,
    /// `RESUME`: 0 at the start, 1 after yield, 2 after yield from, 3 after await.
    Resume,
    /// `GET_AWAITABLE`: where the await is (0 plain, 1 `__aenter__`, 2 `__aexit__`).
    AwaitWhere,
    /// A stack position (`COPY`, `SWAP`, `LIST_APPEND` ...), 1-based from the top.
    StackIndex,
    /// Any other small integer (`BUILD_SLICE`, `RERAISE`, `CALL_FUNCTION_EX`, `COPY_FREE_VARS`...).
    Raw,
    /// Static: an index into `co_consts` naming a descriptor tuple.
    Descriptor,
    /// Static: a primitive type code.
    PrimitiveType,
    /// Static: an operator id of `PRIMITIVE_BINARY_OP`, `PRIMITIVE_UNARY_OP` or `PRIMITIVE_COMPARE_OP`.
    PrimitiveOp,
}

/// How an instruction changes the depth of the value stack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StackEffect {
    /// The same on every path.
    Fixed(i8),
    /// A branch or exception-setup: `taken` when it jumps, `fallthrough` otherwise.
    Branch { taken: i8, fallthrough: i8 },
    /// A function of the oparg.
    Formula(Formula),
    /// A function of a count stored in the instruction's descriptor constant (static calls,
    /// checked containers): `base + per_item * count`.
    Descriptor { base: i8, per_item: i8 },
}

/// The stack effects that depend on the oparg.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Formula {
    /// `1 - oparg` (`BUILD_TUPLE`, `BUILD_LIST`, `BUILD_SET`, `BUILD_STRING`).
    OneMinusArg,
    /// `1 - 2 * oparg` (`BUILD_MAP`).
    OneMinusTwiceArg,
    /// `-oparg` (`BUILD_CONST_KEY_MAP`, `RAISE_VARARGS`, `PRECALL`).
    MinusArg,
    /// `oparg - 1` (`UNPACK_SEQUENCE`).
    ArgMinusOne,
    /// `(oparg & 0xff) + (oparg >> 8)` (`UNPACK_EX`).
    UnpackEx,
    /// `1 + (oparg & 1)` (`LOAD_GLOBAL`).
    LoadGlobal,
    /// `-popcount(oparg & 0xf)` (`MAKE_FUNCTION`).
    MakeFunction,
    /// `-2` when oparg is 3, else `-1` (`BUILD_SLICE`).
    BuildSlice,
    /// `-1` when a format spec is on the stack, else `0` (`FORMAT_VALUE`).
    FormatValue,
    /// `-2 - (oparg & 1)` (`CALL_FUNCTION_EX`).
    CallFunctionEx,
    /// `-1` for oparg 2 (`LOAD_MAPPING_ARG` without default), `-2` for oparg 3.
    LoadMappingArg,
}

/// Flag: the opcode is one of Cinder's static opcodes (not CPython's).
pub const STATIC: u8 = 1;
/// Flag: control never falls through to the next instruction.
pub const NO_FALLTHROUGH: u8 = 2;
/// Flag: a jump that always jumps.
pub const UNCONDITIONAL: u8 = 4;
/// Flag: leaves the frame (return, raise, reraise).
pub const EXITS: u8 = 8;

/// One row of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpInfo {
    pub opcode: Opcode,
    pub name: &'static str,
    pub number: u8,
    /// Number of `CACHE` code units that follow the instruction.
    pub caches: u8,
    pub effect: StackEffect,
    pub operand: Operand,
    pub flags: u8,
}

impl OpInfo {
    pub fn is_static(&self) -> bool {
        self.flags & STATIC != 0
    }
    pub fn is_jump(&self) -> bool {
        matches!(self.operand, Operand::JumpForward | Operand::JumpBackward)
    }
    pub fn falls_through(&self) -> bool {
        self.flags & NO_FALLTHROUGH == 0
    }
    /// Whether the oparg is meaningful (CPython's `HAVE_ARGUMENT` split, and static ops with an operand).
    pub fn has_arg(&self) -> bool {
        self.operand != Operand::None
    }
}

macro_rules! opcode_table {
    ($( $name:ident = $num:literal, $caches:literal, $operand:ident, $effect:expr, $flags:expr; )*) => {
        /// Every opcode, CPython 3.11's and the static ones.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        #[allow(non_camel_case_types)]
        pub enum Opcode { $( $name = $num, )* }

        /// The table, in number order.
        pub static OPCODES: &[OpInfo] = &[
            $( OpInfo {
                opcode: Opcode::$name,
                name: stringify!($name),
                number: $num,
                caches: $caches,
                effect: $effect,
                operand: Operand::$operand,
                flags: $flags,
            }, )*
        ];

        impl Opcode {
            /// The opcode numbered `byte`, if there is one.
            pub fn from_u8(byte: u8) -> Option<Opcode> {
                match byte {
                    $( $num => Some(Opcode::$name), )*
                    _ => None,
                }
            }

            /// The opcode named `name` (as `dis` prints it).
            pub fn from_name(name: &str) -> Option<Opcode> {
                match name {
                    $( stringify!($name) => Some(Opcode::$name), )*
                    _ => None,
                }
            }

            /// This opcode's row of the table.
            pub fn info(self) -> &'static OpInfo {
                match self {
                    $( Opcode::$name => {
                        const INFO: OpInfo = OpInfo {
                            opcode: Opcode::$name,
                            name: stringify!($name),
                            number: $num,
                            caches: $caches,
                            effect: $effect,
                            operand: Operand::$operand,
                            flags: $flags,
                        };
                        &INFO
                    } )*
                }
            }
        }
    };
}

use Formula as F;
use StackEffect::{Branch, Descriptor, Fixed};

const fn formula(f: Formula) -> StackEffect {
    StackEffect::Formula(f)
}
const fn branch(taken: i8, fallthrough: i8) -> StackEffect {
    Branch { taken, fallthrough }
}
const JUMP: u8 = NO_FALLTHROUGH | UNCONDITIONAL;
const EXIT: u8 = NO_FALLTHROUGH | EXITS;
const S: u8 = STATIC;

opcode_table! {
    CACHE = 0, 0, None, Fixed(0), 0;
    POP_TOP = 1, 0, None, Fixed(-1), 0;
    PUSH_NULL = 2, 0, None, Fixed(1), 0;
    NOP = 9, 0, None, Fixed(0), 0;
    UNARY_POSITIVE = 10, 0, None, Fixed(0), 0;
    UNARY_NEGATIVE = 11, 0, None, Fixed(0), 0;
    UNARY_NOT = 12, 0, None, Fixed(0), 0;
    UNARY_INVERT = 15, 0, None, Fixed(0), 0;
    BINARY_SUBSCR = 25, 4, None, Fixed(-1), 0;
    GET_LEN = 30, 0, None, Fixed(1), 0;
    MATCH_MAPPING = 31, 0, None, Fixed(1), 0;
    MATCH_SEQUENCE = 32, 0, None, Fixed(1), 0;
    MATCH_KEYS = 33, 0, None, Fixed(1), 0;
    PUSH_EXC_INFO = 35, 0, None, Fixed(1), 0;
    CHECK_EXC_MATCH = 36, 0, None, Fixed(0), 0;
    CHECK_EG_MATCH = 37, 0, None, Fixed(0), 0;
    WITH_EXCEPT_START = 49, 0, None, Fixed(1), 0;
    GET_AITER = 50, 0, None, Fixed(0), 0;
    GET_ANEXT = 51, 0, None, Fixed(1), 0;
    BEFORE_ASYNC_WITH = 52, 0, None, Fixed(1), 0;
    BEFORE_WITH = 53, 0, None, Fixed(1), 0;
    END_ASYNC_FOR = 54, 0, None, Fixed(-2), 0;
    STORE_SUBSCR = 60, 1, None, Fixed(-3), 0;
    DELETE_SUBSCR = 61, 0, None, Fixed(-2), 0;
    GET_ITER = 68, 0, None, Fixed(0), 0;
    GET_YIELD_FROM_ITER = 69, 0, None, Fixed(0), 0;
    PRINT_EXPR = 70, 0, None, Fixed(-1), 0;
    LOAD_BUILD_CLASS = 71, 0, None, Fixed(1), 0;
    LOAD_ASSERTION_ERROR = 74, 0, None, Fixed(1), 0;
    RETURN_GENERATOR = 75, 0, None, Fixed(0), 0;
    LIST_TO_TUPLE = 82, 0, None, Fixed(0), 0;
    RETURN_VALUE = 83, 0, None, Fixed(-1), EXIT;
    IMPORT_STAR = 84, 0, None, Fixed(-1), 0;
    SETUP_ANNOTATIONS = 85, 0, None, Fixed(0), 0;
    YIELD_VALUE = 86, 0, None, Fixed(0), 0;
    ASYNC_GEN_WRAP = 87, 0, None, Fixed(0), 0;
    PREP_RERAISE_STAR = 88, 0, None, Fixed(-1), 0;
    POP_EXCEPT = 89, 0, None, Fixed(-1), 0;
    STORE_NAME = 90, 0, Name, Fixed(-1), 0;
    DELETE_NAME = 91, 0, Name, Fixed(0), 0;
    UNPACK_SEQUENCE = 92, 1, Count, formula(F::ArgMinusOne), 0;
    FOR_ITER = 93, 0, JumpForward, branch(-1, 1), 0;
    UNPACK_EX = 94, 0, UnpackEx, formula(F::UnpackEx), 0;
    STORE_ATTR = 95, 4, Name, Fixed(-2), 0;
    DELETE_ATTR = 96, 0, Name, Fixed(-1), 0;
    STORE_GLOBAL = 97, 0, Name, Fixed(-1), 0;
    DELETE_GLOBAL = 98, 0, Name, Fixed(0), 0;
    SWAP = 99, 0, StackIndex, Fixed(0), 0;
    LOAD_CONST = 100, 0, Const, Fixed(1), 0;
    LOAD_NAME = 101, 0, Name, Fixed(1), 0;
    BUILD_TUPLE = 102, 0, Count, formula(F::OneMinusArg), 0;
    BUILD_LIST = 103, 0, Count, formula(F::OneMinusArg), 0;
    BUILD_SET = 104, 0, Count, formula(F::OneMinusArg), 0;
    BUILD_MAP = 105, 0, Count, formula(F::OneMinusTwiceArg), 0;
    LOAD_ATTR = 106, 4, Name, Fixed(0), 0;
    COMPARE_OP = 107, 2, Compare, Fixed(-1), 0;
    IMPORT_NAME = 108, 0, Name, Fixed(-1), 0;
    IMPORT_FROM = 109, 0, Name, Fixed(1), 0;
    JUMP_FORWARD = 110, 0, JumpForward, Fixed(0), JUMP;
    JUMP_IF_FALSE_OR_POP = 111, 0, JumpForward, branch(0, -1), 0;
    JUMP_IF_TRUE_OR_POP = 112, 0, JumpForward, branch(0, -1), 0;
    POP_JUMP_FORWARD_IF_FALSE = 114, 0, JumpForward, Fixed(-1), 0;
    POP_JUMP_FORWARD_IF_TRUE = 115, 0, JumpForward, Fixed(-1), 0;
    LOAD_GLOBAL = 116, 5, GlobalName, formula(F::LoadGlobal), 0;
    IS_OP = 117, 0, Invert, Fixed(-1), 0;
    CONTAINS_OP = 118, 0, Invert, Fixed(-1), 0;
    RERAISE = 119, 0, Raw, Fixed(-1), EXIT;
    COPY = 120, 0, StackIndex, Fixed(1), 0;
    BINARY_OP = 122, 1, BinaryOp, Fixed(-1), 0;
    SEND = 123, 0, JumpForward, branch(-1, 0), 0;
    LOAD_FAST = 124, 0, Local, Fixed(1), 0;
    STORE_FAST = 125, 0, Local, Fixed(-1), 0;
    DELETE_FAST = 126, 0, Local, Fixed(0), 0;
    POP_JUMP_FORWARD_IF_NOT_NONE = 128, 0, JumpForward, Fixed(-1), 0;
    POP_JUMP_FORWARD_IF_NONE = 129, 0, JumpForward, Fixed(-1), 0;
    RAISE_VARARGS = 130, 0, RaiseForm, formula(F::MinusArg), EXIT;
    GET_AWAITABLE = 131, 0, AwaitWhere, Fixed(0), 0;
    MAKE_FUNCTION = 132, 0, MakeFunction, formula(F::MakeFunction), 0;
    BUILD_SLICE = 133, 0, Raw, formula(F::BuildSlice), 0;
    JUMP_BACKWARD_NO_INTERRUPT = 134, 0, JumpBackward, Fixed(0), JUMP;
    MAKE_CELL = 135, 0, Free, Fixed(0), 0;
    LOAD_CLOSURE = 136, 0, Free, Fixed(1), 0;
    LOAD_DEREF = 137, 0, Free, Fixed(1), 0;
    STORE_DEREF = 138, 0, Free, Fixed(-1), 0;
    DELETE_DEREF = 139, 0, Free, Fixed(0), 0;
    JUMP_BACKWARD = 140, 0, JumpBackward, Fixed(0), JUMP;
    CALL_FUNCTION_EX = 142, 0, Raw, formula(F::CallFunctionEx), 0;
    EXTENDED_ARG = 144, 0, Raw, Fixed(0), 0;
    LIST_APPEND = 145, 0, StackIndex, Fixed(-1), 0;
    SET_ADD = 146, 0, StackIndex, Fixed(-1), 0;
    MAP_ADD = 147, 0, StackIndex, Fixed(-2), 0;
    LOAD_CLASSDEREF = 148, 0, Free, Fixed(1), 0;
    COPY_FREE_VARS = 149, 0, Raw, Fixed(0), 0;
    RESUME = 151, 0, Resume, Fixed(0), 0;
    MATCH_CLASS = 152, 0, Count, Fixed(-2), 0;
    FORMAT_VALUE = 155, 0, FormatValue, formula(F::FormatValue), 0;
    BUILD_CONST_KEY_MAP = 156, 0, Count, formula(F::MinusArg), 0;
    BUILD_STRING = 157, 0, Count, formula(F::OneMinusArg), 0;
    INVOKE_METHOD = 158, 0, Descriptor, Descriptor { base: 0, per_item: -1 }, S;
    LOAD_FIELD = 159, 0, Descriptor, Fixed(0), S;
    LOAD_METHOD = 160, 10, Name, Fixed(1), 0;
    STORE_FIELD = 161, 0, Descriptor, Fixed(-2), S;
    LIST_EXTEND = 162, 0, StackIndex, Fixed(-1), 0;
    SET_UPDATE = 163, 0, StackIndex, Fixed(-1), 0;
    DICT_MERGE = 164, 0, StackIndex, Fixed(-1), 0;
    DICT_UPDATE = 165, 0, StackIndex, Fixed(-1), 0;
    PRECALL = 166, 1, Count, formula(F::MinusArg), 0;
    BUILD_CHECKED_LIST = 168, 0, Descriptor, Descriptor { base: 1, per_item: -1 }, S;
    LOAD_TYPE = 169, 0, None, Fixed(0), S;
    CAST = 170, 0, Descriptor, Fixed(0), S;
    CALL = 171, 4, Count, Fixed(-1), 0;
    KW_NAMES = 172, 0, Const, Fixed(0), 0;
    POP_JUMP_BACKWARD_IF_NOT_NONE = 173, 0, JumpBackward, Fixed(-1), 0;
    POP_JUMP_BACKWARD_IF_NONE = 174, 0, JumpBackward, Fixed(-1), 0;
    POP_JUMP_BACKWARD_IF_FALSE = 175, 0, JumpBackward, Fixed(-1), 0;
    POP_JUMP_BACKWARD_IF_TRUE = 176, 0, JumpBackward, Fixed(-1), 0;
    PRIMITIVE_UNBOX = 177, 0, PrimitiveType, Fixed(0), S;
    PRIMITIVE_BINARY_OP = 178, 0, PrimitiveOp, Fixed(-1), S;
    PRIMITIVE_UNARY_OP = 179, 0, PrimitiveOp, Fixed(0), S;
    PRIMITIVE_COMPARE_OP = 180, 0, PrimitiveOp, Fixed(-1), S;
    LOAD_ITERABLE_ARG = 181, 0, Raw, Fixed(1), S;
    LOAD_MAPPING_ARG = 182, 0, Raw, formula(F::LoadMappingArg), S;
    INVOKE_FUNCTION = 183, 0, Descriptor, Descriptor { base: 1, per_item: -1 }, S;
    JUMP_IF_ZERO_OR_POP = 184, 0, JumpForward, branch(0, -1), S;
    JUMP_IF_NONZERO_OR_POP = 185, 0, JumpForward, branch(0, -1), S;
    FAST_LEN = 186, 0, Raw, Fixed(0), S;
    CONVERT_PRIMITIVE = 187, 0, Raw, Fixed(0), S;
    CHECK_ARGS = 188, 0, Descriptor, Fixed(0), S;
    INVOKE_NATIVE = 189, 0, Descriptor, Descriptor { base: 2, per_item: -1 }, S;
    LOAD_CLASS = 190, 0, Descriptor, Fixed(1), S;
    BUILD_CHECKED_MAP = 191, 0, Descriptor, Descriptor { base: 1, per_item: -2 }, S;
    SEQUENCE_GET = 192, 0, Raw, Fixed(-1), S;
    SEQUENCE_SET = 193, 0, Raw, Fixed(-3), S;
    LIST_DEL = 194, 0, Raw, Fixed(-2), S;
    REFINE_TYPE = 195, 0, Descriptor, Fixed(0), S;
    PRIMITIVE_LOAD_CONST = 196, 0, Descriptor, Fixed(1), S;
    RETURN_PRIMITIVE = 197, 0, PrimitiveType, Fixed(-1), S | EXIT;
    TP_ALLOC = 200, 0, Descriptor, Fixed(1), S;
    LOAD_LOCAL = 201, 0, Descriptor, Fixed(1), S;
    STORE_LOCAL = 202, 0, Descriptor, Fixed(-1), S;
    PRIMITIVE_BOX = 203, 0, PrimitiveType, Fixed(0), S;
    POP_JUMP_IF_ZERO = 204, 0, JumpForward, Fixed(-1), S;
    POP_JUMP_IF_NONZERO = 205, 0, JumpForward, Fixed(-1), S;
    POP_JUMP_BACKWARD_IF_ZERO = 206, 0, JumpBackward, Fixed(-1), S;
    POP_JUMP_BACKWARD_IF_NONZERO = 207, 0, JumpBackward, Fixed(-1), S;
    LOAD_METHOD_STATIC = 208, 0, Descriptor, Fixed(1), S;
    SEQUENCE_REPEAT = 209, 0, Raw, Fixed(-1), S;
}

impl Opcode {
    pub fn name(self) -> &'static str {
        self.info().name
    }
    pub fn number(self) -> u8 {
        self as u8
    }
    pub fn caches(self) -> u8 {
        self.info().caches
    }

    /// The stack effect of this instruction with argument `oparg`, on the jump path when
    /// `jump` is true. `descriptor_count` is the count carried by a static descriptor
    /// (arguments of an `INVOKE_*`, items of a checked container), 0 for other opcodes.
    pub fn stack_effect(self, oparg: u32, jump: bool, descriptor_count: u32) -> i32 {
        let arg = oparg as i64;
        let value: i64 = match self.info().effect {
            StackEffect::Fixed(n) => n as i64,
            StackEffect::Branch { taken, fallthrough } => {
                if jump {
                    taken as i64
                } else {
                    fallthrough as i64
                }
            }
            StackEffect::Descriptor { base, per_item } => {
                base as i64 + per_item as i64 * descriptor_count as i64
            }
            StackEffect::Formula(f) => match f {
                F::OneMinusArg => 1 - arg,
                F::OneMinusTwiceArg => 1 - 2 * arg,
                F::MinusArg => -arg,
                F::ArgMinusOne => arg - 1,
                F::UnpackEx => (arg & 0xff) + (arg >> 8),
                F::LoadGlobal => 1 + (arg & 1),
                F::MakeFunction => -((oparg & 0xf).count_ones() as i64),
                F::BuildSlice => {
                    if oparg == 3 {
                        -2
                    } else {
                        -1
                    }
                }
                F::FormatValue => {
                    if oparg & 0x4 != 0 {
                        -1
                    } else {
                        0
                    }
                }
                F::CallFunctionEx => -2 - (arg & 1),
                F::LoadMappingArg => {
                    if oparg == 3 {
                        -2
                    } else {
                        -1
                    }
                }
            },
        };
        value.clamp(i32::MIN as i64, i32::MAX as i64) as i32
    }
}

/// Names of the comparison operators, indexed by `COMPARE_OP`'s oparg (`dis.cmp_op`).
pub const COMPARE_OPS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// Names of the binary operators, indexed by `BINARY_OP`'s oparg (`dis._nb_ops`); 13 and up
/// are the in-place forms.
pub const BINARY_OPS: [&str; 26] = [
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^", "+=", "&=", "//=", "<<=",
    "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
];

#[cfg(test)]
mod tests;
