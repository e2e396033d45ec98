import __static__
from __static__ import box, double, int64, int8


class Counter:
    def __init__(self) -> None:
        self.total: double = 0.0
        self.hits: int64 = 0
        self.small: int8 = 100
        self.label: str = "c"

    def bump(self, by: double) -> None:
        self.total += by
        self.hits += 1
        self.small += 5
        self.label += "+"


def run() -> None:
    c = Counter()
    for i in range(4):
        c.bump(i * 0.5)
    c.total *= 2.0
    c.hits -= 1
    print(box(c.total), box(c.hits), box(c.small), c.label)


run()
