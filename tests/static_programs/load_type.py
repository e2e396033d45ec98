import __static__


class A:
    pass


class B(A):
    pass


def name_of(a: A) -> str:
    return type(a).__name__


def same(a: A, b: A) -> bool:
    return type(a) is type(b)


print(name_of(A()), name_of(B()), same(A(), B()), same(B(), B()))
print(type(3).__name__, type("s") is str)
