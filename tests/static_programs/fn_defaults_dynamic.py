import __static__
def scale(x: int, factor: int = 2) -> int:
    return x * factor

print(scale(5))
print(scale(5, 3))
print(scale(x=4, factor=10))
