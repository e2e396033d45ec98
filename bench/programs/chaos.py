"""Chaos (untyped): the chaos game drawn along three cubic B-splines. Each step picks a random
piece of a random spline and maps the current point onto a band around it; after many steps
the visited pixels trace the curves. Randomness comes from a small linear congruential
generator of our own, so every interpreter draws the same picture. Prints a summary of the
picture (pixels set, a position checksum)."""

import sys


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def minus(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def blend(self, other, a, b):
        return Vec(self.x * a + other.x * b, self.y * a + other.y * b)

    def length(self):
        return (self.x * self.x + self.y * self.y) ** 0.5

    def distance(self, other):
        return self.minus(other).length()


class Spline:
    """A B-spline of `degree` given by control points and a knot vector with
    len(knots) == len(points) + degree - 1, evaluated by de Boor's algorithm."""

    def __init__(self, points, degree, knots):
        if len(knots) != len(points) + degree - 1:
            raise ValueError("knot vector does not fit the control points")
        self.points = points
        self.degree = degree
        self.knots = knots

    def start(self):
        return self.knots[self.degree - 1]

    def end(self):
        return self.knots[len(self.knots) - self.degree]

    def span(self, u):
        last = len(self.knots) - self.degree - 1
        for i in range(self.degree - 1, last + 1):
            if self.knots[i] <= u < self.knots[i + 1]:
                return i
        return last

    def at(self, u):
        if u < self.start() or u > self.end():
            raise ValueError("parameter outside the spline's domain")
        degree = self.degree
        knots = self.knots
        span = self.span(u)
        work = [self.points[span - degree + 1 + i] for i in range(degree + 1)]
        for level in range(1, degree + 1):
            for i in range(span - degree + level + 1, span + 2):
                hi = knots[i + degree - level]
                lo = knots[i - 1]
                slot = i - span + degree - level - 1
                work[slot] = work[slot].blend(work[slot + 1], (hi - u) / (hi - lo), (u - lo) / (hi - lo))
        return work[0]


class Random:
    """x' = (a x + c) mod 2^31: small, and the same on every interpreter."""

    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return (self.state >> 8) % n


class ChaosGame:
    def __init__(self, splines, thickness):
        self.splines = splines
        self.thickness = thickness
        xs = [p.x for s in splines for p in s.points]
        ys = [p.y for s in splines for p in s.points]
        self.min_x = min(xs)
        self.min_y = min(ys)
        self.max_x = max(xs)
        self.max_y = max(ys)
        self.width = self.max_x - self.min_x
        self.height = self.max_y - self.min_y
        band = thickness * self.width / self.height
        # Each spline gets a number of pieces in proportion to its length.
        self.pieces = []
        for s in splines:
            length = 0.0
            prev = s.at(s.start())
            for i in range(1, 200):
                cur = s.at(s.start() + (s.end() - s.start()) * i / 199)
                length += cur.distance(prev)
                prev = cur
            self.pieces.append(max(1, int(length / band * 1.5)))
        self.total = sum(self.pieces)

    def step(self, point, rng):
        fx = (point.x - self.min_x) / self.width
        fy = (point.y - self.min_y) / self.height
        piece = rng.below(self.total)
        index = 0
        while piece >= self.pieces[index]:
            piece -= self.pieces[index]
            index += 1
        s = self.splines[index]
        start = s.start()
        end = s.end()
        seg = (end - start) / self.pieces[index]
        t = start + seg * piece + seg * fx
        if t > end:
            t = end
        base = s.at(t)
        eps = 1.0 / 50000
        if t + eps > end:
            tangent = s.at(t - eps).minus(base)
        else:
            tangent = base.minus(s.at(t + eps))
        size = tangent.length()
        x = base.x
        y = base.y
        if size != 0.0:
            x += tangent.y / size * (fy - 0.5) * self.thickness
            y -= tangent.x / size * (fy - 0.5) * self.thickness
        x = min(max(x, self.min_x), self.max_x)
        y = min(max(y, self.min_y), self.max_y)
        return Vec(x, y)

    def draw(self, w, h, steps, seed):
        rng = Random(seed)
        image = [[0] * h for _ in range(w)]
        point = Vec((self.min_x + self.max_x) / 2, (self.min_y + self.max_y) / 2)
        for _ in range(steps):
            point = self.step(point, rng)
            px = min(int((point.x - self.min_x) / self.width * w), w - 1)
            py = min(int((point.y - self.min_y) / self.height * h), h - 1)
            image[px][py] = 1
        return image


def make_splines():
    cubic = [0.0, 0.0, 0.0, 1.0, 1.0, 1.0]
    return [
        Spline([Vec(1.2, 0.4), Vec(0.3, 0.1), Vec(0.2, 1.9), Vec(1.3, 1.6)], 3, cubic),
        Spline([Vec(1.6, 0.2), Vec(1.7, 1.0), Vec(2.3, 0.9), Vec(2.4, 1.8)], 3, cubic),
        Spline([Vec(2.8, 0.3), Vec(3.6, 0.5), Vec(2.6, 1.4), Vec(3.5, 1.7)], 3, cubic),
    ]


def main(steps):
    game = ChaosGame(make_splines(), 0.25)
    w, h = 256, 256
    image = game.draw(w, h, steps, 1234)
    count = 0
    checksum = 0
    for x in range(w):
        for y in range(h):
            if image[x][y]:
                count += 1
                checksum = (checksum * 31 + x * h + y) % 1000000007
    pieces = "/".join(str(p) for p in game.pieces)
    print(f"pieces {pieces}, {steps} steps: {count} pixels set, checksum {checksum}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30000)
