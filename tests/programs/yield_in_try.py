def g():
    try:
        yield 1
        yield 2
    finally:
        print("g finally")
for v in g():
    print(v)
    break
print("after break")
def h():
    for i in range(3):
        try:
            yield i
        except GeneratorExit:
            print("exit at", i)
            raise
it = h()
next(it)
next(it)
it.close()
