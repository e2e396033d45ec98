def f(a, b):
    def g():
        return a * b
    b = 10
    return g
print(f(2, 3)())
def counter(start):
    def inc(step=1):
        nonlocal start
        start += step
        return start
    return inc
c = counter(5)
print(c(), c(10), c())
