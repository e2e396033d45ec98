import __static__
def square(x: int) -> int:
    return x * x

def sum_squares(n: int) -> int:
    s = 0
    for i in range(n):
        s += square(i)
    return s

print(sum_squares(10))
