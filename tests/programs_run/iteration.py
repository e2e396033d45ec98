class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(Countdown(5)), sum(Countdown(4)), max(Countdown(3)))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq())
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "end"))
print(list(zip(*[[1, 2], [3, 4], [5, 6]])), list(enumerate(["a", "b"], start=5)))
d = {"x": 1, "y": 2}
print([k for k in d], [v for v in d.values()], [kv for kv in d.items()])
print(list(map(lambda a, b: a + b, [1, 2], [10, 20])), list(filter(lambda v: v > 1, [0, 1, 2, 3])))
print(sorted([(1, "b"), (1, "a"), (0, "z")]), sorted("hello", reverse=True))
print(list(reversed(range(5))), list(reversed("abc")), list(range(0, -5, -2)), range(3)[1], len(range(0, 10, 3)))
print(any(x > 2 for x in [1, 2, 3]), all(x > 0 for x in []), list(iter(Countdown(2))))
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
print(dict(zip("abc", range(3))), set(map(abs, [-1, 1, -2])) == {1, 2})
