import __static__
from __static__ import inline, int64


@inline
def add1(x: int) -> int:
    return x + 1


@inline
def scale(a: int64, b: int64) -> int64:
    return a * b + 1


def use(y: int, n: int64) -> int64:
    z = add1(y)
    return scale(n, 3)


print(add1(0))
