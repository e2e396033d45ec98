import __static__
def evens(n: int):
    i = 0
    while i < n:
        if i % 2 == 0:
            yield i
        i += 1

print(list(evens(10)))
