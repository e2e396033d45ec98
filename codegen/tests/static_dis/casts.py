import __static__
from __static__ import cast
from lib_plain import make


class C:
    pass


def f(x) -> C:
    y: int = make()
    return x


def g(x: object) -> C:
    return cast(C, x)
