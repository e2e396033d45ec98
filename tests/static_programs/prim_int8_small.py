import __static__
from __static__ import int8, int64, box

def add8(a: int8, b: int8) -> int8:
    return a + b

print(box(add8(10, 20)), box(add8(-5, 3)))
