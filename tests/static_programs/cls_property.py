import __static__
class Temp:
    def __init__(self, c: float) -> None:
        self.c: float = c

    @property
    def f(self) -> float:
        return self.c * 9 / 5 + 32

print(Temp(100.0).f, Temp(0.0).f)
