import __static__
from __static__ import CheckedDict

def make() -> CheckedDict[str, int]:
    return CheckedDict[str, int]({"a": 1})

def sneak(d, k, v):
    d[k] = v

d = make()
try:
    sneak(d, "b", "no")
except TypeError:
    print("rejected")
print(dict(d))
