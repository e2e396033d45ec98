import __static__
def avg(a: float, b: float) -> float:
    return (a + b) / 2

print(avg(1.0, 2.0))
print(avg(3, 4))
