import __static__
from __static__ import inline, int64, double, box


@inline
def mix(a: int64, b: int64) -> int64:
    return a * 10 + b


@inline
def half(x: double) -> double:
    return x / 2.0


def run(n: int64) -> int64:
    t: int64 = 0
    i: int64 = 0
    while i < n:
        t = mix(t % 1000, i)
        i += 1
    return t


print(box(run(50)), box(half(5.0)), box(mix(1, 2)))
