import __static__
class Point:
    def __init__(self, x: int, y: int) -> None:
        self.x: int = x
        self.y: int = y

    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)

p = Point(3, -4)
print(p.x, p.y, p.norm1())
p.x = 10
print(p.norm1())
