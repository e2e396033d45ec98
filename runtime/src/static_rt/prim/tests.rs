//! Primitive arithmetic at every width: wrapping, unsigned division and shifts, conversions,
//! boxing and unboxing with their range checks.

use super::*;

trait Outcome<T> {
    fn must(self) -> T;
    fn fails(self) -> PyErr;
}

impl<T> Outcome<T> for PyResult<T> {
    fn must(self) -> T {
        match self {
            Ok(v) => v,
            Err(_) => panic!("unexpected exception"),
        }
    }
    fn fails(self) -> PyErr {
        match self {
            Ok(_) => panic!("expected an exception"),
            Err(e) => e,
        }
    }
}

fn int(v: i64) -> Value {
    Value::Int(v)
}

fn bits(v: &Value) -> i64 {
    match v {
        Value::Int(i) => *i,
        _ => panic!("not an int primitive"),
    }
}

fn add_at(type_code: u32, a: i64, b: i64) -> i64 {
    let r = binary(binop::ADD_INT, &int(a), &int(b)).must();
    bits(&normalize(type_code, r))
}

#[test]
fn addition_wraps_at_every_width() {
    assert_eq!(add_at(code::INT8, 100, 100), -56);
    assert_eq!(add_at(code::UINT8, 200, 200), 144);
    assert_eq!(add_at(code::INT16, 30000, 30000), -5536);
    assert_eq!(add_at(code::UINT16, 60000, 60000), 54464);
    assert_eq!(add_at(code::INT32, i32::MAX as i64, 1), i32::MIN as i64);
    assert_eq!(add_at(code::UINT32, u32::MAX as i64, 2), 1);
    assert_eq!(add_at(code::INT64, i64::MAX, i64::MAX), -2);
    assert_eq!(add_at(code::UINT64, -1, 1), 0);
    assert_eq!(add_at(code::CHAR, 127, 1), -128);
}

#[test]
fn subtraction_and_multiplication_wrap() {
    let sub = binary(binop::SUB_INT, &int(0), &int(1)).must();
    assert_eq!(bits(&normalize(code::UINT8, sub.clone())), 255);
    assert_eq!(bits(&normalize(code::UINT32, sub.clone())), u32::MAX as i64);
    assert_eq!(bits(&normalize(code::INT8, sub)), -1);
    let mul = binary(binop::MUL_INT, &int(16), &int(16)).must();
    assert_eq!(bits(&normalize(code::UINT8, mul.clone())), 0);
    assert_eq!(bits(&normalize(code::INT16, mul)), 256);
    let big = binary(binop::MUL_INT, &int(i64::MAX), &int(2)).must();
    assert_eq!(bits(&big), -2);
}

#[test]
fn division_truncates_and_rejects_zero() {
    assert_eq!(bits(&binary(binop::DIV_INT, &int(-7), &int(2)).must()), -3);
    assert_eq!(bits(&binary(binop::MOD_INT, &int(-7), &int(2)).must()), -1);
    // uint64 max / 2, on the bit pattern.
    assert_eq!(
        bits(&binary(binop::DIV_UN_INT, &int(-1), &int(2)).must()),
        i64::MAX
    );
    assert_eq!(
        bits(&binary(binop::MOD_UN_INT, &int(-1), &int(10)).must()),
        5
    );
    for op in [
        binop::DIV_INT,
        binop::MOD_INT,
        binop::DIV_UN_INT,
        binop::MOD_UN_INT,
    ] {
        let err = binary(op, &int(1), &int(0)).fails();
        assert!(err.is_lazy(ExcKind::ZeroDivisionError));
    }
    let err = binary(binop::DIV_DBL, &Value::Float(1.0), &Value::Float(0.0)).fails();
    assert!(err.is_lazy(ExcKind::ZeroDivisionError));
    assert!(
        binary(binop::MOD_DBL, &Value::Float(1.0), &Value::Float(0.0))
            .fails()
            .is_lazy(ExcKind::ZeroDivisionError)
    );
    // i64::MIN / -1 wraps instead of trapping.
    assert_eq!(
        bits(&binary(binop::DIV_INT, &int(i64::MIN), &int(-1)).must()),
        i64::MIN
    );
}

#[test]
fn shifts_signed_and_unsigned() {
    assert_eq!(bits(&binary(binop::LSHIFT_INT, &int(1), &int(3)).must()), 8);
    assert_eq!(
        bits(&normalize(
            code::INT8,
            binary(binop::LSHIFT_INT, &int(1), &int(7)).must()
        )),
        -128
    );
    assert_eq!(
        bits(&binary(binop::RSHIFT_INT, &int(-16), &int(2)).must()),
        -4
    );
    assert_eq!(
        bits(&binary(binop::RSHIFT_UN_INT, &int(-16), &int(60)).must()),
        15
    );
    assert_eq!(
        bits(&binary(binop::LSHIFT_INT, &int(1), &int(64)).must()),
        0
    );
    assert_eq!(bits(&binary(binop::XOR_INT, &int(6), &int(3)).must()), 5);
    assert_eq!(bits(&binary(binop::OR_INT, &int(6), &int(3)).must()), 7);
    assert_eq!(bits(&binary(binop::AND_INT, &int(6), &int(3)).must()), 2);
}

#[test]
fn double_arithmetic_and_powers() {
    let f = |v: PyResult<Value>| match v.must() {
        Value::Float(x) => x,
        _ => panic!("not a double"),
    };
    assert_eq!(
        f(binary(
            binop::ADD_DBL,
            &Value::Float(1.5),
            &Value::Float(2.25)
        )),
        3.75
    );
    assert_eq!(
        f(binary(
            binop::SUB_DBL,
            &Value::Float(1.5),
            &Value::Float(2.0)
        )),
        -0.5
    );
    assert_eq!(
        f(binary(
            binop::MUL_DBL,
            &Value::Float(1.5),
            &Value::Float(2.0)
        )),
        3.0
    );
    assert_eq!(
        f(binary(
            binop::DIV_DBL,
            &Value::Float(1.0),
            &Value::Float(4.0)
        )),
        0.25
    );
    assert_eq!(
        f(binary(
            binop::POW_DBL,
            &Value::Float(2.0),
            &Value::Float(10.0)
        )),
        1024.0
    );
    assert_eq!(f(binary(binop::POW_INT, &int(2), &int(-1))), 0.5);
    assert_eq!(
        f(binary(binop::POW_UN_INT, &int(-1), &int(1))),
        u64::MAX as f64
    );
    assert_eq!(f(unary(unop::NEG_DBL, &Value::Float(2.0))), -2.0);
}

#[test]
fn unary_ops() {
    assert_eq!(bits(&unary(unop::NEG_INT, &int(5)).must()), -5);
    assert_eq!(
        bits(&normalize(
            code::UINT8,
            unary(unop::INV_INT, &int(0)).must()
        )),
        255
    );
    assert!(matches!(
        unary(unop::NOT_INT, &int(0)).must(),
        Value::Bool(true)
    ));
    assert!(matches!(
        unary(unop::NOT_INT, &int(3)).must(),
        Value::Bool(false)
    ));
}

#[test]
fn comparisons_signed_unsigned_and_double() {
    let t = |op, a, b| matches!(compare(op, &int(a), &int(b)).must(), Value::Bool(true));
    assert!(t(cmp::LT_INT, -1, 0));
    assert!(!t(cmp::LT_UN_INT, -1, 0), "uint64 max is not below 0");
    assert!(t(cmp::GT_UN_INT, -1, 0));
    assert!(t(cmp::GE_UN_INT, 3, 3) && t(cmp::LE_UN_INT, 3, 3));
    assert!(t(cmp::EQ_INT, 3, 3) && t(cmp::NE_INT, 3, 4));
    assert!(t(cmp::LE_INT, 3, 3) && t(cmp::GT_INT, 4, 3) && t(cmp::GE_INT, 4, 4));
    let d = |op, a: f64, b: f64| {
        matches!(
            compare(op, &Value::Float(a), &Value::Float(b)).must(),
            Value::Bool(true)
        )
    };
    assert!(
        d(cmp::LT_DBL, 1.0, 2.0) && d(cmp::GE_DBL, 2.0, 2.0) && !d(cmp::EQ_DBL, f64::NAN, f64::NAN)
    );
    assert!(
        d(cmp::NE_DBL, f64::NAN, f64::NAN) && d(cmp::LE_DBL, 1.0, 1.0) && d(cmp::GT_DBL, 3.0, 1.0)
    );
}

#[test]
fn conversions_between_widths() {
    let conv = |to: u32, from: u32, v: i64| bits(&convert((to << 4) | from, &int(v)));
    assert_eq!(conv(code::INT8, code::INT64, 300), 44);
    assert_eq!(conv(code::UINT8, code::INT8, -1), 255);
    assert_eq!(
        conv(code::INT64, code::INT8, -1),
        -1,
        "sign-extends from signed"
    );
    assert_eq!(
        conv(code::INT64, code::UINT8, 255),
        255,
        "zero-extends from unsigned"
    );
    assert_eq!(conv(code::INT32, code::UINT64, -1), -1);
    assert_eq!(conv(code::UINT32, code::INT64, -1), u32::MAX as i64);
    assert_eq!(conv(code::UINT16, code::INT32, 70000), 4464);
    assert_eq!(conv(code::INT16, code::UINT16, 65535), -1);
    match convert((code::DOUBLE << 4) | code::UINT64, &int(-1)) {
        Value::Float(f) => assert_eq!(f, u64::MAX as f64),
        _ => panic!("not a double"),
    }
    assert_eq!(
        bits(&convert(
            (code::INT64 << 4) | code::DOUBLE,
            &Value::Float(-2.7)
        )),
        -2
    );
}

#[test]
fn unbox_checks_the_range_of_every_type() {
    let cases: [(u32, i64, i64); 9] = [
        (code::INT8, -128, 127),
        (code::UINT8, 0, 255),
        (code::INT16, -32768, 32767),
        (code::UINT16, 0, 65535),
        (code::INT32, i32::MIN as i64, i32::MAX as i64),
        (code::UINT32, 0, u32::MAX as i64),
        (code::INT64, i64::MIN, i64::MAX),
        (code::UINT64, 0, i64::MAX),
        (code::CHAR, -128, 127),
    ];
    for (tc, low, high) in cases {
        assert_eq!(bits(&unbox(tc, &int(low)).must().unwrap()), low);
        assert_eq!(bits(&unbox(tc, &int(high)).must().unwrap()), high);
        if low > i64::MIN {
            let err = unbox(tc, &int(low - 1)).fails();
            assert!(err.is_lazy(ExcKind::OverflowError), "{}", type_name(tc));
        }
        if high < i64::MAX {
            assert!(
                unbox(tc, &int(high + 1))
                    .fails()
                    .is_lazy(ExcKind::OverflowError)
            );
        }
    }
    // uint64 above i64::MAX arrives as a big int and keeps its bit pattern.
    assert_eq!(
        bits(&unbox(code::UINT64, &big_u64(u64::MAX)).must().unwrap()),
        -1
    );
    assert!(
        unbox(code::INT64, &big_u64(u64::MAX))
            .fails()
            .is_lazy(ExcKind::OverflowError)
    );
    assert!(unbox(code::INT64, &Value::str("x")).must().is_none());
    assert!(matches!(unbox(code::DOUBLE, &int(2)).must(), Some(Value::Float(f)) if f == 2.0));
    assert!(matches!(
        unbox(code::BOOL, &Value::Bool(true)).must(),
        Some(Value::Bool(true))
    ));
}

#[test]
fn box_is_identity_except_for_large_uint64() {
    assert!(matches!(box_value(code::INT64, int(-5)), Value::Int(-5)));
    assert!(matches!(box_value(code::UINT64, int(5)), Value::Int(5)));
    match box_value(code::UINT64, int(-1)) {
        Value::Big(b) => assert_eq!(*b, BigInt::from(u64::MAX)),
        _ => panic!("uint64 max boxes to a big int"),
    }
    assert!(matches!(box_value(code::BOOL, int(1)), Value::Bool(true)));
    assert!(matches!(box_value(code::DOUBLE, Value::Float(0.5)), Value::Float(f) if f == 0.5));
    assert!(matches!(zero(code::DOUBLE), Value::Float(f) if f == 0.0));
    assert!(matches!(zero(code::BOOL), Value::Bool(false)));
    assert!(matches!(zero(code::INT8), Value::Int(0)));
}
