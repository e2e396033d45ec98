//! The object model: every Python value the interpreter handles.
//!
//! Input: nothing (this is the vocabulary the rest of the runtime speaks). Output: [`Value`],
//! the tagged value that lives on the value stack, in locals and in containers.
//!
//! # Memory management
//!
//! Values are reference counted with `Rc`: a value is freed the moment its last reference goes
//! away, which is what CPython programs expect (files closed on drop, flat memory for loops that
//! build and drop structures). `None`, `bool`, machine-size `int` and `float` are stored inline
//! in the 16-byte [`Value`] and never allocate, so arithmetic on the hot path allocates nothing.
//! Reference cycles (a class and its methods' globals, an exception and its traceback frames)
//! are not reclaimed yet: a cycle collector that walks container objects is the planned
//! addition (every container already keeps its children in one `RefCell`, which is what a
//! trial-deletion collector needs to enumerate edges).
//!
//! Instances of classes whose layout is known (the static classes of issue 7) will carry a fixed
//! `slots` vector next to their `__dict__`; [`Instance::slots`] is that seam.

pub mod dict;
mod exception;
pub mod float;
pub mod int;
mod str;

pub use dict::{DictMap, Key, PyDict};
pub use exception::{ExcKind, PyErr, PyResult, TraceEntry};
pub use float::float_repr;
pub use int::{Int, big_to_value, int_hash};
pub use str::PyStr;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use num_bigint::BigInt;

use crate::interp::{Code, Frame, Interp};

/// A Python value. Small values are unboxed; everything else is an `Rc` to its payload.
#[derive(Clone, Default)]
pub enum Value {
    /// Internal marker: an unbound local, or CPython's NULL stack entry. Never visible to Python.
    #[default]
    Null,
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    /// An `int` that fits in 64 bits.
    Int(i64),
    /// An `int` outside the 64-bit range (always normalised: never fits in `i64`).
    Big(Rc<BigInt>),
    Float(f64),
    Complex(Rc<(f64, f64)>),
    Str(Rc<PyStr>),
    Bytes(Rc<Vec<u8>>),
    ByteArray(Rc<RefCell<Vec<u8>>>),
    Tuple(Rc<Vec<Value>>),
    List(Rc<RefCell<Vec<Value>>>),
    Dict(Rc<PyDict>),
    Set(Rc<PyDict>),
    FrozenSet(Rc<PyDict>),
    Range(Rc<Range>),
    Slice(Rc<[Value; 3]>),
    Function(Rc<Function>),
    /// A bound method: (function, self).
    Method(Rc<(Value, Value)>),
    Builtin(Rc<Builtin>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Module(Rc<Module>),
    Cell(Rc<RefCell<Value>>),
    Code(Rc<Code>),
    Generator(Rc<Generator>),
    Iter(Rc<RefCell<NativeIter>>),
    Property(Rc<[Value; 4]>),
    StaticMethod(Rc<Value>),
    ClassMethod(Rc<Value>),
    /// A dict view: the dict and which view (0 keys, 1 values, 2 items).
    View(Rc<(Rc<PyDict>, u8)>),
    /// `super()`: (the class after which to search, the object).
    Super(Rc<(Rc<Class>, Value)>),
}

/// `range(start, stop, step)`; `step` is never zero.
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn len(&self) -> i64 {
        if self.step > 0 && self.start < self.stop {
            (self.stop - self.start - 1) / self.step + 1
        } else if self.step < 0 && self.start > self.stop {
            (self.start - self.stop - 1) / (-self.step) + 1
        } else {
            0
        }
    }
}

/// A native function: a builtin, or a method of a builtin type (then `args[0]` is `self`).
pub type NativeFn = fn(&mut Interp, &[Value], &[(Rc<PyStr>, Value)]) -> PyResult<Value>;

pub struct Builtin {
    pub name: &'static str,
    pub func: NativeFn,
    /// Set for a method bound to its receiver (`[].append`); passed as the first argument.
    pub bound: Option<Value>,
}

/// A Python function: code plus the environment it closes over.
pub struct Function {
    pub code: Rc<Code>,
    pub globals: Rc<PyDict>,
    pub name: RefCell<Rc<PyStr>>,
    pub qualname: RefCell<Rc<PyStr>>,
    pub defaults: RefCell<Option<Rc<Vec<Value>>>>,
    pub kwdefaults: RefCell<Option<Rc<PyDict>>>,
    pub closure: Option<Rc<Vec<Value>>>,
    pub annotations: RefCell<Value>,
    pub dict: Rc<PyDict>,
    pub doc: RefCell<Value>,
    pub module: Value,
}

/// Which built-in representation instances of a class (and its subclasses) carry.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BaseKind {
    Object,
    Exception,
    Int,
    Float,
    Str,
    Tuple,
    List,
    Dict,
    Set,
    Other,
}

/// A class object. `mro[0]` is the class itself.
pub struct Class {
    pub name: RefCell<Rc<PyStr>>,
    pub qualname: RefCell<Rc<PyStr>>,
    pub bases: RefCell<Vec<Rc<Class>>>,
    pub mro: RefCell<Vec<Rc<Class>>>,
    pub dict: Rc<PyDict>,
    pub metaclass: RefCell<Option<Rc<Class>>>,
    pub base_kind: BaseKind,
    /// `__slots__` names, when the class (and all its bases) declared them.
    pub slot_names: Option<Vec<Rc<PyStr>>>,
    /// Bumped on every change to this class's dict or one of its bases, for inline caches.
    pub version: Cell<u64>,
    pub is_builtin: bool,
    /// Recent MRO lookups (see [`Class::lookup`]); allocated on first use.
    pub lookup_cache: RefCell<Vec<LookupEntry>>,
    /// The fixed instance layout of a static class (issue 7), and of classes derived from one.
    pub layout: Option<Rc<crate::static_rt::layout::Layout>>,
}

/// A cached result of a lookup along a class's MRO (see [`Class::lookup`]).
pub struct LookupEntry {
    name: Option<Rc<PyStr>>,
    epoch: u64,
    value: Option<Value>,
}

/// Entries of each class's lookup cache (direct-mapped by the name's address).
const LOOKUP_CACHE_SIZE: usize = 32;

/// The type epoch: every change to any class dict, and every class creation, starts a new
/// one, which invalidates every class's lookup cache at once. A plain static (the runtime is
/// single-threaded; the atomic only makes the static safe), so reading it costs one load.
static TYPE_EPOCH: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Invalidates every cached class lookup (a class dict changed, or a class was created).
pub fn bump_type_epoch() {
    TYPE_EPOCH.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
}

impl Class {
    /// Looks `name` up along the MRO, through the class's cache (CPython's method cache,
    /// kept per class): interned names make a hit one pointer comparison.
    pub fn lookup(&self, name: &Value) -> Option<Value> {
        let Value::Str(key) = name else {
            return self.lookup_uncached(name);
        };
        let epoch = TYPE_EPOCH.load(std::sync::atomic::Ordering::Relaxed);
        let addr = Rc::as_ptr(key) as usize;
        let slot = ((addr >> 4) ^ (addr >> 9)) & (LOOKUP_CACHE_SIZE - 1);
        if let Ok(cache) = self.lookup_cache.try_borrow()
            && let Some(e) = cache.get(slot)
            && e.epoch == epoch
            && e.name.as_ref().is_some_and(|n| Rc::ptr_eq(n, key))
        {
            return e.value.clone();
        }
        let value = self.lookup_uncached(name);
        if let Ok(mut cache) = self.lookup_cache.try_borrow_mut() {
            if cache.is_empty() {
                cache.extend((0..LOOKUP_CACHE_SIZE).map(|_| LookupEntry {
                    name: None,
                    epoch: 0,
                    value: None,
                }));
            }
            if let Some(e) = cache.get_mut(slot) {
                let old = std::mem::replace(
                    e,
                    LookupEntry {
                        name: Some(key.clone()),
                        epoch,
                        value: value.clone(),
                    },
                );
                drop(cache);
                drop(old);
            }
        }
        value
    }

    fn lookup_uncached(&self, name: &Value) -> Option<Value> {
        if let Some(v) = self.dict.get_str(name) {
            return Some(v);
        }
        let mro = self.mro.borrow();
        for klass in mro.iter().skip(1) {
            if let Some(v) = klass.dict.get_str(name) {
                return Some(v);
            }
        }
        None
    }

    pub fn lookup_str(&self, name: &str) -> Option<Value> {
        self.lookup(&Value::Str(PyStr::intern(name)))
    }

    pub fn is_subclass(self: &Rc<Class>, other: &Rc<Class>) -> bool {
        Rc::ptr_eq(self, other) || self.mro.borrow().iter().any(|k| Rc::ptr_eq(k, other))
    }

    pub fn name(&self) -> String {
        self.name.borrow().as_str().to_owned()
    }
}

/// An instance of a user class (or of a built-in exception class).
pub struct Instance {
    pub class: RefCell<Rc<Class>>,
    pub dict: Option<Rc<PyDict>>,
    /// Fixed slots (`__slots__`, and later static fields at known offsets).
    pub slots: RefCell<Vec<Value>>,
    /// The built-in value of a subclass of a built-in type (`class L(list)`), if any.
    pub base_value: RefCell<Value>,
    /// For exceptions: the traceback entries collected while the exception propagated.
    pub traceback: RefCell<Vec<TraceEntry>>,
}

impl Instance {
    pub fn class(&self) -> Rc<Class> {
        self.class.borrow().clone()
    }
}

pub struct Module {
    pub name: Rc<PyStr>,
    pub dict: Rc<PyDict>,
    /// A strict or static module after its body ran: its attributes cannot be rebound from
    /// outside (issue 7).
    pub frozen: Cell<bool>,
}

/// A generator, coroutine or async generator: a suspended frame.
pub struct Generator {
    pub frame: RefCell<Option<Box<Frame>>>,
    pub running: Cell<bool>,
    pub name: Rc<PyStr>,
    pub qualname: Rc<PyStr>,
    pub kind: GenKind,
}

thread_local! {
    /// Suspended generator frames dropped inside a `try`/`with` block: the interpreter closes
    /// them (throws `GeneratorExit`) at its next safe point, as CPython does on finalisation.
    #[allow(clippy::vec_box)] // Frames are large and are moved in and out of this queue.
    pub static PENDING_CLOSE: RefCell<Vec<Box<Frame>>> = const { RefCell::new(Vec::new()) };
}

/// Whether a dropped generator frame waits to be closed (a cheap check for the eval loop).
#[inline]
pub fn has_pending_close() -> bool {
    PENDING_CLOSE
        .try_with(|p| !p.borrow().is_empty())
        .unwrap_or(false)
}

impl Drop for Generator {
    fn drop(&mut self) {
        if let Some(frame) = self.frame.get_mut().take()
            && frame.pc > 0
            && frame.code.handler_for(frame.last_pc).is_some()
        {
            let _ = PENDING_CLOSE.try_with(|p| p.borrow_mut().push(frame));
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

/// Iterators over built-in containers and the lazy built-ins (`map`, `zip`, `enumerate`, ...).
pub enum NativeIter {
    Seq {
        seq: Value,
        index: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    Str {
        s: Rc<PyStr>,
        byte: usize,
    },
    DictKeys {
        dict: Rc<PyDict>,
        index: usize,
        kind: u8,
    },
    Enumerate {
        iter: Value,
        count: Value,
    },
    Zip {
        iters: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    Filter {
        func: Value,
        iter: Value,
    },
    Reversed {
        seq: Value,
        index: usize,
    },
    Callable {
        func: Value,
        sentinel: Value,
    },
    Values {
        items: Vec<Value>,
        index: usize,
    },
    Count {
        next: Value,
        step: Value,
    },
    Cycle {
        iter: Value,
        saved: Vec<Value>,
        index: usize,
        exhausted: bool,
    },
    Chain {
        iters: Vec<Value>,
        current: Value,
        from_iterable: bool,
    },
    Repeat {
        value: Value,
        remaining: Option<i64>,
    },
    Exhausted,
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(PyStr::new(s))
    }

    pub fn from_string(s: String) -> Value {
        Value::Str(PyStr::from_string(s))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(items))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    pub fn as_str(&self) -> Option<&Rc<PyStr>> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Identity (`is`).
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (Null, Null)
            | (None, None)
            | (NotImplemented, NotImplemented)
            | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Big(a), Big(b)) => Rc::ptr_eq(a, b),
            (Complex(a), Complex(b)) => Rc::ptr_eq(a, b),
            (Str(a), Str(b)) => {
                Rc::ptr_eq(a, b) || (a.len_bytes() <= 1 && a.as_str() == b.as_str())
            }
            (Bytes(a), Bytes(b)) => Rc::ptr_eq(a, b),
            (ByteArray(a), ByteArray(b)) => Rc::ptr_eq(a, b),
            (Tuple(a), Tuple(b)) => Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty()),
            (List(a), List(b)) => Rc::ptr_eq(a, b),
            (Dict(a), Dict(b)) | (Set(a), Set(b)) | (FrozenSet(a), FrozenSet(b)) => {
                Rc::ptr_eq(a, b)
            }
            (Range(a), Range(b)) => Rc::ptr_eq(a, b),
            (Slice(a), Slice(b)) => Rc::ptr_eq(a, b),
            (Function(a), Function(b)) => Rc::ptr_eq(a, b),
            (Method(a), Method(b)) => Rc::ptr_eq(a, b),
            (Builtin(a), Builtin(b)) => Rc::ptr_eq(a, b),
            (Class(a), Class(b)) => Rc::ptr_eq(a, b),
            (Instance(a), Instance(b)) => Rc::ptr_eq(a, b),
            (Module(a), Module(b)) => Rc::ptr_eq(a, b),
            (Cell(a), Cell(b)) => Rc::ptr_eq(a, b),
            (Code(a), Code(b)) => Rc::ptr_eq(a, b),
            (Generator(a), Generator(b)) => Rc::ptr_eq(a, b),
            (Iter(a), Iter(b)) => Rc::ptr_eq(a, b),
            (Property(a), Property(b)) => Rc::ptr_eq(a, b),
            (StaticMethod(a), StaticMethod(b)) => Rc::ptr_eq(a, b),
            (ClassMethod(a), ClassMethod(b)) => Rc::ptr_eq(a, b),
            (Super(a), Super(b)) => Rc::ptr_eq(a, b),
            (View(a), View(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// A stable identity number for `id()` and default `repr`.
    pub fn id(&self) -> i64 {
        use Value::*;
        let p: *const u8 = match self {
            Big(a) => Rc::as_ptr(a).cast(),
            Complex(a) => Rc::as_ptr(a).cast(),
            Str(a) => Rc::as_ptr(a).cast(),
            Bytes(a) => Rc::as_ptr(a).cast(),
            ByteArray(a) => Rc::as_ptr(a).cast(),
            Tuple(a) => Rc::as_ptr(a).cast(),
            List(a) => Rc::as_ptr(a).cast(),
            Dict(a) | Set(a) | FrozenSet(a) => Rc::as_ptr(a).cast(),
            Range(a) => Rc::as_ptr(a).cast(),
            Slice(a) => Rc::as_ptr(a).cast(),
            Function(a) => Rc::as_ptr(a).cast(),
            Method(a) => Rc::as_ptr(a).cast(),
            Builtin(a) => Rc::as_ptr(a).cast(),
            Class(a) => Rc::as_ptr(a).cast(),
            Instance(a) => Rc::as_ptr(a).cast(),
            Module(a) => Rc::as_ptr(a).cast(),
            Cell(a) => Rc::as_ptr(a).cast(),
            Code(a) => Rc::as_ptr(a).cast(),
            Generator(a) => Rc::as_ptr(a).cast(),
            Iter(a) => Rc::as_ptr(a).cast(),
            Property(a) => Rc::as_ptr(a).cast(),
            StaticMethod(a) | ClassMethod(a) => Rc::as_ptr(a).cast(),
            Super(a) => Rc::as_ptr(a).cast(),
            View(a) => Rc::as_ptr(a).cast(),
            Null => return 0,
            None => return 1_000_000,
            NotImplemented => return 1_000_016,
            Ellipsis => return 1_000_032,
            Bool(b) => return 1_000_048 + i64::from(*b) * 16,
            Int(i) => return 2_000_000i64.wrapping_add(i.wrapping_mul(32)),
            Float(f) => return (f.to_bits() >> 4) as i64,
        };
        p as usize as i64
    }
}

/// Builds a dict, set or frozenset map from a list of already-hashed keys.
pub fn new_dict() -> Rc<PyDict> {
    Rc::new(PyDict::default())
}
