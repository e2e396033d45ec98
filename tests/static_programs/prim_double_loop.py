import __static__
from __static__ import double, int64, box

def harmonic(n: int64) -> double:
    s: double = 0.0
    i: int64 = 1
    while i <= n:
        s = s + 1.0 / double(i)
        i += 1
    return s

print(round(box(harmonic(10)), 6))
