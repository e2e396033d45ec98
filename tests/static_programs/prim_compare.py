import __static__
from __static__ import int64, box, cbool

def cmp(a: int64, b: int64) -> None:
    print(box(a < b), box(a <= b), box(a > b), box(a >= b), box(a == b), box(a != b))

cmp(1, 2)
cmp(3, 3)
cmp(5, -4)
