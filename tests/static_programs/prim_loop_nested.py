import __static__
from __static__ import int64, box

def grid(n: int64) -> int64:
    total: int64 = 0
    i: int64 = 0
    while i < n:
        j: int64 = 0
        while j < n:
            total += i * j
            j += 1
        i += 1
    return total

print(box(grid(10)))
print(box(grid(25)))
