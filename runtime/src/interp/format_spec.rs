//! The format mini-language of `format()` and f-strings: a parsed spec
//! (`[[fill]align][sign][#][0][width][,|_][.precision][type]`) applied to a `str`, an `int`
//! or a `float`. Input: the spec text and the value; output: the formatted text, or the
//! `ValueError` CPython raises for a bad spec.

use crate::object::float_repr;
use crate::object::int::Int;
use crate::object::{PyErr, PyResult};

/// A parsed format spec (`[[fill]align][sign][#][0][width][,|_][.precision][type]`).
pub struct Spec {
    fill: char,
    align: Option<char>,
    sign: char,
    alternate: bool,
    pub(super) width: Option<usize>,
    grouping: Option<char>,
    precision: Option<usize>,
    pub(super) ty: Option<char>,
}

impl Spec {
    pub fn parse(spec: &str) -> PyResult<Spec> {
        let chars: Vec<char> = spec.chars().collect();
        let mut i = 0;
        let mut s = Spec {
            fill: ' ',
            align: None,
            sign: '-',
            alternate: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
        };
        if chars.len() >= 2 && "<>=^".contains(chars[1]) {
            s.fill = chars[0];
            s.align = Some(chars[1]);
            i = 2;
        } else if !chars.is_empty() && "<>=^".contains(chars[0]) {
            s.align = Some(chars[0]);
            i = 1;
        }
        if let Some(&c) = chars.get(i)
            && "+- ".contains(c)
        {
            s.sign = c;
            i += 1;
        }
        if chars.get(i) == Some(&'#') {
            s.alternate = true;
            i += 1;
        }
        if chars.get(i) == Some(&'0') {
            if s.align.is_none() {
                s.fill = '0';
                s.align = Some('=');
            }
            i += 1;
        }
        let mut w = String::new();
        while let Some(&d) = chars.get(i).filter(|c| c.is_ascii_digit()) {
            w.push(d);
            i += 1;
        }
        if !w.is_empty() {
            s.width = w.parse().ok();
        }
        if let Some(&c) = chars.get(i)
            && (c == ',' || c == '_')
        {
            s.grouping = Some(c);
            i += 1;
        }
        if chars.get(i) == Some(&'.') {
            i += 1;
            let mut p = String::new();
            while let Some(&d) = chars.get(i).filter(|c| c.is_ascii_digit()) {
                p.push(d);
                i += 1;
            }
            s.precision = Some(
                p.parse()
                    .map_err(|_| PyErr::value_error("Format specifier missing precision"))?,
            );
        }
        if let Some(&c) = chars.get(i) {
            s.ty = Some(c);
            i += 1;
        }
        if i != chars.len() {
            return Err(PyErr::value_error("Invalid format specifier"));
        }
        Ok(s)
    }

    fn pad(&self, body: &str, sign: &str, default_align: char) -> String {
        let len = body.chars().count() + sign.chars().count();
        let width = self.width.unwrap_or(0);
        if len >= width {
            return format!("{sign}{body}");
        }
        let n = width - len;
        let fill = |k: usize| std::iter::repeat_n(self.fill, k).collect::<String>();
        match self.align.unwrap_or(default_align) {
            '<' => format!("{sign}{body}{}", fill(n)),
            '^' => format!("{}{sign}{body}{}", fill(n / 2), fill(n - n / 2)),
            '=' => format!("{sign}{}{body}", fill(n)),
            _ => format!("{}{sign}{body}", fill(n)),
        }
    }

    pub fn format_str(&self, text: &str) -> PyResult<String> {
        if self.ty.is_some_and(|t| t != 's') {
            return Err(PyErr::value_error(format!(
                "Unknown format code '{}' for object of type 'str'",
                self.ty.unwrap_or('s')
            )));
        }
        let text: String = match self.precision {
            Some(p) => text.chars().take(p).collect(),
            None => text.to_owned(),
        };
        Ok(self.pad(&text, "", '<'))
    }

    fn sign_of(&self, negative: bool) -> &'static str {
        if negative {
            "-"
        } else {
            match self.sign {
                '+' => "+",
                ' ' => " ",
                _ => "",
            }
        }
    }

    pub fn format_int(&self, n: &Int) -> PyResult<String> {
        let negative = match n {
            Int::Small(x) => *x < 0,
            Int::Big(b) => b.sign() == num_bigint::Sign::Minus,
        };
        let abs = match n {
            Int::Small(x) => num_bigint::BigInt::from(*x).magnitude().clone(),
            Int::Big(b) => b.magnitude().clone(),
        };
        let (digits, prefix) = match self.ty {
            None | Some('d') | Some('n') => (abs.to_str_radix(10), ""),
            Some('x') => (abs.to_str_radix(16), "0x"),
            Some('X') => (abs.to_str_radix(16).to_uppercase(), "0X"),
            Some('o') => (abs.to_str_radix(8), "0o"),
            Some('b') => (abs.to_str_radix(2), "0b"),
            Some('c') => {
                let c = num_traits::ToPrimitive::to_u32(&abs)
                    .and_then(char::from_u32)
                    .unwrap_or('?');
                return Ok(self.pad(&c.to_string(), "", '<'));
            }
            Some(t) => {
                return Err(PyErr::value_error(format!(
                    "Unknown format code '{t}' for object of type 'int'"
                )));
            }
        };
        let digits = match self.grouping {
            Some(sep) => {
                let group = if matches!(self.ty, Some('x' | 'X' | 'o' | 'b')) {
                    4
                } else {
                    3
                };
                group_digits(&digits, sep, group)
            }
            None => digits,
        };
        let mut sign = self.sign_of(negative).to_owned();
        if self.alternate {
            sign.push_str(prefix);
        }
        Ok(self.pad(&digits, &sign, '>'))
    }

    pub fn format_float(&self, f: f64) -> PyResult<String> {
        let negative = f.is_sign_negative() && !f.is_nan();
        let a = f.abs();
        let ty = self.ty;
        let mut body = if a.is_infinite() {
            if matches!(ty, Some('E' | 'F' | 'G')) {
                "INF".into()
            } else {
                "inf".into()
            }
        } else if a.is_nan() {
            if matches!(ty, Some('E' | 'F' | 'G')) {
                "NAN".into()
            } else {
                "nan".into()
            }
        } else {
            match ty {
                Some('f' | 'F') => format!("{:.*}", self.precision.unwrap_or(6), a),
                Some('%') => format!("{:.*}%", self.precision.unwrap_or(6), a * 100.0),
                Some('e' | 'E') => {
                    let s = sci(a, self.precision.unwrap_or(6));
                    if ty == Some('E') { s.to_uppercase() } else { s }
                }
                Some('g' | 'G') => {
                    let s = general(a, self.precision.unwrap_or(6), self.alternate);
                    if ty == Some('G') { s.to_uppercase() } else { s }
                }
                None | Some('n') => match self.precision {
                    None => float_repr(a),
                    Some(p) => {
                        let s = general(a, p, self.alternate);
                        if s.contains(['.', 'e', 'n', 'i']) {
                            s
                        } else {
                            format!("{s}.0")
                        }
                    }
                },
                Some(t) => {
                    return Err(PyErr::value_error(format!(
                        "Unknown format code '{t}' for object of type 'float'"
                    )));
                }
            }
        };
        if let Some(sep) = self.grouping {
            let (int_part, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
                Some(p) => (body[..p].to_owned(), body[p..].to_owned()),
                None => (body.clone(), String::new()),
            };
            body = format!("{}{rest}", group_digits(&int_part, sep, 3));
        }
        Ok(self.pad(&body, self.sign_of(negative), '>'))
    }
}

fn group_digits(digits: &str, sep: char, group: usize) -> String {
    let mut out = String::new();
    let n = digits.len();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(group) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// `format(a, '.{p}e')` for `a >= 0`.
fn sci(a: f64, p: usize) -> String {
    let s = format!("{:.*e}", p, a);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
}

/// `format(a, '.{p}g')` for `a >= 0`.
fn general(a: f64, p: usize, alternate: bool) -> String {
    let p = p.max(1);
    if a == 0.0 {
        return if alternate {
            format!("{:.*}", p - 1, 0.0)
        } else {
            "0".into()
        };
    }
    let s = format!("{:.*e}", p - 1, a);
    let exp: i32 = s
        .split_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0);
    let out = if exp >= -4 && exp < p as i32 {
        format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, a)
    } else {
        sci(a, p - 1)
    };
    if alternate {
        return out;
    }
    // Strip trailing zeros of the fraction.
    match out.split_once('e') {
        Some((m, e)) => {
            let m = if m.contains('.') {
                m.trim_end_matches('0').trim_end_matches('.')
            } else {
                m
            };
            format!("{m}e{e}")
        }
        None => {
            if out.contains('.') {
                out.trim_end_matches('0').trim_end_matches('.').to_owned()
            } else {
                out
            }
        }
    }
}
