import asyncio
async def agen(n):
    for i in range(n):
        yield i
        await asyncio.sleep(0)
async def main():
    out = []
    async for v in agen(3):
        out.append(v)
    print(out, [v * 2 async for v in agen(2)])
    g = agen(5)
    print(await g.__anext__(), await g.__anext__())
    await g.aclose()
asyncio.run(main())
