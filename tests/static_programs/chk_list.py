import __static__
from __static__ import CheckedList

def build(n: int) -> CheckedList[int]:
    xs = CheckedList[int]()
    for i in range(n):
        xs.append(i * i)
    return xs

xs = build(6)
print(list(xs), len(xs), xs[2])
