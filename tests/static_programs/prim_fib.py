import __static__
from __static__ import int64, box

def fib(n: int64) -> int64:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print(box(fib(20)))
