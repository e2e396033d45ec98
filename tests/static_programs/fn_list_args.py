import __static__
from typing import List

def total(xs: List[int]) -> int:
    t = 0
    for x in xs:
        t += x
    return t

print(total([1, 2, 3, 4]))
