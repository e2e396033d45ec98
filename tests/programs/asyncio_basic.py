import asyncio
async def compute(x):
    await asyncio.sleep(0)
    return x * 2
async def main():
    r = await compute(3)
    results = await asyncio.gather(compute(1), compute(2))
    print(r, results)
    return "done"
print(asyncio.run(main()))
