"""Chaos (Static Python): the same chaos game as `chaos.py`, with slotted vectors of unboxed
`double` coordinates, knots and piece counts in `Array`s, an `int64` random generator and the
picture in a flat `Array[int64]`. Prints the same summary as `chaos.py`."""

from __future__ import annotations

import __static__

import sys

from __static__ import Array, CheckedList, box, double, int64


class Vec:
    def __init__(self, x: double, y: double) -> None:
        self.x: double = x
        self.y: double = y

    def minus(self, other: Vec) -> Vec:
        return Vec(self.x - other.x, self.y - other.y)

    def blend(self, other: Vec, a: double, b: double) -> Vec:
        return Vec(self.x * a + other.x * b, self.y * a + other.y * b)

    def length(self) -> double:
        return (self.x * self.x + self.y * self.y) ** 0.5

    def distance(self, other: Vec) -> double:
        return self.minus(other).length()


class Spline:
    """A B-spline of `degree` given by control points and a knot vector with
    len(knots) == len(points) + degree - 1, evaluated by de Boor's algorithm."""

    def __init__(self, points: CheckedList[Vec], degree: int64, knots: CheckedList[float]) -> None:
        count: int64 = int64(len(knots))
        if count != int64(len(points)) + degree - 1:
            raise ValueError("knot vector does not fit the control points")
        self.points: CheckedList[Vec] = points
        self.degree: int64 = degree
        self.count: int64 = count
        self.knots: Array[double] = Array[double](box(count))
        i: int64 = 0
        while i < count:
            self.knots[i] = double(knots[i])
            i += 1

    def start(self) -> double:
        return self.knots[self.degree - 1]

    def end(self) -> double:
        return self.knots[self.count - self.degree]

    def span(self, u: double) -> int64:
        last: int64 = self.count - self.degree - 1
        i: int64 = self.degree - 1
        while i <= last:
            if self.knots[i] <= u and u < self.knots[i + 1]:
                return i
            i += 1
        return last

    def at(self, u: double) -> Vec:
        if u < self.start() or u > self.end():
            raise ValueError("parameter outside the spline's domain")
        degree: int64 = self.degree
        knots = self.knots
        span: int64 = self.span(u)
        work = CheckedList[Vec]()
        i: int64 = 0
        while i <= degree:
            work.append(self.points[span - degree + 1 + i])
            i += 1
        level: int64 = 1
        while level <= degree:
            i = span - degree + level + 1
            while i < span + 2:
                hi: double = knots[i + degree - level]
                lo: double = knots[i - 1]
                slot: int64 = i - span + degree - level - 1
                work[slot] = work[slot].blend(work[slot + 1], (hi - u) / (hi - lo), (u - lo) / (hi - lo))
                i += 1
            level += 1
        return work[0]


class Random:
    """x' = (a x + c) mod 2^31: small, and the same on every interpreter."""

    def __init__(self, seed: int64) -> None:
        self.state: int64 = seed

    def below(self, n: int64) -> int64:
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return (self.state >> 8) % n


class ChaosGame:
    def __init__(self, splines: CheckedList[Spline], thickness: double) -> None:
        self.splines: CheckedList[Spline] = splines
        self.thickness: double = thickness
        first = splines[0].points[0]
        min_x: double = first.x
        min_y: double = first.y
        max_x: double = first.x
        max_y: double = first.y
        for s in splines:
            for p in s.points:
                if p.x < min_x:
                    min_x = p.x
                if p.x > max_x:
                    max_x = p.x
                if p.y < min_y:
                    min_y = p.y
                if p.y > max_y:
                    max_y = p.y
        self.min_x: double = min_x
        self.min_y: double = min_y
        self.max_x: double = max_x
        self.max_y: double = max_y
        self.width: double = max_x - min_x
        self.height: double = max_y - min_y
        band: double = thickness * self.width / self.height
        # Each spline gets a number of pieces in proportion to its length.
        self.piece_count: int64 = int64(len(splines))
        self.pieces: Array[int64] = Array[int64](box(self.piece_count))
        self.total: int64 = 0
        index: int64 = 0
        while index < self.piece_count:
            s = splines[index]
            length: double = 0.0
            prev = s.at(s.start())
            i: int64 = 1
            while i < 200:
                cur = s.at(s.start() + (s.end() - s.start()) * double(i) / 199.0)
                length += cur.distance(prev)
                prev = cur
                i += 1
            pieces: int64 = int64(length / band * 1.5)
            if pieces < 1:
                pieces = 1
            self.pieces[index] = pieces
            self.total += pieces
            index += 1

    def step(self, point: Vec, rng: Random) -> Vec:
        fx: double = (point.x - self.min_x) / self.width
        fy: double = (point.y - self.min_y) / self.height
        piece: int64 = rng.below(self.total)
        index: int64 = 0
        while piece >= self.pieces[index]:
            piece -= self.pieces[index]
            index += 1
        s = self.splines[index]
        start: double = s.start()
        end: double = s.end()
        seg: double = (end - start) / double(self.pieces[index])
        t: double = start + seg * double(piece) + seg * fx
        if t > end:
            t = end
        base = s.at(t)
        eps: double = 1.0 / 50000.0
        if t + eps > end:
            tangent = s.at(t - eps).minus(base)
        else:
            tangent = base.minus(s.at(t + eps))
        size: double = tangent.length()
        x: double = base.x
        y: double = base.y
        if size != 0.0:
            x += tangent.y / size * (fy - 0.5) * self.thickness
            y -= tangent.x / size * (fy - 0.5) * self.thickness
        if x < self.min_x:
            x = self.min_x
        if x > self.max_x:
            x = self.max_x
        if y < self.min_y:
            y = self.min_y
        if y > self.max_y:
            y = self.max_y
        return Vec(x, y)

    def draw(self, w: int64, h: int64, steps: int64, seed: int64) -> Array[int64]:
        rng = Random(seed)
        image: Array[int64] = Array[int64](box(w * h))
        point = Vec((self.min_x + self.max_x) / 2.0, (self.min_y + self.max_y) / 2.0)
        i: int64 = 0
        while i < steps:
            point = self.step(point, rng)
            px: int64 = int64((point.x - self.min_x) / self.width * double(w))
            py: int64 = int64((point.y - self.min_y) / self.height * double(h))
            if px > w - 1:
                px = w - 1
            if py > h - 1:
                py = h - 1
            image[px * h + py] = 1
            i += 1
        return image


def make_splines() -> CheckedList[Spline]:
    cubic = CheckedList[float]([0.0, 0.0, 0.0, 1.0, 1.0, 1.0])
    return CheckedList[Spline](
        [
            Spline(CheckedList[Vec]([Vec(1.2, 0.4), Vec(0.3, 0.1), Vec(0.2, 1.9), Vec(1.3, 1.6)]), 3, cubic),
            Spline(CheckedList[Vec]([Vec(1.6, 0.2), Vec(1.7, 1.0), Vec(2.3, 0.9), Vec(2.4, 1.8)]), 3, cubic),
            Spline(CheckedList[Vec]([Vec(2.8, 0.3), Vec(3.6, 0.5), Vec(2.6, 1.4), Vec(3.5, 1.7)]), 3, cubic),
        ]
    )


def main(steps: int) -> None:
    game = ChaosGame(make_splines(), 0.25)
    w: int64 = 256
    h: int64 = 256
    image = game.draw(w, h, int64(steps), 1234)
    count: int64 = 0
    checksum: int64 = 0
    x: int64 = 0
    while x < w:
        y: int64 = 0
        while y < h:
            if image[x * h + y] != 0:
                count += 1
                checksum = (checksum * 31 + x * h + y) % 1000000007
            y += 1
        x += 1
    parts = CheckedList[str]()
    i: int64 = 0
    while i < game.piece_count:
        parts.append(str(box(game.pieces[i])))
        i += 1
    pieces = "/".join(parts)
    print(f"pieces {pieces}, {steps} steps: {box(count)} pixels set, checksum {box(checksum)}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30000)
