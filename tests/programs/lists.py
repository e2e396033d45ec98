xs = [3, 1, 4, 1, 5, 9, 2, 6]
xs.append(5)
xs.extend([3, 5])
xs.insert(0, 0)
print(xs, len(xs), xs.count(5), xs.index(9))
xs.sort()
print(xs, sorted(xs, reverse=True), xs[2:6], xs[-3:])
del xs[0]
del xs[1:3]
xs[0] = 100
xs[1:2] = [7, 7, 7]
print(xs, xs.pop(), xs.pop(0), xs)
print([1, 2] + [3], [0] * 4, [[1, 2], [3]][0][1], list(reversed(xs)))
