a = -1
b = 2 ** 10
c = "ab" * 3
d = (1, 2) + (3,)
e = not True
f = ~5
g = 1 - 2 - 3
h = 2 ** -1
i = 10 // 3
j = -7 % 3
k = 1.5 * 2
l = 3 - 4j
print(a, b, c, d, e, f, g, h, i, j, k, l)
print(1 if -0.0 else 2, 0.0 == 0.0, (1,) == (1,))
