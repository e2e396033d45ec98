def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"
print(list(count_up(4)), sum(count_up(10)))
g = count_up(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
def echo():
    received = yield "ready"
    while True:
        received = yield f"got {received}"
e = echo()
print(next(e), e.send(1), e.send("x"))
def delegator():
    r = yield from count_up(3)
    yield r
print(list(delegator()))
print(list(x * 2 for x in range(5)), sum(x for x in range(101)))
gen = (c.upper() for c in "abc")
print(next(gen), list(gen))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def closer():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
c = closer()
print(next(c))
c.close()
def thrower():
    try:
        yield 1
    except ValueError as e:
        yield f"handled {e}"
t = thrower()
next(t)
print(t.throw(ValueError("boom")))
print(dict(enumerate(count_up(3))), list(zip(count_up(3), "abc")))
