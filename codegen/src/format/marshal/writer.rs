//! The marshal writer: a [`CodeObject`] or [`Constant`] to bytes, either replaying the
//! `FLAG_REF`/back-reference [`Layout`] recorded when the object was read (byte-for-byte
//! round trips) or, without one, interning identifier-like strings and sharing repeated
//! strings the way CPython's own output does.

use super::*;

pub(super) struct Writer<'l> {
    pub(super) out: Vec<u8>,
    layout: Option<&'l [ObjectLayout]>,
    cursor: usize,
    next_ref: u32,
    /// Default policy: strings already written with `FLAG_REF`, by (text, interned).
    shared: HashMap<(String, bool), u32>,
}

/// What the writer decided for one object.
struct Plan {
    flag: bool,
    interned: Option<bool>,
}

impl<'l> Writer<'l> {
    pub(super) fn new(layout: Option<&'l Layout>) -> Self {
        Writer {
            out: Vec::new(),
            layout: layout.map(|l| l.objects.as_slice()),
            cursor: 0,
            next_ref: 0,
            shared: HashMap::new(),
        }
    }

    fn i32(&mut self, value: i32) {
        self.out.extend_from_slice(&value.to_le_bytes());
    }

    fn len(&mut self, n: usize) {
        self.i32(n.min(i32::MAX as usize) as i32);
    }

    /// Consults the layout for the next object. Returns `None` when the object was written as
    /// a back-reference.
    fn plan(&mut self) -> Option<Plan> {
        let item = self.layout.and_then(|l| l.get(self.cursor)).copied();
        self.cursor += 1;
        match item {
            Some(ObjectLayout {
                back_ref: Some(index),
                ..
            }) => {
                self.out.push(TYPE_REF);
                self.i32(index as i32);
                None
            }
            Some(item) => Some(Plan {
                flag: item.flag_ref,
                interned: Some(item.interned),
            }),
            None => Some(Plan {
                flag: false,
                interned: None,
            }),
        }
    }

    fn tag(&mut self, code: u8, plan: &Plan) {
        if plan.flag {
            self.out.push(code | FLAG_REF);
            self.next_ref += 1;
        } else {
            self.out.push(code);
        }
    }

    pub(super) fn constant(&mut self, value: &Constant) {
        let interned_default = matches!(value, Constant::Str(s) if is_identifier_like(s));
        self.value(value, interned_default);
    }

    fn value(&mut self, value: &Constant, interned_default: bool) {
        let Some(mut plan) = self.plan() else { return };
        match value {
            Constant::None => self.tag(TYPE_NONE, &plan),
            Constant::Ellipsis => self.tag(TYPE_ELLIPSIS, &plan),
            Constant::Bool(true) => self.tag(TYPE_TRUE, &plan),
            Constant::Bool(false) => self.tag(TYPE_FALSE, &plan),
            Constant::Int(i) => match i32::try_from(*i) {
                Ok(small) => {
                    self.tag(TYPE_INT, &plan);
                    self.i32(small);
                }
                Err(_) => {
                    self.tag(TYPE_LONG, &plan);
                    self.long(&BigInt::from(*i));
                }
            },
            Constant::BigInt(big) => match i32::try_from(big) {
                Ok(small) => {
                    self.tag(TYPE_INT, &plan);
                    self.i32(small);
                }
                Err(_) => {
                    self.tag(TYPE_LONG, &plan);
                    self.long(big);
                }
            },
            Constant::Float(f) => {
                self.tag(TYPE_BINARY_FLOAT, &plan);
                self.out.extend_from_slice(&f.to_le_bytes());
            }
            Constant::Complex { real, imag } => {
                self.tag(TYPE_BINARY_COMPLEX, &plan);
                self.out.extend_from_slice(&real.to_le_bytes());
                self.out.extend_from_slice(&imag.to_le_bytes());
            }
            Constant::Str(text) => {
                let interned = plan.interned.unwrap_or(interned_default);
                if plan.interned.is_none() {
                    // Default policy: share repeated strings through back-references.
                    if let Some(index) = self.shared.get(&(text.clone(), interned)) {
                        self.out.push(TYPE_REF);
                        self.i32(*index as i32);
                        return;
                    }
                    self.shared.insert((text.clone(), interned), self.next_ref);
                    plan.flag = true;
                }
                self.string(text, interned, &plan);
            }
            Constant::Bytes(bytes) => {
                self.tag(TYPE_STRING, &plan);
                self.len(bytes.len());
                self.out.extend_from_slice(bytes);
            }
            Constant::Tuple(items) => {
                if items.len() < 256 {
                    self.tag(TYPE_SMALL_TUPLE, &plan);
                    self.out.push(items.len() as u8);
                } else {
                    self.tag(TYPE_TUPLE, &plan);
                    self.len(items.len());
                }
                for item in items {
                    self.constant(item);
                }
            }
            Constant::FrozenSet(items) => {
                self.tag(TYPE_FROZENSET, &plan);
                self.len(items.len());
                for item in items {
                    self.constant(item);
                }
            }
            Constant::Code(code) => {
                self.tag(TYPE_CODE, &plan);
                self.code_body(code);
            }
        }
    }

    fn string(&mut self, text: &str, interned: bool, plan: &Plan) {
        if text.is_ascii() {
            if text.len() < 256 {
                let code = if interned {
                    TYPE_SHORT_ASCII_INTERNED
                } else {
                    TYPE_SHORT_ASCII
                };
                self.tag(code, plan);
                self.out.push(text.len() as u8);
            } else {
                let code = if interned {
                    TYPE_ASCII_INTERNED
                } else {
                    TYPE_ASCII
                };
                self.tag(code, plan);
                self.len(text.len());
            }
        } else {
            let code = if interned {
                TYPE_INTERNED
            } else {
                TYPE_UNICODE
            };
            self.tag(code, plan);
            self.len(text.len());
        }
        self.out.extend_from_slice(text.as_bytes());
    }

    fn long(&mut self, value: &BigInt) {
        let (sign, mut magnitude) = (value.sign(), value.magnitude().clone());
        let mut digits = Vec::new();
        let mask = num_bigint::BigUint::from(0x7fffu32);
        while magnitude != num_bigint::BigUint::from(0u32) {
            let digit = (&magnitude & &mask)
                .to_u32_digits()
                .first()
                .copied()
                .unwrap_or(0);
            digits.push(digit as u16);
            magnitude >>= 15;
        }
        let n = digits.len() as i32;
        self.i32(if sign == Sign::Minus { -n } else { n });
        for digit in digits {
            self.out.extend_from_slice(&digit.to_le_bytes());
        }
    }

    fn strings(&mut self, items: &[String]) {
        let Some(plan) = self.plan() else { return };
        if items.len() < 256 {
            self.tag(TYPE_SMALL_TUPLE, &plan);
            self.out.push(items.len() as u8);
        } else {
            self.tag(TYPE_TUPLE, &plan);
            self.len(items.len());
        }
        for item in items {
            self.value(&Constant::Str(item.clone()), true);
        }
    }

    fn bytes(&mut self, bytes: &[u8]) {
        let Some(plan) = self.plan() else { return };
        self.tag(TYPE_STRING, &plan);
        self.len(bytes.len());
        self.out.extend_from_slice(bytes);
    }

    pub(super) fn code(&mut self, code: &CodeObject) {
        let Some(plan) = self.plan() else { return };
        self.tag(TYPE_CODE, &plan);
        self.code_body(code);
    }

    fn code_body(&mut self, code: &CodeObject) {
        self.i32(code.argcount as i32);
        self.i32(code.posonlyargcount as i32);
        self.i32(code.kwonlyargcount as i32);
        self.i32(code.stacksize as i32);
        self.i32(code.flags as i32);
        self.bytes(&code.code);
        // co_consts is a tuple object of its own.
        match self.plan() {
            None => {}
            Some(plan) => {
                if code.consts.len() < 256 {
                    self.tag(TYPE_SMALL_TUPLE, &plan);
                    self.out.push(code.consts.len() as u8);
                } else {
                    self.tag(TYPE_TUPLE, &plan);
                    self.len(code.consts.len());
                }
                for item in &code.consts {
                    self.constant(item);
                }
            }
        }
        self.strings(&code.names);
        self.strings(&code.localsplusnames);
        self.bytes(&code.localspluskinds);
        self.value(&Constant::Str(code.filename.clone()), false);
        self.value(&Constant::Str(code.name.clone()), true);
        self.value(&Constant::Str(code.qualname.clone()), true);
        self.i32(code.firstlineno as i32);
        self.bytes(&code.linetable);
        self.bytes(&code.exceptiontable);
    }
}
