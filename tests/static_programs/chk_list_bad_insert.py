import __static__
from __static__ import CheckedList

def make() -> CheckedList[int]:
    return CheckedList[int]([1, 2])

xs = make()
try:
    xs.append("x")
except TypeError as e:
    print("TypeError")
print(list(xs))
