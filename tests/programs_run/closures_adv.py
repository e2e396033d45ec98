def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
def compose(*fns):
    def run(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return run
inc = lambda v: v + 1
dbl = lambda v: v * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
def make_ops():
    ops = {}
    for name, k in [("add", 1), ("mul", 2)]:
        def op(x, k=k, name=name):
            return f"{name}:{x * k}"
        ops[name] = op
    return ops
print({k: f(3) for k, f in make_ops().items()})
def param_deco(times):
    def deco(fn):
        def wrapped(*a):
            return [fn(*a) for _ in range(times)]
        return wrapped
    return deco
@param_deco(3)
def hello(name):
    return "hi " + name
print(hello("x"))
class Cls:
    def method(self):
        return lambda: self
c = Cls()
print(c.method()() is c)
