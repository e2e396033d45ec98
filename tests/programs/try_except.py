def div(a, b):
    try:
        r = a / b
    except ZeroDivisionError:
        print("zero")
        return None
    except (TypeError, ValueError) as e:
        print("type", type(e).__name__)
        return None
    else:
        print("ok")
        return r
    finally:
        print("finally")
print(div(1, 2))
print(div(1, 0))
print(div(1, "x"))
try:
    raise KeyError("k")
except LookupError as e:
    print("lookup", repr(e))
try:
    try:
        raise ValueError("inner")
    except ValueError:
        raise RuntimeError("outer")
except RuntimeError as e:
    print(e, repr(e.__context__))
try:
    raise ValueError("a") from KeyError("b")
except ValueError as e:
    print(e, repr(e.__cause__), e.__suppress_context__)
