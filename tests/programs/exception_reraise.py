def f():
    try:
        raise ValueError("original")
    except ValueError:
        print("handling")
        raise
try:
    f()
except ValueError as e:
    print("reraised:", e)
try:
    try:
        raise TypeError("t")
    except TypeError as e:
        raise e
except TypeError as e:
    print("again:", e)
def g():
    try:
        1 / 0
    except ZeroDivisionError as exc:
        err = exc
    return type(err).__name__
print(g())
