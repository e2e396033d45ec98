import __static__
from typing import Optional, final


class Point:
    def __init__(self, x: int, y: int) -> None:
        self.x: int = x
        self.y: int = y

    def norm(self) -> int:
        return self.x + self.y


@final
class Origin(Point):
    def norm(self) -> int:
        return 0


def use(p: Point, o: Origin, q: Optional[Point]) -> int:
    p.x = 3
    made = Point(1, 2)
    return p.norm() + o.norm() + made.x


def kind(p: Point) -> str:
    return type(p).__name__
