# abc (through _py_abc, which needs _weakrefset -> _weakref) and the types module.
import abc
import types


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side


print(Square(3).area(), isinstance(Square(2), Shape), issubclass(Square, Shape))
print(sorted(Shape.__abstractmethods__), sorted(Square.__abstractmethods__))


class Plain:
    pass


Shape.register(Plain)
print(isinstance(Plain(), Shape), issubclass(Plain, Shape))


def f():
    pass


print(type(f) is types.FunctionType, types.NoneType is type(None))
ns = types.SimpleNamespace(a=1, b="x")
print(ns, ns.a)
Made = types.new_class("Made", (Square,), {}, lambda d: d.update(kind="made"))
print(Made.kind, Made(4).area(), Made.__name__)
