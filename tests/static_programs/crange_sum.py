import __static__
from __static__ import int64, crange, box

def s(n: int64) -> int64:
    t: int64 = 0
    for i in crange(n):
        t += i
    return t

print(box(s(10)), box(s(1000)))
