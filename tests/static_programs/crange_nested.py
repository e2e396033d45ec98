import __static__
from __static__ import int64, crange, box

def tri(n: int64) -> int64:
    t: int64 = 0
    for i in crange(n):
        for j in crange(i):
            t += 1
    return t

print(box(tri(10)))
