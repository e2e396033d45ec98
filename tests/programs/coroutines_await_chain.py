import asyncio
async def a(n):
    if n == 0:
        return 0
    return n + await a(n - 1)
async def main():
    print(await a(10))
    tasks = [asyncio.create_task(a(i)) for i in range(4)]
    print([await t for t in tasks])
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.01)
    except asyncio.TimeoutError:
        print("timeout")
asyncio.run(main())
