import __static__
from __static__ import CheckedDict

def make() -> CheckedDict[str, int]:
    return CheckedDict[str, int]({"a": 1})

d = make()
try:
    d["b"] = "no"
except TypeError:
    print("rejected")
print(dict(d))
