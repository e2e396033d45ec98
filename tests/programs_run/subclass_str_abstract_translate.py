class D(dict):
    def __repr__(self):
        return "D!"
class T(tuple):
    def __str__(self):
        return "T-str"
class L(list):
    def __repr__(self):
        return "L" + super().__repr__()
print(D(a=1), str(D()), T((1,)), [L([1])], f"{L([2])}", str(T()), repr(T((3,))))
# What `abc.ABCMeta` does for a class with abstract methods (the test runs without stdlib).
class A:
    def f(self): ...
    def g(self): ...
A.__abstractmethods__ = frozenset({"g", "f"})
class One:
    pass
One.__abstractmethods__ = frozenset({"h"})
try:
    One()
except TypeError as e:
    print(e)
try:
    A()
except TypeError as e:
    print(e)
class B(A):
    def f(self): return 1
    def g(self): return 2
print(B().f())
t = str.maketrans("abc", "xyz", "d")
print(sorted(t.items()), "abcdd".translate(t), "hello".translate({ord("l"): None, ord("h"): "J"}))
print(str.maketrans({"a": "b"}), "aaa".translate(str.maketrans({"a": "bc"})))
class N:
    pass
N.__abstractmethods__ = frozenset()
print(type(N()).__name__)
class Base:
    def greet(self):
        return "hi"
class Child(Base):
    def greet(self):
        return [super().greet() for _ in range(2)]
try:
    Child().greet()
except TypeError as e:
    print(e)
print(super(Child, Child()).greet(), super(Child, Child).greet(Child()))
try:
    super(Child, 3)
except TypeError as e:
    print(e)
