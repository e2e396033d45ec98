import __static__
from __static__ import int64

def triple(x: int64) -> int64:
    return x * 3
