class O:
    pass
o = O()
d = {}
lst = [0, 0]
o.a, d["k"], lst[1] = 1, 2, 3
print(o.a, d, lst)
(x, y), [z, w] = (1, 2), [3, 4]
print(x, y, z, w)
for i, (a, b) in enumerate(zip("ab", "cd")):
    print(i, a, b)
