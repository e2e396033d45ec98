//! The registry: every diagnostic code is declared here, once, with its default severity,
//! a one-line summary and an example that triggers it.

use super::Severity;

/// What is declared about one code.
#[derive(Debug)]
pub struct CodeInfo {
    pub name: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    pub example: &'static str,
}

/// A diagnostic code: a reference to its entry in the registry. Compared by name.
#[derive(Clone, Copy, Debug)]
pub struct Code(&'static CodeInfo);

impl Code {
    pub fn name(self) -> &'static str {
        self.0.name
    }
    pub fn default_severity(self) -> Severity {
        self.0.severity
    }
    pub fn summary(self) -> &'static str {
        self.0.summary
    }
    pub fn example(self) -> &'static str {
        self.0.example
    }
    /// Looks a code up by name (configuration, `# type: ignore[code]`).
    pub fn from_name(name: &str) -> Option<Code> {
        ALL.iter().copied().find(|c| c.name() == name)
    }
}

impl PartialEq for Code {
    fn eq(&self, other: &Self) -> bool {
        self.0.name == other.0.name
    }
}
impl Eq for Code {}
impl std::hash::Hash for Code {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.name.hash(state);
    }
}

macro_rules! declare_codes {
    ($($(#[$doc:meta])* $ident:ident = $name:literal, $severity:ident, $summary:literal, $example:literal;)*) => {
        $(
            $(#[$doc])*
            pub const $ident: Code = Code(&CodeInfo {
                name: $name,
                severity: Severity::$severity,
                summary: $summary,
                example: $example,
            });
        )*
        /// Every declared code, in declaration order.
        pub const ALL: &[Code] = &[$($ident),*];
    };
}

declare_codes! {
    // ---- general -------------------------------------------------------------------
    SYNTAX_ERROR = "syntax-error", Error, "the file is not valid Python 3.11", "def f(:\n";
    INTERNAL_ERROR = "internal-error", Error, "the checker failed on this file (a bug in cinder)", "";
    IO_ERROR = "io-error", Error, "the file could not be read (the message says why)", "";
    INVALID_ENCODING = "invalid-encoding", Error, "the file is not valid UTF-8 (cinder reads UTF-8, and Latin-1 when a `coding` line declares it)", "";

    // ---- plain checking (PEP 484) ----------------------------------------------------
    REVEAL_TYPE = "revealed-type", Warning, "`reveal_type(expr)` reports the inferred type", "reveal_type(1)\n";
    BAD_ARGUMENT_TYPE = "bad-argument-type", Error, "an argument's type is not assignable to its parameter", "def f(x: int) -> None: ...\nf(\"a\")\n";
    MISSING_ARGUMENT = "missing-argument", Error, "a required parameter gets no argument", "def f(x: int) -> None: ...\nf()\n";
    TOO_MANY_POSITIONAL = "too-many-positional-arguments", Error, "more positional arguments than parameters", "def f() -> None: ...\nf(1)\n";
    UNKNOWN_ARGUMENT = "unknown-argument", Error, "a keyword argument names no parameter", "def f() -> None: ...\nf(x=1)\n";
    PARAMETER_ALREADY_ASSIGNED = "parameter-already-assigned", Error, "a parameter gets two arguments", "def f(x: int) -> None: ...\nf(1, x=2)\n";
    NO_MATCHING_OVERLOAD = "no-matching-overload", Error, "no overload accepts the arguments", "";
    BAD_RETURN_TYPE = "bad-return-type", Error, "a returned value's type is not assignable to the declared return type", "def f() -> int:\n    return \"a\"\n";
    MISSING_RETURN = "missing-return", Error, "a function with a declared return type can end without returning", "def f(x: bool) -> int:\n    if x:\n        return 1\n";
    BAD_ASSIGNMENT = "bad-assignment", Error, "an assigned value's type is not assignable to the declared type", "x: int = \"a\"\n";
    MISSING_ATTRIBUTE = "missing-attribute", Error, "the type has no such attribute", "(1).foo\n";
    OPTIONAL_MEMBER_ACCESS = "optional-member-access", Error, "an attribute of a value that may be `None`", "def f(x: str | None) -> None:\n    x.upper()\n";
    UNRESOLVED_NAME = "unresolved-name", Error, "a name that is not defined", "print(undefined)\n";
    POSSIBLY_UNBOUND = "possibly-unbound", Warning, "a local that may be unassigned on some path", "def f(c: bool) -> None:\n    if c:\n        x = 1\n    print(x)\n";
    UNBOUND_LOCAL = "unbound-local", Error, "a local read before any assignment", "def f() -> None:\n    print(x)\n    x = 1\n";
    UNRESOLVED_IMPORT = "unresolved-import", Error, "an import that resolves to no module or member", "import does_not_exist\n";
    BAD_OVERRIDE = "bad-override", Error, "a method override incompatible with the base class method", "";
    NOT_CALLABLE = "not-callable", Error, "calling a value that is not callable", "1()\n";
    NOT_ITERABLE = "not-iterable", Error, "iterating over a value that is not iterable", "for x in 1: ...\n";
    NOT_SUBSCRIPTABLE = "not-subscriptable", Error, "subscripting a value that does not support it", "(1)[0]\n";
    UNSUPPORTED_OPERATOR = "unsupported-operator", Error, "an operator that the operand types do not support", "1 + \"a\"\n";
    INVALID_ANNOTATION = "invalid-annotation", Error, "an annotation that is not a valid type", "x: 1 = 1\n";
    BAD_CONTEXT_MANAGER = "bad-context-manager", Error, "a `with` target without `__enter__`/`__exit__`", "with 1: ...\n";
    INVALID_KEY = "invalid-key", Error, "a key that the TypedDict does not declare", "from typing import TypedDict\nclass M(TypedDict):\n    a: int\nm: M = {\"a\": 1, \"b\": 2}\n";
    MISSING_TYPED_DICT_KEY = "missing-typed-dict-key", Error, "a TypedDict value without one of its required keys", "from typing import TypedDict\nclass M(TypedDict):\n    a: int\nm: M = {}\n";
    FINAL_REASSIGNED = "final-reassigned", Error, "assigning to a `Final` name or attribute again", "from typing import Final\nX: Final = 1\nX = 2\n";

    // ---- Static Python -------------------------------------------------------------
    STATIC_MARKER = "static-marker", Error, "`import __static__` must be the first statement (after a docstring and `from __future__` imports), alone and not aliased", "import os\nimport __static__\n";
    STATIC_IMPORT = "static-import", Error, "`from __static__ import *`, or a name `__static__` does not export (message 36)", "import __static__\nfrom __static__ import *\n";
    STATIC_TYPE_MISMATCH = "static-type-mismatch", Error, "a value's type cannot be assigned to the declared type (message 1)", "import __static__\nfrom __static__ import int8\ndef f() -> None:\n    x: int8 = 300\n";
    STATIC_BAD_ARGUMENT = "static-bad-argument", Error, "an argument's type does not match the parameter of a static callee (message 2)", "import __static__\ndef f(x: int) -> None: ...\nf(\"a\")\n";
    STATIC_BAD_RETURN = "static-bad-return", Error, "a returned value does not match the declared return type (message 3)", "import __static__\ndef f() -> int:\n    return \"a\"\n";
    STATIC_IMPLICIT_NONE_RETURN = "static-implicit-none-return", Error, "a function with a declared return type can end without returning (message 4)", "import __static__\ndef f(x: bool) -> int:\n    if x:\n        return 1\n";
    STATIC_UNDEFINED_NAME = "static-undefined-name", Error, "a name defined nowhere, in a static module (message 5)", "import __static__\ndef f() -> None:\n    print(undefined)\n";
    STATIC_REDEFINED_LOCAL = "static-redefined-local", Error, "a local annotated twice (message 6)", "import __static__\ndef f() -> None:\n    x: int = 1\n    x: str = \"a\"\n";
    PRIMITIVE_SCOPE = "primitive-in-global-or-closure", Error, "a primitive stored in a global or a closure cell (message 7)", "import __static__\nfrom __static__ import int64\nx: int64 = 1\n";
    PRIMITIVE_CALL_ARGUMENT = "primitive-call-argument", Error, "a primitive passed to a dynamic or non-static callee (message 8)", "import __static__\nfrom __static__ import int64\ndef f() -> None:\n    x: int64 = 1\n    print(x)\n";
    PRIMITIVE_NOT_OBJECT = "primitive-not-object", Error, "a primitive where only an object may go: dict keys and values, set members, comprehension elements, slice bounds, formatted values, `*` operands, yields, assert messages", "import __static__\nfrom __static__ import int64\ndef f(x: int64) -> None:\n    {x: 1}\n";
    PRIMITIVE_BAD_ARITHMETIC = "primitive-bad-arithmetic", Error, "arithmetic on primitives that do not combine (message 9)", "import __static__\nfrom __static__ import int16, uint64\ndef f(a: int16, b: uint64) -> None:\n    a + b\n";
    CBOOL_OPERAND = "cbool-operand", Error, "`cbool` used as an arithmetic operand (message 10)", "import __static__\nfrom __static__ import cbool\ndef f(a: cbool, b: cbool) -> None:\n    a + b\n";
    PRIMITIVE_COMPARE = "primitive-compare", Error, "comparing a primitive with a value it cannot be compared to (message 11)", "import __static__\nfrom __static__ import double\ndef f(a: double) -> None:\n    a < 3\n";
    PRIMITIVE_COMPARE_UNSUPPORTED = "primitive-compare-unsupported", Error, "`is`, `is not`, `in` or `not in` with a primitive operand (message 12)", "import __static__\nfrom __static__ import int64\ndef f(a: int64, b: int64) -> None:\n    a is b\n";
    DOUBLE_NOT_INVERT = "double-not-invert", Error, "`not` or `~` applied to a `double` (message 13)", "import __static__\nfrom __static__ import double\ndef f(a: double) -> None:\n    not a\n";
    PRIMITIVE_UNION = "primitive-union", Error, "a union that includes a primitive type (message 14)", "import __static__\nfrom __static__ import int64\ndef f(a: int64 | None) -> None: ...\n";
    PRIMITIVE_ARITY = "primitive-arity", Error, "a primitive conversion called with other than one argument (message 15)", "import __static__\nfrom __static__ import int64\ndef f() -> None:\n    int64(1, 2)\n";
    BOX_ARITY = "box-arity", Error, "`box()`, `unbox()` or `prod_assert()` called with the wrong number of arguments, or with keywords", "import __static__\nfrom __static__ import box\ndef f() -> None:\n    box()\n";
    BOX_NON_PRIMITIVE = "box-non-primitive", Error, "`box()` of a value that is not a primitive (message 16)", "import __static__\nfrom __static__ import box\nbox(1)\n";
    CLEN_ARGUMENT = "clen-argument", Error, "`clen()` of a value without a fast length (message 17)", "import __static__\nfrom __static__ import clen\nclen(1)\n";
    CRANGE_OUTSIDE_FOR = "crange-outside-for", Error, "`crange()` used other than as the iterator of a `for` loop (message 18)", "import __static__\nfrom __static__ import crange\nr = crange(10)\n";
    BAD_CAST = "bad-cast", Error, "`cast()` to something that is not a runtime type (message 19)", "import __static__\nfrom __static__ import cast\ncast(1, 2)\n";
    STATIC_FINAL_REASSIGNED = "static-final-reassigned", Error, "assigning to a `Final` variable again (message 20)", "import __static__\nfrom typing import Final\nX: Final[int] = 1\nX = 2\n";
    FINAL_UNINITIALIZED = "final-uninitialized", Error, "a `Final` declared without a value (message 21)", "import __static__\nfrom typing import Final\nX: Final[int]\n";
    FINAL_MISPLACED = "final-misplaced", Error, "`Final` nested in another annotation or on a local (message 22)", "import __static__\nfrom typing import Final, List\nX: List[Final[int]] = []\n";
    FINAL_ATTRIBUTE_ASSIGNED = "final-attribute-assigned", Error, "assigning to a `Final` attribute outside `__init__` (message 23)", "";
    FINAL_CLASS_SUBCLASSED = "final-class-subclassed", Error, "subclassing a `@final` class (message 24)", "import __static__\nfrom typing import final\n@final\nclass C: ...\nclass D(C): ...\n";
    MEMBER_REDECLARED = "member-redeclared", Error, "a class member declared twice (message 25)", "import __static__\nclass C:\n    x: int\n    x: str\n";
    MEMBER_CONFLICT = "member-conflict", Error, "a method and a field with one name (message 26)", "import __static__\nclass C:\n    x: int\n    def x(self) -> None: ...\n";
    INHERITED_TYPE_CHANGED = "inherited-type-changed", Error, "a subclass changes the type of an inherited field (message 27)", "import __static__\nclass C:\n    x: int\nclass D(C):\n    x: str\n";
    CLASSVAR_INSTANCE_STORE = "classvar-instance-store", Error, "assigning to a `ClassVar` through an instance (message 28)", "";
    STATIC_BAD_OVERRIDE = "static-bad-override", Error, "a method override incompatible with the base method (message 29)", "import __static__\nclass C:\n    def f(self, x: int) -> None: ...\nclass D(C):\n    def f(self) -> None: ...\n";
    STATIC_TOO_MANY_POSITIONAL = "static-too-many-positional", Error, "more positional arguments than a static callee takes (message 30)", "import __static__\ndef f(x: int) -> None: ...\nf(1, 2)\n";
    STATIC_UNKNOWN_ARGUMENT = "static-unknown-argument", Error, "a keyword argument that a static callee does not define (message 30)", "import __static__\ndef f(x: int) -> None: ...\nf(y=1)\n";
    STATIC_MISSING_ARGUMENT = "static-missing-argument", Error, "a call of a static callee without a value for each required parameter (message 31)", "import __static__\ndef f(x: int) -> None: ...\nf()\n";
    GENERIC_ARITY = "static-generic-arity", Error, "a checked container with the wrong number of type arguments (message 32)", "import __static__\nfrom __static__ import CheckedDict\ndef f(d: CheckedDict[int]) -> None: ...\n";
    GENERIC_INSTANCE = "static-generic-instance", Error, "constructing a checked container without type arguments (message 33)", "import __static__\nfrom __static__ import CheckedList\nl = CheckedList()\n";
    NONE_ATTRIBUTE = "static-none-attribute", Error, "an attribute of a value that may be `None`, in a static module (message 34)", "import __static__\nfrom typing import Optional\ndef f(x: Optional[str]) -> None:\n    x.upper()\n";
    NONE_SUBSCRIPT = "static-none-subscript", Error, "subscripting a value that may be `None`, in a static module (message 34)", "import __static__\nfrom typing import Optional\ndef f(x: Optional[list]) -> None:\n    x[0]\n";
    BAD_INLINE = "bad-inline", Error, "`@inline` on a function whose body is not a single `return` (message 35)", "import __static__\nfrom __static__ import inline\n@inline\ndef f() -> int:\n    x = 1\n    return x\n";
    ARRAY_SLICE = "array-slice", Error, "slicing an `Array` (message 37)", "";
    PRIMITIVE_AWAIT = "primitive-await", Error, "awaiting a primitive value", "";

    // ---- strict modules ------------------------------------------------------------
    STRICT_BAD_FLAG = "strict-bad-flag", Error, "`import __strict__` is misplaced, aliased or combined with other names", "import os\nimport __strict__\n";
    STRICT_UNKNOWN_ATTRIBUTE = "strict-unknown-value-attribute", Error, "a strict module reads an attribute of a non-strict value at module level", "import __strict__\nimport os\nos.sep\n";
    STRICT_UNKNOWN_CALL = "strict-unknown-value-call", Error, "a strict module calls a non-strict value at module level", "import __strict__\nfrom os import getcwd\ngetcwd()\n";
    STRICT_UNKNOWN_BINARY_OP = "strict-unknown-value-binary-op", Error, "a strict module applies a binary operator to a non-strict value at module level", "import __strict__\nfrom os import sep\nsep + 'a'\n";
    STRICT_UNKNOWN_UNARY_OP = "strict-unknown-value-unary-op", Error, "a strict module applies a unary operator to a non-strict value at module level", "import __strict__\nfrom os import sep\n-sep\n";
    STRICT_UNKNOWN_INDEX = "strict-unknown-value-index", Error, "a strict module subscripts a non-strict value at module level", "import __strict__\nfrom os import environ\nenviron['HOME']\n";
    STRICT_UNKNOWN_BOOL = "strict-unknown-value-bool", Error, "a strict module tests the truth of a non-strict value at module level", "import __strict__\nfrom os import sep\nif sep:\n    pass\n";
    STRICT_UNKNOWN_ITERATION = "strict-unknown-value-iteration", Error, "a strict module iterates over a non-strict value at module level", "import __strict__\nfrom os import environ\nfor k in environ:\n    pass\n";
    STRICT_UNSAFE_CALL = "strict-unsafe-call", Error, "a call at module level runs code that a strict module may not run", "import __strict__\nimport os\ndef f():\n    return os.getcwd()\nf()\n";
    STRICT_MODIFY_IMPORT = "strict-modify-import", Error, "a strict module mutates a value that another module created", "import __strict__\nfrom registry import ITEMS\nITEMS.append(1)\n";
    STRICT_IMMUTABLE = "strict-immutable", Error, "an attribute of a strict module or of a class is set after its body ran", "import __strict__\nclass C:\n    x = 1\nC.x = 2\n";
    STRICT_UNSAFE_BASE_CLASS = "strict-unsafe-base-class", Error, "a class of a strict module derives from a non-strict value", "import __strict__\nfrom os import PathLike\nclass P(PathLike):\n    pass\n";
    STRICT_STAR_IMPORT = "strict-star-import", Error, "`from m import *` in a strict module", "import __strict__\nfrom os import *\n";
    STRICT_IMPORT_DISALLOWED = "strict-import-disallowed", Error, "an import where a strict module may not import", "import __strict__\nclass C:\n    import os\n";
    STRICT_UNSUPPORTED = "strict-unsupported", Error, "module-level code uses an operation that strict analysis does not support", "import __strict__\nmatch 1:\n    case _:\n        pass\n";
    STRICT_FAILED_TO_UNPACK = "strict-failed-to-unpack", Error, "module-level unpacking with the wrong number of values", "import __strict__\na, b = 1, 2, 3\n";
    STRICT_COROUTINE = "strict-coroutine-not-supported", Error, "an `async def` with `yield` in a strict module", "import __strict__\nasync def f():\n    yield 1\n";
    STRICT_PROHIBITED_BUILTIN = "strict-prohibited-builtin", Error, "a call of `exec`, `eval`, `open`, `input` or another I/O builtin at module level", "import __strict__\nexec('x = 1')\n";
    STRICT_CLASS_CONFLICT = "strict-class-conflict", Error, "a name is both a class member and an instance attribute (slot)", "import __strict__\nclass C:\n    x = 1\n    def __init__(self):\n        self.x = 2\n";
    STRICT_UNHANDLED_EXCEPTION = "strict-unhandled-exception", Error, "an exception escapes the top level of a strict module", "import __strict__\nraise ValueError('no')\n";
    STRICT_TOO_MANY_ITERATIONS = "strict-too-many-iterations", Error, "module-level loops or recursion exceed the analysis limit", "import __strict__\nwhile True:\n    pass\n";
}
