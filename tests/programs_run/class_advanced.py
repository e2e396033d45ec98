class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcs, name, bases, ns)
class Tagged(metaclass=Meta):
    pass
class Child(Tagged):
    pass
print(Tagged.tag, Child.tag, type(Tagged).__name__)
class Base:
    registry = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Base.registry.append(cls.__name__)
class A(Base): pass
class B(Base): pass
print(Base.registry)
class Desc:
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, 0) * 2
    def __set__(self, obj, value):
        obj.__dict__[self.name] = value
class Holder:
    val = Desc()
h = Holder()
h.val = 21
print(h.val, Holder.val.name)
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
        self.b = 2
s = Slotted()
print(s.a + s.b)
class WithClassAttr:
    items = []
    def add(self, x):
        self.items.append(x)
w1, w2 = WithClassAttr(), WithClassAttr()
w1.add(1); w2.add(2)
print(WithClassAttr.items)
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x, 0):
            return f"x-axis {x}"
        case Point(x=0, y=y):
            return f"y-axis {y}"
        case _:
            return "elsewhere"
print([where(Point(*c)) for c in [(0, 0), (3, 0), (0, 4), (1, 1)]])
def shape(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x}"
        case [x, *rest]:
            return f"many {x} {rest}"
        case {"k": val}:
            return f"map {val}"
        case str() as s:
            return f"str {s}"
        case 1 | 2:
            return "small"
        case _:
            return "other"
print([shape(v) for v in [[], [1], [1, 2, 3], {"k": 5}, "s", 2, 9.5]])
