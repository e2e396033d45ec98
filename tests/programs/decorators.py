def trace(fn):
    def wrapper(*a, **k):
        print("call", fn.__name__, a, k)
        return fn(*a, **k)
    return wrapper
def tag(name):
    def deco(fn):
        fn.tag = name
        return fn
    return deco
@trace
@tag("x")
def add(a, b):
    return a + b
print(add(1, 2))
print(getattr(add, "tag", None))
@tag("cls")
class K:
    pass
print(K.tag)
import functools
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(50))
