"""Module docstring."""
def f(a: int, b: "str" = "x") -> list:
    """Function docstring."""
    return [a, b]
class C:
    """Class docstring."""
    attr: int = 3
    other: str
print(__doc__, f.__doc__, C.__doc__)
print(f.__annotations__)
print(C.__annotations__, C.attr)
x: float = 1.0
print(__annotations__)
def g():
    y: int = 5
    return y
print(g())
