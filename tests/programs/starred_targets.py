a, *b = 1, 2, 3
*c, d = [4, 5, 6]
e, *f, g = "hello"
[h, *i] = range(3)
print(a, b, c, d, e, f, g, h, i)
for x, *ys in [(1, 2, 3), (4,)]:
    print(x, ys)
(m, n), *o = [(1, 2), 3, 4]
print(m, n, o)
