def inner():
    yield 1
    return 42
def outer():
    v = yield from inner()
    print("inner returned", v)
    yield v + 1
print(list(outer()))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
