import __static__
def squares(n: int) -> list:
    return [i * i for i in range(n) if i % 2 == 1]

print(squares(10))
