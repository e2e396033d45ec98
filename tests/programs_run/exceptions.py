def f(x):
    if x < 0:
        raise ValueError(f"negative: {x}")
    return x
try:
    f(-1)
except ValueError as e:
    print("caught", e, e.args, type(e).__name__)
try:
    [][1]
except (KeyError, IndexError) as e:
    print("index", e)
try:
    {}["k"]
except LookupError as e:
    print("lookup", repr(e))
try:
    try:
        1 / 0
    finally:
        print("finally runs")
except ZeroDivisionError:
    print("zde")
def g():
    try:
        return "try"
    finally:
        print("g finally")
print(g())
class MyError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyError(7)
except MyError as e:
    print(e, e.code, isinstance(e, Exception))
try:
    try:
        raise KeyError("a")
    except KeyError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, repr(e.__cause__), e.__context__ is e.__cause__)
try:
    raise TypeError
except TypeError as e:
    print("bare class", repr(e), e.args)
for exc in (ValueError, TypeError, NameError):
    try:
        raise exc("m")
    except (ValueError, TypeError) as e:
        print("tuple match", type(e).__name__)
    except Exception as e:
        print("generic", type(e).__name__)
try:
    undefined_name
except NameError as e:
    print(e)
try:
    int("abc")
except ValueError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    None.foo
except AttributeError as e:
    print(e)
def nested():
    try:
        raise ValueError("inner")
    except ValueError:
        try:
            raise
        except ValueError as e2:
            return "reraised " + str(e2)
print(nested())
try:
    assert 1 == 2, "assertion msg"
except AssertionError as e:
    print("assert", e)
else:
    print("no")
try:
    pass
except Exception:
    pass
else:
    print("else branch")
finally:
    print("final")
