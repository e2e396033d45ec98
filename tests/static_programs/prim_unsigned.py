import __static__
from __static__ import uint32, uint64, box

def f(a: uint32, b: uint32) -> uint32:
    return a + b

def g(a: uint64) -> uint64:
    return a * 3

print(box(f(10, 20)))
print(box(g(14)))
