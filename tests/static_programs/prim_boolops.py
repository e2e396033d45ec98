import __static__
from __static__ import int64, box

def inside(x: int64, lo: int64, hi: int64) -> bool:
    if x >= lo and x < hi:
        return True
    return False

def outside(x: int64, lo: int64, hi: int64) -> bool:
    if x < lo or x >= hi:
        return True
    return False

print(inside(3, 0, 5), inside(7, 0, 5), outside(3, 0, 5), outside(-1, 0, 5))
