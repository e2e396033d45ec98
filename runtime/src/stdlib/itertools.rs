//! The part of `itertools` that the runtime's native module does not provide yet:
//! `starmap`, `compress`, `dropwhile`, `takewhile`, `filterfalse`, `groupby`, `tee`,
//! `pairwise`, `combinations_with_replacement`.
//!
//! Input: the `itertools` module dict being built. Output: the same dict with these lazy
//! iterators added (as generator functions compiled through the compile hook), each
//! consuming its input exactly as CPython's does.

use crate::interp::Interp;
use crate::object::PyDict;

const SRC: &str = r#"
def starmap(function, iterable):
    for args in iterable:
        yield function(*args)

def compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d

def dropwhile(predicate, iterable):
    it = iter(iterable)
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x

def takewhile(predicate, iterable):
    for x in iterable:
        if predicate(x):
            yield x
        else:
            break

def filterfalse(predicate, iterable):
    if predicate is None:
        predicate = bool
    for x in iterable:
        if not predicate(x):
            yield x

class groupby:
    def __init__(self, iterable, key=None):
        self._keyfunc = key
        self._it = iter(iterable)
        self._tgtkey = self._currkey = self._currvalue = _marker = object()
        self._marker = _marker

    def __iter__(self):
        return self

    def __next__(self):
        self._id = object()
        while self._currkey is self._marker or self._currkey == self._tgtkey:
            self._step()
        self._tgtkey = self._currkey
        return (self._currkey, self._grouper(self._tgtkey, self._id))

    def _step(self):
        self._currvalue = next(self._it)
        self._currkey = self._currvalue if self._keyfunc is None else self._keyfunc(self._currvalue)

    def _grouper(self, tgtkey, id):
        while self._id is id and self._currkey == tgtkey:
            yield self._currvalue
            try:
                self._step()
            except StopIteration:
                return

def tee(iterable, n=2):
    if n < 0:
        raise ValueError("n must be >= 0")
    it = iter(iterable)
    buffers = [[] for _ in range(n)]
    def gen(mine):
        while True:
            if not mine:
                try:
                    value = next(it)
                except StopIteration:
                    return
                for b in buffers:
                    b.append(value)
            yield mine.pop(0)
    return tuple(gen(b) for b in buffers)

def pairwise(iterable):
    it = iter(iterable)
    for a in it:
        for b in it:
            yield a, b
            a = b
        break

def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r < 0:
        raise ValueError("r must be non-negative")
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)
"#;

/// Adds the iterators above to `itertools` (the dict of the runtime's native module).
pub fn add_to(interp: &mut Interp, d: &PyDict) {
    let module = interp.new_module("itertools", None);
    if super::run_source(interp, &module, SRC, "<itertools>").is_ok() {
        for name in [
            "starmap",
            "compress",
            "dropwhile",
            "takewhile",
            "filterfalse",
            "groupby",
            "tee",
            "pairwise",
            "combinations_with_replacement",
        ] {
            if let Some(v) = module.dict.get_item(name) {
                d.set_item(name, v);
            }
        }
    }
}
