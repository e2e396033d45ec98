import __static__
class Counter:
    def __init__(self) -> None:
        self.count: int = 0

    def incr(self, by: int) -> None:
        self.count = self.count + by

    def get(self) -> int:
        return self.count

c = Counter()
for i in range(5):
    c.incr(i)
print(c.get())
