# The runtime side of static classes, with the names codegen puts in a static class body
# written out by hand (this module is plain Python): `__slot_types__` gives fixed slots,
# `__final_methods__` final methods; `__final_constants__` marks the module static.
from dyn_helpers import report, set_attr, get_attr
import frozen_lib


class C:
    __slot_types__ = {"name": ("builtins", "str"), "count": ("__static__", "int64", "#")}
    __final_methods__ = ("total",)
    kind = "c"

    def __init__(self, name):
        self.name = name

    def total(self):
        return self.count + 1


c = C("a")
print(c.name, c.count, c.total())
report(set_attr, c, "count", 41)
print(c.count, c.total())
report(set_attr, c, "count", "x")
report(set_attr, c, "count", 2**64)
report(set_attr, c, "name", 3)
report(set_attr, c, "my_attr", 42)
report(set_attr, c, "total", lambda: 1)
report(set_attr, c, "kind", "d")
report(lambda: C.__new__(C).name)
report(lambda: hasattr(c, "__dict__"))
del c.name
report(get_attr, c, "name")


class D(C):
    def extra(self):
        return self.name


d = D("dyn")
d.other = 1
print(d.extra(), d.other, d.count)
try:

    class E(C):
        def total(self):
            return 0

except TypeError as e:
    print(f"TypeError: {e}")

try:
    frozen_lib.LIMIT = 3
except AttributeError as e:
    print("AttributeError:", str(e).split(" <module")[0])
try:
    del frozen_lib.LIMIT
except AttributeError as e:
    print("AttributeError:", str(e).split(" <module")[0])
print(frozen_lib.LIMIT)
