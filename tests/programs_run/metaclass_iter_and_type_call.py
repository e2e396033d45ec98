# What the stdlib `enum` relies on: iterating and unpacking a class through its metaclass,
# and `type(name, bases, ns, **kw)` handing over to the bases' metaclass `__new__`.
class Meta(type):
    def __new__(mcls, name, bases, ns, *, tag=None, **kw):
        cls = super().__new__(mcls, name, bases, ns, **kw)
        cls.tag = tag
        cls._members = [k for k in ns if not k.startswith("_")]
        return cls

    def __iter__(cls):
        return iter(cls._members)

    def __len__(cls):
        return len(cls._members)


class Color(metaclass=Meta, tag="base"):
    RED = 1
    GREEN = 2


print(list(Color), len(Color), Color.tag)
r, g = Color
print(r, g, sorted(Color), [m.lower() for m in Color])
Made = type("Made", (Color,), {"BLUE": 3, "PINK": 4}, tag="made")
print(type(Made).__name__, Made.tag, list(Made), Made.GREEN)
Plain = type("Plain", (), {"x": 1})
print(type(Plain).__name__, Plain.x)
try:
    a, b, c = Color
except ValueError as e:
    print(e)


class Num(int):
    def __repr__(self):
        return "<Num %d>" % int(self)


class ReprOnly(Num):
    __str__ = int.__repr__


print(Num(3), str(Num(4)), ReprOnly(5), repr(ReprOnly(6)), f"{ReprOnly(7)}")
