import __static__
from __static__ import int64, box

def double_it(x: int) -> int:
    y: int64 = int64(x)
    y = y * 2
    return box(y)

print(double_it(21))
print(double_it(-8))
