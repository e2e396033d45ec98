import __static__
class Base:
    def __init__(self, x: int) -> None:
        self.x: int = x

    def describe(self) -> str:
        return f"base {self.x}"

class Child(Base):
    def __init__(self, x: int, y: int) -> None:
        super().__init__(x)
        self.y: int = y

    def describe(self) -> str:
        return super().describe() + f" child {self.y}"

print(Child(1, 2).describe())
