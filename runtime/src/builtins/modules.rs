//! Native modules: `sys`, `math`, `time`, `gc`, `itertools` (the common part), and the
//! standard streams.

use std::io::Write;
use std::rc::Rc;

use super::{check_args, def};
use crate::interp::{Interp, native_iter};
use crate::object::int::{self, Int, big_to_value};
use crate::object::{ExcKind, NativeIter, PyErr, PyResult, PyStr, Value};

type Kw = [(Rc<PyStr>, Value)];

/// The native module `name`, created on first import.
pub fn native_module(interp: &mut Interp, name: &str) -> Option<Value> {
    let m = interp.new_module(name, None);
    let d = m.dict.clone();
    match name {
        "sys" => {
            let argv = interp.config.argv.iter().map(|a| Value::str(a)).collect();
            d.set_item("argv", Value::list(argv));
            d.set_item("path", interp.sys_path.clone());
            d.set_item("modules", Value::Dict(interp.modules.clone()));
            d.set_item("maxsize", Value::Int(i64::MAX));
            d.set_item("platform", Value::str("linux"));
            d.set_item("byteorder", Value::str("little"));
            d.set_item("version", Value::str("3.11.7 (cinder)"));
            d.set_item("hexversion", Value::Int(0x030b07f0));
            d.set_item(
                "version_info",
                Value::tuple(vec![
                    Value::Int(3),
                    Value::Int(11),
                    Value::Int(7),
                    Value::str("final"),
                    Value::Int(0),
                ]),
            );
            d.set_item("executable", Value::str(""));
            d.set_item("dont_write_bytecode", Value::Bool(true));
            d.set_item("maxunicode", Value::Int(0x10ffff));
            let stdout = stream(interp, 1);
            let stderr = stream(interp, 2);
            d.set_item("stdout", stdout.clone());
            d.set_item("stderr", stderr.clone());
            d.set_item("__stdout__", stdout);
            d.set_item("__stderr__", stderr);
            def(&d, "exit", sys_exit);
            def(&d, "getrecursionlimit", getrecursionlimit);
            def(&d, "setrecursionlimit", setrecursionlimit);
            def(&d, "exc_info", exc_info);
            def(&d, "intern", intern);
            def(&d, "getsizeof", getsizeof);
            crate::stdlib::sys_extras(interp, &d);
        }
        "math" => {
            d.set_item("pi", Value::Float(std::f64::consts::PI));
            d.set_item("e", Value::Float(std::f64::consts::E));
            d.set_item("tau", Value::Float(std::f64::consts::TAU));
            d.set_item("inf", Value::Float(f64::INFINITY));
            d.set_item("nan", Value::Float(f64::NAN));
            let unary: &[(&'static str, crate::object::NativeFn)] = &[
                ("sqrt", m_sqrt),
                ("sin", m_sin),
                ("cos", m_cos),
                ("tan", m_tan),
                ("asin", m_asin),
                ("acos", m_acos),
                ("atan", m_atan),
                ("sinh", m_sinh),
                ("cosh", m_cosh),
                ("tanh", m_tanh),
                ("exp", m_exp),
                ("log2", m_log2),
                ("log10", m_log10),
                ("fabs", m_fabs),
                ("degrees", m_degrees),
                ("radians", m_radians),
                ("isnan", m_isnan),
                ("isinf", m_isinf),
                ("isfinite", m_isfinite),
                ("floor", m_floor),
                ("ceil", m_ceil),
                ("trunc", m_trunc),
                ("log", m_log),
                ("pow", m_pow),
                ("atan2", m_atan2),
                ("hypot", m_hypot),
                ("copysign", m_copysign),
                ("fmod", m_fmod),
                ("gcd", m_gcd),
                ("factorial", m_factorial),
                ("isqrt", m_isqrt),
                ("modf", m_modf),
                ("frexp", m_frexp),
                ("ldexp", m_ldexp),
                ("fsum", m_fsum),
                ("prod", m_prod),
                ("comb", m_comb),
                ("isclose", m_isclose),
            ];
            for (n, f) in unary {
                def(&d, n, *f);
            }
        }
        "time" => {
            def(&d, "time", t_time);
            def(&d, "perf_counter", t_perf);
            def(&d, "monotonic", t_perf);
            def(&d, "process_time", t_perf);
            def(&d, "time_ns", t_time_ns);
            def(&d, "perf_counter_ns", t_perf_ns);
            def(&d, "sleep", t_sleep);
        }
        "gc" => {
            def(&d, "collect", gc_collect);
            def(&d, "enable", gc_noop);
            def(&d, "disable", gc_noop);
            def(&d, "isenabled", gc_isenabled);
        }
        "itertools" => {
            def(&d, "count", it_count);
            def(&d, "cycle", it_cycle);
            def(&d, "repeat", it_repeat);
            def(&d, "chain", it_chain);
            def(&d, "islice", it_islice);
            def(&d, "product", it_product);
            def(&d, "permutations", it_permutations);
            def(&d, "combinations", it_combinations);
            def(&d, "accumulate", it_accumulate);
            def(&d, "zip_longest", it_zip_longest);
            crate::stdlib::itertools_extras(interp, &d);
            let chain = d.get_item("chain").unwrap_or_default();
            if let Value::Builtin(_) = chain {
                d.set_item("chain", chain);
            }
        }
        _ => return crate::stdlib::lookup(interp, name),
    }
    Some(Value::Module(m))
}

/// `sys.stdout` / `sys.stderr`: instances of a small native class; `fd` 1 or 2.
fn stream(interp: &mut Interp, fd: i64) -> Value {
    let klass = crate::interp::new_class(
        "TextIOWrapper",
        vec![interp.types.object.clone()],
        crate::object::BaseKind::Other,
        true,
    );
    def(&klass.dict, "write", stream_write);
    def(&klass.dict, "flush", stream_flush);
    interp.new_instance(&klass, Value::Int(fd))
}

fn stream_fd(v: &Value) -> Option<i64> {
    if let Value::Instance(inst) = v
        && inst.class().is_builtin
        && let Value::Int(fd) = *inst.base_value.borrow()
    {
        return Some(fd);
    }
    None
}

/// Writes text to a file object (`None`: `sys.stdout`).
pub fn write_to(interp: &mut Interp, file: &Value, text: &str) -> PyResult<()> {
    let file = if file.is_none() {
        match interp.modules.get_item("sys") {
            Some(Value::Module(m)) => m.dict.get_item("stdout").unwrap_or(Value::None),
            _ => Value::None,
        }
    } else {
        file.clone()
    };
    match (&file, stream_fd(&file)) {
        (Value::None, _) | (_, Some(1)) => {
            interp.write_out(text);
            Ok(())
        }
        (_, Some(_)) => {
            interp.flush();
            let _ = std::io::stderr().write_all(text.as_bytes());
            Ok(())
        }
        _ => {
            interp.call_method(&file, "write", &[Value::str(text)])?;
            Ok(())
        }
    }
}

fn stream_write(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("write", args, 2, 2)?;
    let Value::Str(s) = &args[1] else {
        return Err(PyErr::type_error(format!(
            "write() argument must be str, not {}",
            interp.types.type_of(&args[1]).name()
        )));
    };
    let fd = stream_fd(&args[0]).unwrap_or(1);
    if fd == 1 {
        interp.write_out(s.as_str());
    } else {
        interp.flush();
        let _ = std::io::stderr().write_all(s.as_str().as_bytes());
    }
    Ok(Value::Int(s.char_len() as i64))
}

fn stream_flush(interp: &mut Interp, _: &[Value], _: &Kw) -> PyResult<Value> {
    interp.flush();
    Ok(Value::None)
}

/// `open()` is not available yet: say so clearly.
/// `open()`: the file objects are Python classes of the native `_cinder_io` module.
pub fn open_file(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let module = interp.import_dotted("_cinder_io")?;
    let open = interp.get_attr(&module, &Value::str("open"))?;
    let mut all = args.to_vec();
    let mut names = Vec::with_capacity(kwargs.len());
    for (k, v) in kwargs {
        names.push(Value::Str(k.clone()));
        all.push(v.clone());
    }
    let kw_names = (!names.is_empty()).then(|| Value::tuple(names));
    interp.call_value(&open, &all, kw_names.as_ref())
}

fn sys_exit(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    match args.first() {
        Some(v) => Err(PyErr::with_arg(ExcKind::SystemExit, v.clone())),
        None => Err(PyErr::bare(ExcKind::SystemExit)),
    }
}

fn getrecursionlimit(interp: &mut Interp, _: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::Int(interp.recursion_limit as i64))
}

fn setrecursionlimit(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("setrecursionlimit", args, 1, 1)?;
    let n = interp.index_of(&args[0])?;
    if n < 1 {
        return Err(PyErr::value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    // Deeper Python recursion than this would exhaust the native stack.
    interp.recursion_limit = (n as usize).min(crate::MAX_RECURSION);
    Ok(Value::None)
}

fn exc_info(interp: &mut Interp, _: &[Value], _: &Kw) -> PyResult<Value> {
    let e = interp.exc_info.clone();
    if e.is_none() {
        return Ok(Value::tuple(vec![Value::None, Value::None, Value::None]));
    }
    let t = Value::Class(interp.types.type_of(&e));
    Ok(Value::tuple(vec![t, e, Value::None]))
}

fn intern(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or_default())
}

fn getsizeof(_: &mut Interp, _: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::Int(64))
}

fn num(interp: &mut Interp, args: &[Value], i: usize) -> PyResult<f64> {
    match args.get(i) {
        Some(v) => super::ctors::to_float(interp, v).map_err(|_| {
            PyErr::type_error(format!(
                "must be real number, not {}",
                interp.types.type_of(v).name()
            ))
        }),
        None => Err(PyErr::type_error("math function missing argument")),
    }
}

fn domain() -> PyErr {
    PyErr::value_error("math domain error")
}

macro_rules! unary_math {
    ($($name:ident => |$x:ident| $body:expr;)*) => {
        $(fn $name(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
            check_args(stringify!($name), args, 1, 1)?;
            let $x = num(interp, args, 0)?;
            $body
        })*
    };
}

unary_math! {
    m_sqrt => |x| if x < 0.0 { Err(domain()) } else { Ok(Value::Float(x.sqrt())) };
    m_sin => |x| if x.is_infinite() { Err(domain()) } else { Ok(Value::Float(x.sin())) };
    m_cos => |x| if x.is_infinite() { Err(domain()) } else { Ok(Value::Float(x.cos())) };
    m_tan => |x| Ok(Value::Float(x.tan()));
    m_asin => |x| if !(-1.0..=1.0).contains(&x) { Err(domain()) } else { Ok(Value::Float(x.asin())) };
    m_acos => |x| if !(-1.0..=1.0).contains(&x) { Err(domain()) } else { Ok(Value::Float(x.acos())) };
    m_atan => |x| Ok(Value::Float(x.atan()));
    m_sinh => |x| Ok(Value::Float(x.sinh()));
    m_cosh => |x| Ok(Value::Float(x.cosh()));
    m_tanh => |x| Ok(Value::Float(x.tanh()));
    m_exp => |x| { let r = x.exp(); if r.is_infinite() && x.is_finite() { Err(PyErr::new(ExcKind::OverflowError, "math range error")) } else { Ok(Value::Float(r)) } };
    m_log2 => |x| if x <= 0.0 { Err(domain()) } else { Ok(Value::Float(x.log2())) };
    m_log10 => |x| if x <= 0.0 { Err(domain()) } else { Ok(Value::Float(x.log10())) };
    m_fabs => |x| Ok(Value::Float(x.abs()));
    m_degrees => |x| Ok(Value::Float(x.to_degrees()));
    m_radians => |x| Ok(Value::Float(x.to_radians()));
    m_isnan => |x| Ok(Value::Bool(x.is_nan()));
    m_isinf => |x| Ok(Value::Bool(x.is_infinite()));
    m_isfinite => |x| Ok(Value::Bool(x.is_finite()));
    m_modf => |x| Ok(Value::tuple(vec![Value::Float(x.fract()), Value::Float(x.trunc())]));
    m_frexp => |x| { let (m, e) = crate::object::float::frexp(x); Ok(Value::tuple(vec![Value::Float(m), Value::Int(i64::from(e))])) };
}

fn round_fn(interp: &mut Interp, args: &[Value], name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    check_args(name, args, 1, 1)?;
    if Int::of(&args[0]).is_some() {
        return Ok(match &args[0] {
            Value::Bool(b) => Value::Int(i64::from(*b)),
            v => v.clone(),
        });
    }
    if let Value::Instance(inst) = &args[0]
        && let Some(m) = inst.class().lookup_str(&format!("__{name}__"))
    {
        return interp.call_value(&m, &args[..1], None);
    }
    let x = num(interp, args, 0)?;
    super::float_to_int(f(x))
}

fn m_floor(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    round_fn(interp, args, "floor", f64::floor)
}

fn m_ceil(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    round_fn(interp, args, "ceil", f64::ceil)
}

fn m_trunc(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    round_fn(interp, args, "trunc", f64::trunc)
}

fn m_log(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("log", args, 1, 2)?;
    let ln = |interp: &mut Interp, v: &Value| -> PyResult<f64> {
        if let Some(Int::Big(b)) = Int::of(v)
            && num_traits::Signed::is_positive(b)
        {
            let bits = b.bits();
            let shift = bits.saturating_sub(60);
            let top: f64 =
                int::to_f64(&Int::of(&big_to_value(b >> shift)).unwrap_or(Int::Small(1)));
            return Ok(top.ln() + shift as f64 * std::f64::consts::LN_2);
        }
        let x = super::ctors::to_float(interp, v)?;
        if x <= 0.0 {
            return Err(domain());
        }
        Ok(x.ln())
    };
    let x = ln(interp, &args[0])?;
    match args.get(1) {
        Some(b) => {
            let base = ln(interp, b)?;
            if base == 0.0 {
                return Err(PyErr::new(
                    ExcKind::ZeroDivisionError,
                    "float division by zero",
                ));
            }
            Ok(Value::Float(x / base))
        }
        None => Ok(Value::Float(x)),
    }
}

fn m_pow(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("pow", args, 2, 2)?;
    let (x, y) = (num(interp, args, 0)?, num(interp, args, 1)?);
    if x < 0.0 && y.fract() != 0.0 {
        return Err(domain());
    }
    Ok(Value::Float(x.powf(y)))
}

fn m_atan2(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("atan2", args, 2, 2)?;
    Ok(Value::Float(
        num(interp, args, 0)?.atan2(num(interp, args, 1)?),
    ))
}

fn m_hypot(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let mut acc = 0.0f64;
    for i in 0..args.len() {
        acc = acc.hypot(num(interp, args, i)?);
    }
    Ok(Value::Float(acc))
}

fn m_copysign(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("copysign", args, 2, 2)?;
    Ok(Value::Float(
        num(interp, args, 0)?.copysign(num(interp, args, 1)?),
    ))
}

fn m_fmod(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("fmod", args, 2, 2)?;
    let (x, y) = (num(interp, args, 0)?, num(interp, args, 1)?);
    if y == 0.0 {
        return Err(domain());
    }
    Ok(Value::Float(x % y))
}

fn m_ldexp(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("ldexp", args, 2, 2)?;
    let x = num(interp, args, 0)?;
    let e = interp.index_of(&args[1])?;
    Ok(Value::Float(x * 2f64.powi(e.clamp(-2000, 2000) as i32)))
}

fn big_arg(interp: &mut Interp, v: &Value) -> PyResult<num_bigint::BigInt> {
    match Int::of(v) {
        Some(i) => Ok(i.to_big()),
        None => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            interp.types.type_of(v).name()
        ))),
    }
}

fn m_gcd(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    use num_integer::Integer;
    let mut acc = num_bigint::BigInt::from(0);
    for a in args {
        acc = acc.gcd(&big_arg(interp, a)?);
    }
    Ok(big_to_value(acc))
}

fn m_factorial(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("factorial", args, 1, 1)?;
    let n = interp.index_of(&args[0])?;
    if n < 0 {
        return Err(PyErr::value_error(
            "factorial() not defined for negative values",
        ));
    }
    let mut acc = num_bigint::BigInt::from(1);
    for i in 2..=n {
        acc *= i;
    }
    Ok(big_to_value(acc))
}

fn m_isqrt(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("isqrt", args, 1, 1)?;
    let n = big_arg(interp, &args[0])?;
    if num_traits::Signed::is_negative(&n) {
        return Err(PyErr::value_error("isqrt() argument must be nonnegative"));
    }
    Ok(big_to_value(n.sqrt()))
}

fn m_comb(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("comb", args, 2, 2)?;
    let n = interp.index_of(&args[0])?;
    let k = interp.index_of(&args[1])?;
    if n < 0 || k < 0 {
        return Err(PyErr::value_error("n must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k.min(n - k);
    let mut acc = num_bigint::BigInt::from(1);
    for i in 0..k {
        acc = acc * (n - i) / (i + 1);
    }
    Ok(big_to_value(acc))
}

fn m_fsum(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("fsum", args, 1, 1)?;
    let items = interp.collect(args[0].clone())?;
    // Neumaier summation: exact enough for the usual test inputs.
    let mut sum = 0.0f64;
    let mut c = 0.0f64;
    for v in &items {
        let x = super::ctors::to_float(interp, v)?;
        let t = sum + x;
        if sum.abs() >= x.abs() {
            c += (sum - t) + x;
        } else {
            c += (x - t) + sum;
        }
        sum = t;
    }
    Ok(Value::Float(sum + c))
}

fn m_prod(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    check_args("prod", args, 1, 1)?;
    let mut acc = super::kwarg(kwargs, "start").unwrap_or(Value::Int(1));
    for v in interp.collect(args[0].clone())? {
        acc = interp.binary_op(5, acc, v)?;
    }
    Ok(acc)
}

fn m_isclose(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    check_args("isclose", args, 2, 2)?;
    let (a, b) = (num(interp, args, 0)?, num(interp, args, 1)?);
    let rel = match super::kwarg(kwargs, "rel_tol") {
        Some(v) => super::ctors::to_float(interp, &v)?,
        None => 1e-9,
    };
    let abs = match super::kwarg(kwargs, "abs_tol") {
        Some(v) => super::ctors::to_float(interp, &v)?,
        None => 0.0,
    };
    if a == b {
        return Ok(Value::Bool(true));
    }
    let diff = (a - b).abs();
    Ok(Value::Bool(
        diff <= (rel * b.abs()).max(rel * a.abs()) || diff <= abs,
    ))
}

fn now() -> std::time::Duration {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
}

fn t_time(_: &mut Interp, _: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::Float(now().as_secs_f64()))
}

fn t_time_ns(_: &mut Interp, _: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::Int(now().as_nanos() as i64))
}

thread_local! {
    static START: std::time::Instant = std::time::Instant::now();
}

fn t_perf(_: &mut Interp, _: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::Float(START.with(|s| s.elapsed().as_secs_f64())))
}

fn t_perf_ns(_: &mut Interp, _: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::Int(START.with(|s| s.elapsed().as_nanos() as i64)))
}

fn t_sleep(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("sleep", args, 1, 1)?;
    let secs = num(interp, args, 0)?;
    if secs < 0.0 {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    interp.flush();
    std::thread::sleep(std::time::Duration::from_secs_f64(secs.min(1e6)));
    Ok(Value::None)
}

fn gc_collect(_: &mut Interp, _: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::Int(0))
}

fn gc_noop(_: &mut Interp, _: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::None)
}

fn gc_isenabled(_: &mut Interp, _: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::Bool(true))
}

fn it_count(_: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let start = super::arg_or_kw(args, kwargs, 0, "start").unwrap_or(Value::Int(0));
    let step = super::arg_or_kw(args, kwargs, 1, "step").unwrap_or(Value::Int(1));
    Ok(native_iter(NativeIter::Count { next: start, step }))
}

fn it_cycle(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("cycle", args, 1, 1)?;
    let iter = interp.get_iter(args[0].clone())?;
    Ok(native_iter(NativeIter::Cycle {
        iter,
        saved: Vec::new(),
        index: 0,
        exhausted: false,
    }))
}

fn it_repeat(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    check_args("repeat", args, 1, 2)?;
    let remaining = match super::arg_or_kw(args, kwargs, 1, "times") {
        Some(n) => Some(interp.index_of(&n)?.max(0)),
        None => None,
    };
    Ok(native_iter(NativeIter::Repeat {
        value: args[0].clone(),
        remaining,
    }))
}

fn it_chain(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(native_iter(NativeIter::Chain {
        iters: args.to_vec(),
        current: Value::Null,
        from_iterable: false,
    }))
}

fn it_islice(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("islice", args, 2, 4)?;
    let get = |interp: &mut Interp, v: Option<&Value>| -> PyResult<Option<i64>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(v) => Ok(Some(interp.index_of(v)?)),
        }
    };
    let (start, stop, step) = if args.len() == 2 {
        (0, get(interp, args.get(1))?, 1)
    } else {
        (
            get(interp, args.get(1))?.unwrap_or(0),
            get(interp, args.get(2))?,
            get(interp, args.get(3))?.unwrap_or(1),
        )
    };
    let it = interp.get_iter(args[0].clone())?;
    let mut out = Vec::new();
    let mut i = 0i64;
    let mut next_take = start;
    while stop.is_none_or(|s| i < s) {
        match interp.next(&it)? {
            Some(v) => {
                if i == next_take {
                    out.push(v);
                    next_take += step.max(1);
                }
            }
            None => break,
        }
        i += 1;
    }
    Ok(native_iter(NativeIter::Values {
        items: out,
        index: 0,
    }))
}

fn it_product(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let repeat = match super::kwarg(kwargs, "repeat") {
        Some(r) => interp.index_of(&r)?.max(0) as usize,
        None => 1,
    };
    let mut pools = Vec::new();
    for a in args {
        pools.push(interp.collect(a.clone())?);
    }
    let pools: Vec<Vec<Value>> = (0..repeat).flat_map(|_| pools.clone()).collect();
    let mut result: Vec<Vec<Value>> = vec![vec![]];
    for pool in &pools {
        let mut next = Vec::new();
        for r in &result {
            for x in pool {
                let mut t = r.clone();
                t.push(x.clone());
                next.push(t);
            }
        }
        result = next;
    }
    Ok(native_iter(NativeIter::Values {
        items: result.into_iter().map(Value::tuple).collect(),
        index: 0,
    }))
}

fn it_permutations(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("permutations", args, 1, 2)?;
    let pool = interp.collect(args[0].clone())?;
    let n = pool.len();
    let r = match args.get(1) {
        Some(Value::None) | None => n,
        Some(v) => interp.index_of(v)?.max(0) as usize,
    };
    let mut out = Vec::new();
    if r <= n {
        let mut indices: Vec<usize> = (0..n).collect();
        let mut cycles: Vec<usize> = (0..r).map(|i| n - i).collect();
        out.push(Value::tuple(
            indices[..r].iter().map(|&i| pool[i].clone()).collect(),
        ));
        #[allow(clippy::while_immutable_condition)] // `n == 0` yields only the empty tuple.
        'outer: while n > 0 {
            for i in (0..r).rev() {
                cycles[i] -= 1;
                if cycles[i] == 0 {
                    let x = indices.remove(i);
                    indices.push(x);
                    cycles[i] = n - i;
                } else {
                    let j = cycles[i];
                    indices.swap(i, n - j);
                    out.push(Value::tuple(
                        indices[..r].iter().map(|&i| pool[i].clone()).collect(),
                    ));
                    continue 'outer;
                }
            }
            break;
        }
    }
    Ok(native_iter(NativeIter::Values {
        items: out,
        index: 0,
    }))
}

fn it_combinations(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("combinations", args, 2, 2)?;
    let pool = interp.collect(args[0].clone())?;
    let r = interp.index_of(&args[1])?.max(0) as usize;
    let n = pool.len();
    let mut out = Vec::new();
    if r <= n {
        let mut idx: Vec<usize> = (0..r).collect();
        loop {
            out.push(Value::tuple(idx.iter().map(|&i| pool[i].clone()).collect()));
            let mut i = r;
            let mut found = false;
            while i > 0 {
                i -= 1;
                if idx[i] != i + n - r {
                    found = true;
                    break;
                }
            }
            if !found {
                break;
            }
            idx[i] += 1;
            for j in i + 1..r {
                idx[j] = idx[j - 1] + 1;
            }
        }
    }
    Ok(native_iter(NativeIter::Values {
        items: out,
        index: 0,
    }))
}

fn it_accumulate(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    check_args("accumulate", args, 1, 2)?;
    let func = args
        .get(1)
        .cloned()
        .or_else(|| super::kwarg(kwargs, "func"))
        .filter(|f| !f.is_none());
    let mut out = Vec::new();
    let mut acc: Option<Value> = super::kwarg(kwargs, "initial").filter(|v| !v.is_none());
    if let Some(a) = &acc {
        out.push(a.clone());
    }
    for v in interp.collect(args[0].clone())? {
        let next = match acc.take() {
            None => v,
            Some(a) => match &func {
                Some(f) => interp.call_value(f, &[a, v], None)?,
                None => interp.binary_op(0, a, v)?,
            },
        };
        out.push(next.clone());
        acc = Some(next);
    }
    Ok(native_iter(NativeIter::Values {
        items: out,
        index: 0,
    }))
}

fn it_zip_longest(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let fill = super::kwarg(kwargs, "fillvalue").unwrap_or(Value::None);
    let mut lists = Vec::new();
    for a in args {
        lists.push(interp.collect(a.clone())?);
    }
    let n = lists.iter().map(Vec::len).max().unwrap_or(0);
    let items = (0..n)
        .map(|i| {
            Value::tuple(
                lists
                    .iter()
                    .map(|l| l.get(i).cloned().unwrap_or_else(|| fill.clone()))
                    .collect(),
            )
        })
        .collect();
    Ok(native_iter(NativeIter::Values { items, index: 0 }))
}
