import asyncio
async def inner():
    await asyncio.sleep(0)
    raise LookupError("async lookup")
async def main():
    await inner()
asyncio.run(main())
