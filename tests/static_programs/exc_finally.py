import __static__
def f(x: int) -> str:
    try:
        if x == 0:
            raise ZeroDivisionError("zero")
        return "ok"
    except ZeroDivisionError:
        return "caught"
    finally:
        print("finally", x)

print(f(1))
print(f(0))
