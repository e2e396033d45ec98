//! Python `repr()` of constants, for `cinder dis`.

use crate::format::Constant;
use crate::format::text_repr::float_repr;
pub use crate::format::text_repr::{bytes_repr, str_repr};

/// `repr(value)` as CPython prints it (code objects as `<code object NAME, file ..., line N>`).
pub fn repr(value: &Constant) -> String {
    match value {
        Constant::None => "None".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(i) => i.to_string(),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex { real, imag } => {
            let imag_text = format!("{}j", float_repr_short(*imag));
            if *real == 0.0 && real.is_sign_positive() {
                imag_text
            } else {
                let sign = if *imag < 0.0 || (*imag == 0.0 && imag.is_sign_negative()) {
                    ""
                } else {
                    "+"
                };
                format!("({}{sign}{imag_text})", float_repr_short(*real))
            }
        }
        Constant::Str(s) => str_repr(s),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Constant::FrozenSet(items) => {
            if items.is_empty() {
                "frozenset()".into()
            } else {
                let parts: Vec<String> = items.iter().map(repr).collect();
                format!("frozenset({{{}}})", parts.join(", "))
            }
        }
        Constant::Code(code) => {
            format!(
                "<code object {}, file \"{}\", line {}>",
                code.name, code.filename, code.firstlineno
            )
        }
    }
}

fn float_repr_short(f: f64) -> String {
    let text = float_repr(f);
    text.strip_suffix(".0").map(str::to_string).unwrap_or(text)
}
