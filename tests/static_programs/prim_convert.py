import __static__
from __static__ import int64, int32, int16, box

def widen(a: int16) -> int64:
    b: int64 = int64(a)
    return b + 1

def narrow(a: int64) -> int32:
    return int32(a)

print(box(widen(300)))
print(box(narrow(1000)))
