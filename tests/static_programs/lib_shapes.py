import __static__
class Square:
    def __init__(self, side: int) -> None:
        self.side: int = side

    def area(self) -> int:
        return self.side * self.side

def area_of(s: Square) -> int:
    return s.area()
