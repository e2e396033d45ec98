fs = [lambda x, n=n: x * n for n in range(3)]
print([f(2) for f in fs])
adders = {name: (lambda v, k=k: v + k) for name, k in [("one", 1), ("two", 2)]}
print(adders["two"](5))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
kw = lambda *, a=1, b: a + b
print(kw(b=2))
