import __static__
from __static__ import CheckedList, CheckedDict, int64, clen


def f(xs: list, t: tuple, i: int64) -> int64:
    c = CheckedList[int]([1, 2])
    d = CheckedDict[str, int]({"a": 1})
    e = CheckedList[str]()
    y = c[i]
    return clen(xs) + clen(t) + clen(d)
