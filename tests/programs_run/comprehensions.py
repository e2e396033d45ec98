print([x for x in range(10) if x % 2])
print([(x, y) for x in range(3) for y in range(x)])
print({x: x ** 2 for x in range(5)})
print({c for c in "hello"} == set("helo"))
print([[y for y in range(x)] for x in range(4)])
words = ["apple", "Banana", "cherry"]
print(sorted(words, key=len), sorted(words, key=str.lower), [w[0] for w in words])
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(row) for row in zip(*matrix)])
print(sum(x * x for x in range(10) if x > 5), max(len(w) for w in words))
n = 3
print([n * i for i in range(n)])
