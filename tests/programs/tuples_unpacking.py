t = (1, 2, 3)
a, b, c = t
print(a, b, c)
first, *rest = [1, 2, 3, 4]
*init, last = "hello"
x, (y, z) = 1, (2, 3)
print(first, rest, init, last, x, y, z)
a, b = b, a
print(a, b)
a, b, c = c, a, b
print(a, b, c)
p, *q, r = range(6)
print(p, q, r)
print((1,), (), tuple("ab"), t + (4,), t * 2, t.index(2))
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
