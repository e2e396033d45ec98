def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9, d=0))
def g(x, /, y, *, z):
    return x + y + z
print(g(1, 2, z=3), g(1, y=2, z=3))
def h(*args, **kwargs):
    return args, kwargs
print(h(*[1, 2], *(3,), **{"a": 1}, b=2))
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact(30))
sq = lambda x: x * x
print(sq(7), (lambda *a: sum(a))(1, 2, 3), list(map(lambda p: p[0] * p[1], [(1, 2), (3, 4)])))
def deco(fn):
    def wrapper(*a, **k):
        return "<" + str(fn(*a, **k)) + ">"
    return wrapper
@deco
def greet(name):
    return "hi " + name
print(greet("bob"), greet.__name__)
def defaults(x=[]):
    x.append(1)
    return x
print(defaults(), defaults())
print(f.__name__, fact.__qualname__, (lambda: 0).__name__)
def ann(a: int, b: str = "x") -> str:
    """Docstring here."""
    return b * a
print(ann(3), ann.__doc__, ann.__annotations__)
