//! `_random`: CPython's Mersenne Twister (MT19937), bit for bit, so that a seeded program
//! prints the same numbers as under CPython.
//!
//! Input: seeds (ints; the Python layer turns other objects into ints as CPython's C code
//! does), state tuples. Output: the `_random` module, whose `Random` class keeps its 624-word
//! state plus position in a `bytearray` and calls the native kernels below.

use std::cell::RefCell;

use num_bigint::{BigInt, Sign};

use crate::builtins::def;
use crate::interp::Interp;
use crate::object::int::{Int, big_to_value};
use crate::object::{PyErr, PyResult, PyStr, Value};

type Kw = [(std::rc::Rc<PyStr>, Value)];

const N: usize = 624;
const M: usize = 397;

/// The generator: 624 words and the index of the next one to use.
struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        let len = key.len().max(1);
        for _ in 0..N.max(len) {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key.get(j).copied().unwrap_or(0))
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
        }
        self.state[0] = 0x8000_0000;
        self.index = N;
    }

    fn next_u32(&mut self) -> u32 {
        const MAG: [u32; 2] = [0, 0x9908_b0df];
        if self.index >= N {
            for k in 0..N {
                let y = (self.state[k] & 0x8000_0000) | (self.state[(k + 1) % N] & 0x7fff_ffff);
                self.state[k] = self.state[(k + M) % N] ^ (y >> 1) ^ MAG[(y & 1) as usize];
            }
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }
}

/// Reads the generator out of its `bytearray` (624 words, then the index), runs `f`, and
/// writes it back.
fn with_mt<T>(holder: &Value, f: impl FnOnce(&mut Mt) -> T) -> PyResult<T> {
    let Value::ByteArray(bytes) = holder else {
        return Err(PyErr::type_error("Random state is not initialised"));
    };
    let mut mt = Mt {
        state: [0; N],
        index: N,
    };
    {
        let b = bytes.borrow();
        if b.len() != (N + 1) * 4 {
            return Err(PyErr::type_error("Random state is not initialised"));
        }
        for (i, w) in b.chunks_exact(4).enumerate() {
            let word = u32::from_le_bytes([w[0], w[1], w[2], w[3]]);
            if i < N {
                mt.state[i] = word;
            } else {
                mt.index = (word as usize).min(N);
            }
        }
    }
    let out = f(&mut mt);
    store(bytes, &mt);
    Ok(out)
}

fn store(bytes: &RefCell<Vec<u8>>, mt: &Mt) {
    let mut b = bytes.borrow_mut();
    b.clear();
    for w in mt.state.iter() {
        b.extend_from_slice(&w.to_le_bytes());
    }
    b.extend_from_slice(&(mt.index as u32).to_le_bytes());
}

fn holder_arg(args: &[Value], name: &str, n: usize) -> PyResult<()> {
    if args.len() != n {
        return Err(PyErr::type_error(format!(
            "{name}() takes {} arguments",
            n - 1
        )));
    }
    Ok(())
}

/// `_mt_new()`: a fresh (unseeded) state holder.
fn mt_new(_: &mut Interp, _: &[Value], _: &Kw) -> PyResult<Value> {
    let holder = Value::ByteArray(std::rc::Rc::new(RefCell::new(vec![0; (N + 1) * 4])));
    Ok(holder)
}

/// `_mt_seed(holder, n)`: seeds from the absolute value of the int `n`, or from the clock
/// when `n` is None.
fn mt_seed(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    holder_arg(args, "seed", 2)?;
    let key: Vec<u32> = match Int::of(&args[1]) {
        Some(n) => {
            let (_, digits) = n.to_big().to_u32_digits();
            if digits.is_empty() { vec![0] } else { digits }
        }
        None => {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default();
            let nanos = now.as_nanos();
            let pid = std::process::id();
            vec![
                nanos as u32,
                (nanos >> 32) as u32,
                (nanos >> 64) as u32,
                pid,
            ]
        }
    };
    with_mt(&args[0], |mt| mt.init_by_array(&key))?;
    Ok(Value::None)
}

/// `_mt_random(holder)`: a float in [0, 1) with 53 random bits.
fn mt_random(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    holder_arg(args, "random", 1)?;
    let x = with_mt(&args[0], |mt| {
        let a = mt.next_u32() >> 5;
        let b = mt.next_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    })?;
    Ok(Value::Float(x))
}

/// `_mt_getrandbits(holder, k)`: an int with `k` random bits.
fn mt_getrandbits(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    holder_arg(args, "getrandbits", 2)?;
    let k = interp.index_of(&args[1])?;
    if k < 0 {
        return Err(PyErr::value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::Int(0));
    }
    if k <= 32 {
        let r = with_mt(&args[0], |mt| mt.next_u32() >> (32 - k))?;
        return Ok(Value::Int(i64::from(r)));
    }
    let words = with_mt(&args[0], |mt| {
        let mut out = Vec::new();
        let mut left = k;
        while left > 0 {
            let mut r = mt.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out.push(r);
            left -= 32;
        }
        out
    })?;
    Ok(big_to_value(BigInt::from_slice(Sign::Plus, &words)))
}

/// `_mt_getstate(holder)`: CPython's state tuple (624 words and the index).
fn mt_getstate(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    holder_arg(args, "getstate", 1)?;
    let items = with_mt(&args[0], |mt| {
        let mut items: Vec<Value> = mt.state.iter().map(|&w| Value::Int(i64::from(w))).collect();
        items.push(Value::Int(mt.index as i64));
        items
    })?;
    Ok(Value::tuple(items))
}

/// `_mt_setstate(holder, state)`: the inverse of `_mt_getstate`.
fn mt_setstate(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    holder_arg(args, "setstate", 2)?;
    let Value::Tuple(items) = &args[1] else {
        return Err(PyErr::type_error("state vector must be a tuple"));
    };
    if items.len() != N + 1 {
        return Err(PyErr::value_error("state vector is the wrong size"));
    }
    let mut words = [0u32; N];
    for (w, v) in words.iter_mut().zip(items.iter()) {
        let n = match Int::of(v) {
            Some(n) => n.to_big(),
            None => return Err(PyErr::type_error("state vector items must be integers")),
        };
        *w = u32::try_from(n).map_err(|_| {
            PyErr::new(
                crate::object::ExcKind::OverflowError,
                "Python int too large to convert to C unsigned long",
            )
        })?;
    }
    let index = interp.index_of(&items[N])?;
    if !(0..=N as i64).contains(&index) {
        return Err(PyErr::value_error("invalid state"));
    }
    with_mt(&args[0], |mt| {
        mt.state = words;
        mt.index = index as usize;
    })?;
    Ok(Value::None)
}

const SRC: &str = r#"
class Random:
    def __new__(cls, *args, **kwargs):
        if cls is Random and kwargs:
            raise TypeError("Random() takes no keyword arguments")
        if len(args) > 1:
            raise TypeError(f"Random() expected at most 1 argument, got {len(args)}")
        self = object.__new__(cls)
        self._mt = _mt_new()
        Random.seed(self, args[0] if args else None)
        return self

    def __init__(self, *args, **kwargs):
        pass

    def seed(self, n=None):
        if n is not None and not isinstance(n, int):
            n = hash(n)
        if n is not None:
            n = abs(n)
        _mt_seed(self._mt, n)

    def random(self):
        return _mt_random(self._mt)

    def getrandbits(self, k):
        return _mt_getrandbits(self._mt, k)

    def getstate(self):
        return _mt_getstate(self._mt)

    def setstate(self, state):
        _mt_setstate(self._mt, state)

Random.__module__ = "_random"
"#;

pub fn module(interp: &mut Interp) -> Option<Value> {
    super::py_module(interp, "_random", SRC, |d| {
        def(d, "_mt_new", mt_new);
        def(d, "_mt_seed", mt_seed);
        def(d, "_mt_random", mt_random);
        def(d, "_mt_getrandbits", mt_getrandbits);
        def(d, "_mt_getstate", mt_getstate);
        def(d, "_mt_setstate", mt_setstate);
    })
}
