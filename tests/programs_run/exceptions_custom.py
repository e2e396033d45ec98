class ValidationError(ValueError):
    def __init__(self, field, msg):
        self.field = field
        super().__init__(f"{field}: {msg}")
class Missing(ValidationError):
    pass
errors = []
for field, value in [("a", 1), ("b", None), ("c", -1)]:
    try:
        if value is None:
            raise Missing(field, "is missing")
        if value < 0:
            raise ValidationError(field, "is negative")
    except Missing as e:
        errors.append(("missing", e.field, str(e)))
    except ValidationError as e:
        errors.append(("invalid", e.field, str(e)))
print(errors)
print(issubclass(Missing, ValueError), Missing.__mro__[1].__name__)
e = KeyError("k")
print(str(e), repr(e), e.args, str(KeyError()), str(ValueError(1, 2)))
def risky(n):
    try:
        if n == 0:
            raise ZeroDivisionError("zero")
        return 10 // n
    except ZeroDivisionError:
        return -1
    finally:
        print("cleanup", n)
print(risky(0), risky(5))
try:
    raise ValueError("a") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, *exc):
        print("close", self.name, exc[0].__name__ if exc[0] else None)
        return False
try:
    with Resource("r1") as r1, Resource("r2") as r2:
        raise RuntimeError("inside")
except RuntimeError as e:
    print("propagated", e)
def gen_err():
    yield 1
    raise IndexError("from gen")
try:
    for v in gen_err():
        print("v", v)
except IndexError as e:
    print("gen error", e)
