import __static__
from __static__ import int64, box

def neg(a: int64) -> int64:
    return -a

def inv(a: int64) -> int64:
    return ~a

print(box(neg(5)), box(neg(-7)), box(inv(0)), box(inv(10)))
