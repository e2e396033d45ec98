import __static__
from __static__ import int64, box

def total(n: int64) -> int64:
    s: int64 = 0
    i: int64 = 0
    while i < n:
        s += i
        i += 1
    return s

print(box(total(100)))
print(box(total(0)))
