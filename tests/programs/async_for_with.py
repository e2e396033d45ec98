import asyncio
class Ticker:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        self.i = 0
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await asyncio.sleep(0)
        return self.i
class ACM:
    async def __aenter__(self):
        print("aenter")
        return "res"
    async def __aexit__(self, *exc):
        print("aexit", exc[0])
        return False
async def main():
    async for t in Ticker(3):
        print("tick", t)
    else:
        print("ticks done")
    async with ACM() as r:
        print("inside", r)
    print([x async for x in Ticker(2)])
asyncio.run(main())
