"""Plain annotated Python: dataclasses, protocols, Optional narrowing."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable, Optional, Protocol


class Shape(Protocol):
    def area(self) -> float: ...


@dataclass
class Circle:
    radius: float

    def area(self) -> float:
        return math.pi * self.radius**2


@dataclass
class Rect:
    width: float
    height: float

    def area(self) -> float:
        return self.width * self.height


def total_area(shapes: Iterable[Shape]) -> float:
    return sum(shape.area() for shape in shapes)


def largest(shapes: list[Shape]) -> Optional[Shape]:
    best: Optional[Shape] = None
    for shape in shapes:
        if best is None or shape.area() > best.area():
            best = shape
    return best


def describe(shapes: list[Shape]) -> str:
    biggest = largest(shapes)
    if biggest is None:
        return "no shapes"
    return f"{len(shapes)} shapes, total {total_area(shapes):.2f}, largest {biggest.area():.2f}"


if __name__ == "__main__":
    print(describe([Circle(1.0), Rect(2.0, 3.0), Circle(0.5)]))
