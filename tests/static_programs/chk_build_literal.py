import __static__
from __static__ import CheckedList, CheckedDict


def build() -> int:
    xs = CheckedList[int]([3, 1, 2])
    d = CheckedDict[str, int]({"a": 1, "b": 2})
    empty = CheckedList[str]()
    xs.append(10)
    empty.append("z")
    return sum(xs) + d["b"] + len(empty)


print(build())
