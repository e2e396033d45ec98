def gen(n):
    for i in range(n):
        yield i * i
print(list(gen(5)))
def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received
g = echo()
print(next(g), g.send("a"), g.send("b"))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)
def delegating():
    r = yield from gen(3)
    yield "after"
print(list(delegating()))
def sub():
    yield 1
    return "sub-result"
def outer():
    r = yield from sub()
    yield r
print(list(outer()))
g2 = (x + 1 for x in range(3))
print(next(g2), list(g2))
