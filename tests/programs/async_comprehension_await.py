import asyncio
async def double(x):
    await asyncio.sleep(0)
    return x * 2
async def main():
    print([await double(i) for i in range(3)])
    print({i: await double(i) for i in range(2)})
    agen = (await double(i) for i in range(3))
    print([x async for x in agen])
asyncio.run(main())
