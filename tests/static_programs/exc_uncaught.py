import __static__
def boom(x: int) -> int:
    return 10 // x

print(boom(2))
try:
    boom(0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
