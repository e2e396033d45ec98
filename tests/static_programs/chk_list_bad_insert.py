import __static__
from __static__ import CheckedList

def make() -> CheckedList[int]:
    return CheckedList[int]([1, 2])

def sneak(xs, v):
    xs.append(v)

xs = make()
try:
    sneak(xs, "x")
except TypeError as e:
    print("TypeError")
print(list(xs))
