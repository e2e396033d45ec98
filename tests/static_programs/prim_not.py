import __static__
from __static__ import int64, cbool, box

def is_zero(x: int64) -> bool:
    if not x:
        return True
    return False

print(is_zero(0), is_zero(3))
