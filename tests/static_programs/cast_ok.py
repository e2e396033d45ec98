import __static__
from __static__ import cast

class A:
    def hello(self) -> str:
        return "hello"

def get(x: object) -> str:
    a = cast(A, x)
    return a.hello()

print(get(A()))
