//! The built-ins that run code given at run time: `exec`, `eval`, `compile` and
//! `__import__`. Input: source text or a code object, and the namespaces; output: the
//! result, through the interpreter's compile hook and eval loop.

use std::rc::Rc;

use super::{arg, arg_or_kw, check_args, def};
use crate::interp::{CompileMode, Interp};
use crate::object::{PyDict, PyErr, PyResult, PyStr, Value, new_dict};

type Kw = [(Rc<PyStr>, Value)];

/// Registers these functions in `builtins`.
pub(super) fn install(b: &Rc<PyDict>) {
    def(b, "exec", exec);
    def(b, "eval", eval);
    def(b, "compile", compile);
    def(b, "__import__", import);
}

fn code_arg(
    interp: &mut Interp,
    v: &Value,
    mode: CompileMode,
) -> PyResult<Rc<crate::interp::Code>> {
    match v {
        Value::Code(c) => Ok(c.clone()),
        Value::Str(s) => {
            let src = if mode == CompileMode::Eval {
                s.as_str().trim_start()
            } else {
                s.as_str()
            };
            interp.compile_source(src, "<string>", mode)
        }
        other => Err(PyErr::type_error(format!(
            "exec() arg 1 must be a string, bytes or code object, not {}",
            interp.types.type_of(other).name()
        ))),
    }
}

fn namespaces(
    interp: &mut Interp,
    args: &[Value],
) -> PyResult<(Rc<crate::object::PyDict>, Option<Value>)> {
    let globals = match args.get(1) {
        Some(Value::Dict(d)) => d.clone(),
        Some(Value::None) | None => {
            // Called without the caller's frame: a fresh namespace.
            let d = new_dict();
            d.set_item("__builtins__", Value::Dict(interp.builtins.clone()));
            d
        }
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "globals must be a dict, not {}",
                interp.types.type_of(other).name()
            )));
        }
    };
    let locals = args.get(2).filter(|v| !v.is_none()).cloned();
    Ok((globals, locals))
}

fn exec(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("exec", args, 1, 3)?;
    let code = code_arg(interp, &args[0], CompileMode::Exec)?;
    let (globals, locals) = namespaces(interp, args)?;
    interp.exec_code(code, globals, locals)?;
    Ok(Value::None)
}

fn eval(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("eval", args, 1, 3)?;
    let code = code_arg(interp, &args[0], CompileMode::Eval)?;
    let (globals, locals) = namespaces(interp, args)?;
    interp.exec_code(code, globals, locals)
}

fn compile(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let source = arg_or_kw(args, kwargs, 0, "source").unwrap_or_default();
    let filename = arg_or_kw(args, kwargs, 1, "filename").unwrap_or(Value::str("<string>"));
    let mode = arg_or_kw(args, kwargs, 2, "mode").unwrap_or(Value::str("exec"));
    let mode = match mode.as_str().map(|s| s.as_str()) {
        Some("exec") => CompileMode::Exec,
        Some("eval") => CompileMode::Eval,
        Some("single") => CompileMode::Single,
        _ => {
            return Err(PyErr::value_error(
                "compile() mode must be 'exec', 'eval' or 'single'",
            ));
        }
    };
    let Value::Str(src) = source else {
        return Err(PyErr::type_error("compile() arg 1 must be a string"));
    };
    let filename = interp.str_of(&filename)?;
    Ok(Value::Code(interp.compile_source(
        src.as_str(),
        &filename,
        mode,
    )?))
}

fn import(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let name = arg(args, 0, "__import__")?;
    let name = interp.str_of(name)?;
    let globals = arg_or_kw(args, kwargs, 1, "globals").unwrap_or(Value::None);
    let fromlist = arg_or_kw(args, kwargs, 3, "fromlist").unwrap_or(Value::None);
    let level = match arg_or_kw(args, kwargs, 4, "level") {
        Some(Value::Int(l)) => l.max(0) as usize,
        _ => 0,
    };
    interp.import_module_level(&name, &globals, &fromlist, level)
}
