import __static__
from __static__ import CheckedDict, int64, box, clen


def sizes(s: str, t: tuple, d: dict, st: set) -> None:
    cd = CheckedDict[int, int]({1: 2})
    print(box(clen(s)), box(clen(t)), box(clen(d)), box(clen(st)), box(clen(cd)))


sizes("hello", (1, 2), {"a": 1}, {1, 2, 3})
