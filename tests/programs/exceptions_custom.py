class MyError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
class SubError(MyError):
    pass
try:
    raise SubError(42, "bad thing")
except MyError as e:
    print(type(e).__name__, e.code, e, e.args)
def check(x):
    if x < 0:
        raise ValueError(f"negative: {x}")
    return x
for v in [1, -1]:
    try:
        print(check(v))
    except ValueError as err:
        print("error:", err)
try:
    e = None
    raise Exception
except Exception as e:
    pass
try:
    print(e)
except NameError as ne:
    print("deleted:", ne)
