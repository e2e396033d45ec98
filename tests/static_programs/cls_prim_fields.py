import __static__
from __static__ import int64, box

class Acc:
    def __init__(self) -> None:
        self.total: int64 = 0

    def add(self, v: int64) -> None:
        self.total = self.total + v

    def value(self) -> int:
        return box(self.total)

a = Acc()
a.add(5)
a.add(7)
print(a.value())
