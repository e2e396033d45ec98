import __static__
from __static__ import int64, clen, box

def total(xs: list) -> int:
    n: int64 = clen(xs)
    i: int64 = 0
    t = 0
    while i < n:
        t += xs[box(i)]
        i += 1
    return t

print(total([5, 6, 7]))
