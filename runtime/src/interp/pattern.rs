//! Structural pattern matching support: `MATCH_SEQUENCE`, `MATCH_MAPPING`, `MATCH_KEYS`,
//! `MATCH_CLASS`.

use super::Interp;
use crate::object::{BaseKind, PyErr, PyResult, Value};

impl Interp {
    pub(crate) fn match_kind(&self, v: &Value, mapping: bool) -> bool {
        let kind = match v {
            Value::Instance(inst) => inst.class().base_kind,
            Value::List(_) => BaseKind::List,
            Value::Tuple(_) | Value::Range(_) => BaseKind::Tuple,
            Value::Dict(_) => BaseKind::Dict,
            _ => BaseKind::Other,
        };
        if mapping {
            kind == BaseKind::Dict
        } else {
            matches!(kind, BaseKind::List | BaseKind::Tuple)
        }
    }

    pub(crate) fn match_keys(&mut self, subject: &Value, keys: &Value) -> PyResult<Value> {
        let keys = self.collect(keys.clone())?;
        let mut values = Vec::with_capacity(keys.len());
        for k in keys {
            let found = match subject {
                Value::Dict(d) => self.dict_get(d, &k)?,
                other => match self.get_item(other, k) {
                    Ok(v) => Some(v),
                    Err(e) if self.err_is(&e, crate::object::ExcKind::KeyError) => None,
                    Err(e) => return Err(e),
                },
            };
            match found {
                Some(v) => values.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(Value::tuple(values))
    }

    pub(crate) fn match_class(
        &mut self,
        subject: &Value,
        klass: &Value,
        npos: usize,
        names: &Value,
    ) -> PyResult<Value> {
        let Value::Class(k) = klass else {
            return Err(PyErr::type_error("called match pattern must be a type"));
        };
        if !self.types.type_of(subject).is_subclass(k) {
            return Ok(Value::None);
        }
        let mut out = Vec::new();
        if npos > 0 {
            let self_match = k.is_builtin
                && !matches!(
                    k.base_kind,
                    BaseKind::Object | BaseKind::Exception | BaseKind::Other
                );
            if self_match && npos == 1 {
                out.push(subject.clone());
            } else {
                let args = k
                    .lookup_str("__match_args__")
                    .unwrap_or(Value::tuple(vec![]));
                let args = self.collect(args)?;
                if npos > args.len() {
                    return Err(PyErr::type_error(format!(
                        "{}() accepts {} positional sub-pattern{} ({npos} given)",
                        k.name(),
                        args.len(),
                        if args.len() == 1 { "" } else { "s" }
                    )));
                }
                for name in &args[..npos] {
                    match self.get_attr_opt(subject, name)? {
                        Some(v) => out.push(v),
                        None => return Ok(Value::None),
                    }
                }
            }
        }
        for name in self.collect(names.clone())? {
            match self.get_attr_opt(subject, &name)? {
                Some(v) => out.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(Value::tuple(out))
    }
}
