import __static__
from __static__ import double, int64


class Particle:
    def __init__(self, x: double, hits: int64) -> None:
        self.x: double = x
        self.hits: int64 = hits
        self.name: str = "p"

    def step(self, dx: double) -> None:
        self.x += dx
        self.hits += 1
        self.name += "!"
