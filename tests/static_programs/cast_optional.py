import __static__
from typing import Optional
from __static__ import cast

def f(x: object) -> Optional[int]:
    return cast(Optional[int], x)

print(f(None), f(5))
