sq = lambda x: x * x
print(sq(4), (lambda: "noarg")(), (lambda *a, **k: (a, k))(1, b=2))
pairs = [(1, "b"), (2, "a")]
print(sorted(pairs, key=lambda p: p[1]))
print(list(map(lambda x: x + 1, [1, 2])), list(filter(lambda x: x % 2, range(5))))
f = lambda x, y=2: x ** y
print(f(3), f(2, 10), sq.__name__)
