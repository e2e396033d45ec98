def acc():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v
g = acc()
next(g)
for v in [1, 2, 3]:
    print(g.send(v))
def pairs():
    x = yield
    y = yield
    yield (x, y)
p = pairs()
next(p); p.send("a")
print(p.send("b"))
