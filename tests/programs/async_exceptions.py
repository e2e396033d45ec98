import asyncio
async def fail():
    await asyncio.sleep(0)
    raise ValueError("async fail")
async def main():
    try:
        await fail()
    except ValueError as e:
        print("caught", e)
    finally:
        print("finally")
    async def gen():
        try:
            yield 1
            yield 2
        finally:
            print("agen cleanup")
    async for v in gen():
        print(v)
        break
asyncio.run(main())
