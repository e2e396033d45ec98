def f(*, a):
    return a
f(a=1)
f(b=2)
