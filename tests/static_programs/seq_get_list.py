import __static__
from __static__ import CheckedList, int64, box, clen


def total(xs: list, cl: CheckedList[int]) -> int:
    t = 0
    i: int64 = 0
    n: int64 = clen(xs)
    while i < n:
        t += xs[i] + cl[i]
        i += 1
    return t


def last(xs: list) -> object:
    i: int64 = -1
    return xs[i]


print(total([1, 2, 3], CheckedList[int]([10, 20, 30])))
print(last(["a", "b", "c"]))
