print([x * 2 for x in range(5)])
print([x for x in range(10) if x % 2 if x > 3])
print([(x, y) for x in range(3) for y in range(x)])
print({x: x ** 2 for x in range(4)})
print({c.upper() for c in "hello"} == set("HELO"))
print(sum(x for x in range(101)))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([y for x in [[1, 2], [3]] for y in x])
print([v for v in [n * 2 for n in range(3)]])
n = 10
print([n + i for i in range(3)])
print([j for i in range(3) for j in [i * 10]])
