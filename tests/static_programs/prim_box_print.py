import __static__
from __static__ import int64, double, box

def f() -> None:
    a: int64 = 7
    d: double = 2.5
    print(box(a), box(d), box(a) * 2)

f()
