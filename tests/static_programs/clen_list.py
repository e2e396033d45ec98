import __static__
from __static__ import int64, clen, box

def size(xs: list) -> int64:
    return clen(xs)

print(box(size([1, 2, 3])), box(size([])))
