import __static__
from typing import Final

LIMIT: Final[int] = 10
NAME: Final[str] = "cinder"

def under(x: int) -> bool:
    return x < LIMIT

print(under(3), under(30), NAME, LIMIT)
