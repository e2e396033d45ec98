def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = counter()
print(c(), c(), c())
def adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([a(10) for a in adders()])
def late():
    fns = [lambda: i for i in range(3)]
    return [fn() for fn in fns]
print(late())
x = "global"
def outer():
    x = "outer"
    def inner():
        return x
    return inner()
print(outer(), x)
def make():
    val = 1
    def get():
        return val
    val = 2
    return get
print(make()())
total = 0
def add(n):
    global total
    total += n
add(5)
add(6)
print(total)
def nested(a):
    def l1(b):
        def l2(c):
            return a + b + c
        return l2
    return l1
print(nested(1)(2)(3))
