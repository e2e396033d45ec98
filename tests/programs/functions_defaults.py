def f(x, acc=[]):
    acc.append(x)
    return acc
print(f(1), f(2), f(3, []))
def g(a, b=10, c="s"):
    return a, b, c
print(g(1), g(1, 2), g(1, c="z"))
print(g.__defaults__, f.__name__, g.__qualname__)
def k(*, a=1, b):
    return a, b
print(k(b=2), k.__kwdefaults__)
