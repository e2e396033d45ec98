"""Static Python: typed classes become slotted, primitives are unboxed machine values."""

import __static__

from __static__ import box, int64


class Point:
    def __init__(self, x: int, y: int) -> None:
        self.x: int = x
        self.y: int = y

    def manhattan(self) -> int:
        return abs(self.x) + abs(self.y)


def sum_to(n: int) -> int:
    total: int64 = 0
    i: int64 = 0
    limit: int64 = int64(n)
    while i < limit:
        total += i
        i += 1
    return box(total)


def main() -> None:
    p = Point(3, -4)
    print(p.manhattan(), sum_to(100))


main()
