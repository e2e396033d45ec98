import __static__
from __static__ import int8, int64, double, cbool, box, clen
from typing import Final


def loop(n: int64) -> int64:
    total: int64 = 0
    i: int64 = 0
    while i < n:
        total += i * 2
        i += 1
    return total


def narrow(a: int8, b: int8) -> int8:
    return a + b


def mean(a: double, b: double) -> double:
    return (a + b) / 2.0


def positive(x: int64) -> cbool:
    return x > 0


def convert(x: int) -> int:
    y: int64 = int64(x)
    if positive(y):
        return box(-y)
    return box(y)


def size(xs: list) -> int64:
    return clen(xs)


LIMIT: Final[int] = 10


def under(x: int) -> bool:
    return x < LIMIT
