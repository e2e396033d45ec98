import __static__
class Pair:
    def __init__(self, a: int, b: int) -> None:
        self.a: int = a
        self.b: int = b

    def __repr__(self) -> str:
        return f"Pair({self.a}, {self.b})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pair) and self.a == other.a and self.b == other.b

print(Pair(1, 2))
print(Pair(1, 2) == Pair(1, 2), Pair(1, 2) == Pair(2, 1))
