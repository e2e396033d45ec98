import __static__
from typing import final

@final
class Box:
    def __init__(self, v: int) -> None:
        self.v: int = v

    def get(self) -> int:
        return self.v

def read(b: Box) -> int:
    return b.get() + 1

print(read(Box(41)))
