import __static__
from __static__ import int64, box

def sign(x: int64) -> int64:
    if x > 0:
        return 1
    elif x < 0:
        return -1
    return 0

for v in [5, -3, 0]:
    print(box(sign(int64(v))))
