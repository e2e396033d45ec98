//! `float`: CPython's hash, `frexp` and `divmod` (its `repr` is shared with `cinder dis`:
//! [`cinder_codegen::format::text_repr::float_repr`]).

use super::int::HASH_MODULUS;

pub use cinder_codegen::format::text_repr::float_repr;

/// `math.frexp`: `f == m * 2**e` with `0.5 <= |m| < 1`.
pub fn frexp(f: f64) -> (f64, i32) {
    if f == 0.0 || !f.is_finite() {
        return (f, 0);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(f * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// CPython's `hash()` of a float (equal to the int hash for integral values).
pub fn float_hash(v: f64) -> i64 {
    if v.is_nan() {
        return 0;
    }
    if v.is_infinite() {
        return if v > 0.0 { 314_159 } else { -314_159 };
    }
    let (mut m, mut e) = frexp(v);
    let sign: i64 = if m < 0.0 {
        m = -m;
        -1
    } else {
        1
    };
    let p = HASH_MODULUS as u64;
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & p) | (x >> (61 - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= p {
            x -= p;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    } as u32;
    x = ((x << e) & p) | (x >> (61 - e));
    let r = (x as i64) * sign;
    if r == -1 { -2 } else { r }
}

/// Python's float `//` and `%` (floor semantics, result sign follows the divisor).
pub fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}
