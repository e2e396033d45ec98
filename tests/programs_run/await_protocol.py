import types

async def fib(n):
    if n <= 1:
        return n
    return await fib(n - 1) + await fib(n - 2)

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

print(run(fib(15)))

class Fut:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        yield "tick"
        return self.v

async def use_fut():
    a = await Fut(3)
    b = await Fut(4)
    return a * b

c = use_fut()
print(c.send(None), c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print("done", e.value)

class ACM:
    async def __aenter__(self):
        print("enter")
        return self
    async def __aexit__(self, et, ev, tb):
        print("exit", et)
        return True

class Counter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

async def main():
    async with ACM() as m:
        print("body", type(m).__name__)
        raise ValueError("x")
    total = 0
    async for v in Counter(4):
        total += v
    print("total", total)
    try:
        await 3
    except TypeError as e:
        print(e)
    try:
        async with 5:
            pass
    except TypeError as e:
        print(e)
    try:
        async for x in 5:
            pass
    except TypeError as e:
        print(e)
    r = [v async for v in Counter(3)]
    print(r)
    return "ok"

print(run(main()))
