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
    UNUSED_IGNORE = "unused-ignore-comment", Warning, "a `# type: ignore[code]` names a code that is not reported on its line", "x = 1  # type: ignore[bad-return]\n";

    // ---- plain checking (PEP 484) ----------------------------------------------------
    REVEAL_TYPE = "revealed-type", Warning, "`reveal_type(expr)` reports the inferred type", "reveal_type(1)\n";

    // ---- Static Python -------------------------------------------------------------

    // ---- strict modules ------------------------------------------------------------
}
