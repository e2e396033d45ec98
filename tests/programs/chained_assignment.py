a = b = c = [1]
a.append(2)
print(a, b, c, a is c)
x = y = 0
x += 1
print(x, y)
i = j = k = "s"
print(i + j + k)
d = {}
d["a"] = d["b"] = 1
print(d)
