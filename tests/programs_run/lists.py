a = [3, 1, 4, 1, 5, 9, 2, 6]
a.append(5)
a.extend([3, 5])
a.insert(0, 0)
print(a, len(a), a.count(5), a.index(9))
a.remove(1)
print(a.pop(), a.pop(0), a)
a.sort()
print(a)
a.sort(reverse=True)
print(a)
a.reverse()
print(a, sorted(a, key=lambda x: -x), sorted(["b", "A", "c"], key=str.lower))
b = a[:]
b[0] = 100
print(a[0], b[0], a[1:3], a[::3], a[-2:], a[::-1][:3])
b[1:3] = [7, 7, 7]
print(b)
del b[0]
del b[1:3]
print(b, [1, 2] + [3], [0] * 3, [[0] * 2] * 2)
c = [1, 2, 3]
c += [4]
c *= 2
print(c, 3 in c, 10 in c, c == [1, 2, 3, 4, 1, 2, 3, 4], [1, 2] < [1, 3])
m = [[i * j for j in range(3)] for i in range(3)]
print(m, max(a), min(a), sum(a), any([0, 0, 1]), all([1, 1, 0]))
print(list(range(5)), list(range(10, 0, -3)), list(reversed([1, 2, 3])), list(enumerate("ab", 1)))
print(list(zip([1, 2, 3], "ab")), list(map(str, [1, 2])), list(filter(None, [0, 1, 2, 0])))
x = [5, 2, 8]
x[len(x):] = [9]
print(x, x.copy(), x.clear(), x)
