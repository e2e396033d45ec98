import __static__
from __static__ import inline

@inline
def add1(x: int) -> int:
    return x + 1

def use(y: int) -> int:
    return add1(y) * 2

print(use(4), add1(0))
