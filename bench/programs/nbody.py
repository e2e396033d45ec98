"""N-body simulation of the Jovian planets (untyped). Prints the energy before and after."""

import sys

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


def make_bodies():
    return [
        # sun
        [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], SOLAR_MASS],
        # jupiter
        [
            [4.84143144246472090e00, -1.16032004402742839e00, -1.03622044471123109e-01],
            [1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR, -6.90460016972063023e-05 * DAYS_PER_YEAR],
            9.54791938424326609e-04 * SOLAR_MASS,
        ],
        # saturn
        [
            [8.34336671824457987e00, 4.12479856412430479e00, -4.03523417114321381e-01],
            [-2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR, 2.30417297573763929e-05 * DAYS_PER_YEAR],
            2.85885980666130812e-04 * SOLAR_MASS,
        ],
        # uranus
        [
            [1.28943695621391310e01, -1.51111514016986312e01, -2.23307578892655734e-01],
            [2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR, -2.96589568540237556e-05 * DAYS_PER_YEAR],
            4.36624404335156298e-05 * SOLAR_MASS,
        ],
        # neptune
        [
            [1.53796971148509165e01, -2.59193146099879641e01, 1.79258772950371181e-01],
            [2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR, -9.51592254519715870e-05 * DAYS_PER_YEAR],
            5.15138902046611451e-05 * SOLAR_MASS,
        ],
    ]


def offset_momentum(bodies):
    px = py = pz = 0.0
    for (_, v, m) in bodies:
        px -= v[0] * m
        py -= v[1] * m
        pz -= v[2] * m
    sun_v = bodies[0][1]
    sun_v[0] = px / SOLAR_MASS
    sun_v[1] = py / SOLAR_MASS
    sun_v[2] = pz / SOLAR_MASS


def energy(bodies):
    e = 0.0
    n = len(bodies)
    for i in range(n):
        (x1, y1, z1), v1, m1 = bodies[i]
        e += m1 * (v1[0] * v1[0] + v1[1] * v1[1] + v1[2] * v1[2]) / 2.0
        for j in range(i + 1, n):
            (x2, y2, z2), _, m2 = bodies[j]
            dx = x1 - x2
            dy = y1 - y2
            dz = z1 - z2
            e -= (m1 * m2) / ((dx * dx + dy * dy + dz * dz) ** 0.5)
    return e


def advance(bodies, dt, steps):
    n = len(bodies)
    for _ in range(steps):
        for i in range(n):
            p1, v1, m1 = bodies[i]
            for j in range(i + 1, n):
                p2, v2, m2 = bodies[j]
                dx = p1[0] - p2[0]
                dy = p1[1] - p2[1]
                dz = p1[2] - p2[2]
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt / (d2 * d2**0.5)
                b1 = m1 * mag
                b2 = m2 * mag
                v1[0] -= dx * b2
                v1[1] -= dy * b2
                v1[2] -= dz * b2
                v2[0] += dx * b1
                v2[1] += dy * b1
                v2[2] += dz * b1
        for (p, v, _) in bodies:
            p[0] += dt * v[0]
            p[1] += dt * v[1]
            p[2] += dt * v[2]


def main(steps):
    bodies = make_bodies()
    offset_momentum(bodies)
    print(f"{energy(bodies):.9f}")
    advance(bodies, 0.01, steps)
    print(f"{energy(bodies):.9f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
