def numbers():
    n = 0
    while True:
        yield n
        n += 1
def take(it, k):
    for i, v in enumerate(it):
        if i >= k:
            return
        yield v
evens = (x for x in numbers() if x % 2 == 0)
print(list(take(evens, 5)))
squares = map(lambda x: x * x, take(numbers(), 4))
print(list(squares))
