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
    UNUSED_IGNORE = "unused-ignore-comment", Warning, "a `# type: ignore[code]` names a code that is not reported on its line", "x = 1  # type: ignore[bad-return]\n";

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
    FINAL_REASSIGNED = "final-reassigned", Error, "assigning to a `Final` name or attribute again", "from typing import Final\nX: Final = 1\nX = 2\n";

    // ---- Static Python -------------------------------------------------------------

    // ---- strict modules ------------------------------------------------------------
}
