def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out
def naturals():
    n = 0
    while True:
        yield n
        n += 1
def squares(it):
    for x in it:
        yield x * x
def evens(it):
    return (x for x in it if x % 2 == 0)
print(take(5, squares(evens(naturals()))))
def tree(depth):
    if depth == 0:
        yield "leaf"
        return
    yield from tree(depth - 1)
    yield f"node{depth}"
    yield from tree(depth - 1)
print(list(tree(2)))
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        total += value
acc = accumulator()
next(acc)
for v in [1, 2, 3]:
    print(acc.send(v))
try:
    acc.send(None)
except StopIteration as e:
    print("final", e.value)
gen = (i for i in range(3))
print(list(gen), list(gen))
def perms(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        for p in perms(items[:i] + items[i + 1:]):
            yield [items[i]] + p
print(list(perms([1, 2, 3])))
import itertools
print(list(itertools.islice(itertools.count(10, 5), 4)), list(itertools.chain([1], (2, 3))))
print(list(itertools.permutations("abc", 2)), list(itertools.combinations(range(4), 2)))
print(list(itertools.product("ab", repeat=2)), list(itertools.accumulate([1, 2, 3])))
