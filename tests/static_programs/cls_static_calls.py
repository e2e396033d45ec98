import __static__
class Vec:
    def __init__(self, x: float, y: float) -> None:
        self.x: float = x
        self.y: float = y

    def add(self, o: "Vec") -> "Vec":
        return Vec(self.x + o.x, self.y + o.y)

    def dot(self, o: "Vec") -> float:
        return self.x * o.x + self.y * o.y

v = Vec(1.0, 2.0).add(Vec(3.0, 4.0))
print(v.x, v.y, v.dot(Vec(1.0, 1.0)))
