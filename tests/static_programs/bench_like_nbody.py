import __static__
from __static__ import double, int64, box

class Body:
    def __init__(self, x: double, v: double, m: double) -> None:
        self.x: double = x
        self.v: double = v
        self.m: double = m

def step(a: Body, b: Body, dt: double) -> None:
    d: double = b.x - a.x
    f: double = a.m * b.m / (d * d)
    a.v = a.v + f / a.m * dt
    b.v = b.v - f / b.m * dt
    a.x = a.x + a.v * dt
    b.x = b.x + b.v * dt

a = Body(0.0, 0.0, 1.0)
b = Body(10.0, 0.0, 2.0)
i: int = 0
while i < 5:
    step(a, b, 0.5)
    i += 1
print(round(box(a.x), 6), round(box(b.x), 6))
