import __static__
from __static__ import int64, box

def ops(a: int64, b: int64) -> None:
    print(box(a + b), box(a - b), box(a * b))
    print(box(a & b), box(a | b), box(a ^ b))
    print(box(a << 2), box(a >> 1))

ops(12, 5)
ops(100, 7)
