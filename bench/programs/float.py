"""Float (untyped): builds many small point objects from trigonometry, normalises each one
and folds them into the component-wise maximum. Exercises float arithmetic and attribute
access on short-lived objects. Prints the maximum point."""

import sys
from math import cos, sin, sqrt


class Point:
    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3.0
        self.z = (x * x) / 2.0

    def normalize(self):
        norm = sqrt(self.x * self.x + self.y * self.y + self.z * self.z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def take_max(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z


def benchmark(count):
    points = [Point(float(i)) for i in range(count)]
    for p in points:
        p.normalize()
    best = points[0]
    for p in points[1:]:
        best.take_max(p)
    return best


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    best = benchmark(count)
    print(f"{count} points, max ({best.x:.12f}, {best.y:.12f}, {best.z:.12f})")
