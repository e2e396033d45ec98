import __static__
from __static__ import int64, box
from lib_prims import triple

def use(x: int64) -> int64:
    return triple(x) + 1

print(box(use(5)))
