import __static__
class MyError(Exception):
    def __init__(self, code: int) -> None:
        super().__init__(f"code {code}")
        self.code: int = code

def fail(c: int) -> None:
    raise MyError(c)

try:
    fail(7)
except MyError as e:
    print(e, e.code)
