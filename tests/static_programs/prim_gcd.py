import __static__
from __static__ import int64, box

def gcd(a: int64, b: int64) -> int64:
    while b != 0:
        t: int64 = b
        b = a % b
        a = t
    return a

print(box(gcd(48, 36)), box(gcd(17, 5)), box(gcd(100, 75)))
