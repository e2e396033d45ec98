import __static__
from __static__ import int64, cbool, box

def is_even(n: int64) -> cbool:
    return n % 2 == 0

def count_even(n: int64) -> int64:
    c: int64 = 0
    i: int64 = 0
    while i < n:
        if is_even(i):
            c += 1
        i += 1
    return c

print(box(count_even(11)))
print(box(is_even(4)), box(is_even(7)))
