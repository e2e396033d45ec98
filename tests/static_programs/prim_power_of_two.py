import __static__
from __static__ import int64, box

def pow2(n: int64) -> int64:
    r: int64 = 1
    i: int64 = 0
    while i < n:
        r = r << 1
        i += 1
    return r

print(box(pow2(10)), box(pow2(40)))
