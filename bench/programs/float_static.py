"""Float (Static Python): the same computation as `float.py`, with points as slotted objects
holding unboxed `double` coordinates and the list of points a `CheckedList`. Prints the same
maximum point as `float.py`."""

from __future__ import annotations

import __static__

import sys
from math import cos, sin, sqrt

from __static__ import CheckedList, box, double, int64


class Point:
    def __init__(self, i: double) -> None:
        x: double = double(sin(box(i)))
        self.x: double = x
        self.y: double = double(cos(box(i))) * 3.0
        self.z: double = (x * x) / 2.0

    def normalize(self) -> None:
        norm: double = double(sqrt(box(self.x * self.x + self.y * self.y + self.z * self.z)))
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def take_max(self, other: Point) -> None:
        if other.x > self.x:
            self.x = other.x
        if other.y > self.y:
            self.y = other.y
        if other.z > self.z:
            self.z = other.z


def benchmark(count: int64) -> Point:
    points = CheckedList[Point]()
    i: int64 = 0
    while i < count:
        points.append(Point(double(i)))
        i += 1
    for p in points:
        p.normalize()
    best = points[0]
    for p in points:
        best.take_max(p)
    return best


def main(count: int) -> None:
    best = benchmark(int64(count))
    print(f"{count} points, max ({box(best.x):.12f}, {box(best.y):.12f}, {box(best.z):.12f})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100000)
