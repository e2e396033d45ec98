"""N-body simulation of the Jovian planets (Static Python): bodies are slotted objects with
unboxed `double` fields. Prints the same energies as `nbody.py`."""

import __static__

import sys

from __static__ import CheckedList, box, double, int64


class Body:
    def __init__(self, x: double, y: double, z: double, vx: double, vy: double, vz: double, mass: double) -> None:
        self.x: double = x
        self.y: double = y
        self.z: double = z
        self.vx: double = vx
        self.vy: double = vy
        self.vz: double = vz
        self.mass: double = mass


def make_bodies() -> CheckedList[Body]:
    d: double = 365.24
    sm: double = 4.0 * 3.14159265358979323 * 3.14159265358979323
    return CheckedList[Body](
        [
            Body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, sm),
            Body(
                4.84143144246472090e00, -1.16032004402742839e00, -1.03622044471123109e-01,
                1.66007664274403694e-03 * d, 7.69901118419740425e-03 * d, -6.90460016972063023e-05 * d,
                9.54791938424326609e-04 * sm,
            ),
            Body(
                8.34336671824457987e00, 4.12479856412430479e00, -4.03523417114321381e-01,
                -2.76742510726862411e-03 * d, 4.99852801234917238e-03 * d, 2.30417297573763929e-05 * d,
                2.85885980666130812e-04 * sm,
            ),
            Body(
                1.28943695621391310e01, -1.51111514016986312e01, -2.23307578892655734e-01,
                2.96460137564761618e-03 * d, 2.37847173959480950e-03 * d, -2.96589568540237556e-05 * d,
                4.36624404335156298e-05 * sm,
            ),
            Body(
                1.53796971148509165e01, -2.59193146099879641e01, 1.79258772950371181e-01,
                2.68067772490389322e-03 * d, 1.62824170038242295e-03 * d, -9.51592254519715870e-05 * d,
                5.15138902046611451e-05 * sm,
            ),
        ]
    )


def offset_momentum(bodies: CheckedList[Body]) -> None:
    px: double = 0.0
    py: double = 0.0
    pz: double = 0.0
    for b in bodies:
        px -= b.vx * b.mass
        py -= b.vy * b.mass
        pz -= b.vz * b.mass
    sun = bodies[0]
    sm: double = 4.0 * 3.14159265358979323 * 3.14159265358979323
    sun.vx = px / sm
    sun.vy = py / sm
    sun.vz = pz / sm


def energy(bodies: CheckedList[Body]) -> double:
    e: double = 0.0
    n: int64 = int64(len(bodies))
    i: int64 = 0
    while i < n:
        b1 = bodies[i]
        e += b1.mass * (b1.vx * b1.vx + b1.vy * b1.vy + b1.vz * b1.vz) / 2.0
        j: int64 = i + 1
        while j < n:
            b2 = bodies[j]
            dx: double = b1.x - b2.x
            dy: double = b1.y - b2.y
            dz: double = b1.z - b2.z
            e -= (b1.mass * b2.mass) / ((dx * dx + dy * dy + dz * dz) ** 0.5)
            j += 1
        i += 1
    return e


def advance(bodies: CheckedList[Body], dt: double, steps: int64) -> None:
    n: int64 = int64(len(bodies))
    step: int64 = 0
    while step < steps:
        i: int64 = 0
        while i < n:
            b1 = bodies[i]
            j: int64 = i + 1
            while j < n:
                b2 = bodies[j]
                dx: double = b1.x - b2.x
                dy: double = b1.y - b2.y
                dz: double = b1.z - b2.z
                d2: double = dx * dx + dy * dy + dz * dz
                mag: double = dt / (d2 * d2**0.5)
                m1: double = b1.mass * mag
                m2: double = b2.mass * mag
                b1.vx -= dx * m2
                b1.vy -= dy * m2
                b1.vz -= dz * m2
                b2.vx += dx * m1
                b2.vy += dy * m1
                b2.vz += dz * m1
                j += 1
            i += 1
        for b in bodies:
            b.x += dt * b.vx
            b.y += dt * b.vy
            b.z += dt * b.vz
        step += 1


def main(steps: int) -> None:
    bodies = make_bodies()
    offset_momentum(bodies)
    print(f"{box(energy(bodies)):.9f}")
    advance(bodies, 0.01, int64(steps))
    print(f"{box(energy(bodies)):.9f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
