import __static__
from typing import Final

STEP: Final[int] = 3

def count(n: int) -> int:
    c = 0
    i = 0
    while i < n:
        c += 1
        i += STEP
    return c

print(count(10), count(30))
