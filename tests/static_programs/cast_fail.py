import __static__
from __static__ import cast

class A:
    pass

def get(x: object) -> A:
    return cast(A, x)

try:
    get(42)
except TypeError:
    print("cast failed")
print(type(get(A())).__name__)
