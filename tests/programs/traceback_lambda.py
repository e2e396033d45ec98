f = lambda x: x / 0
print([1, 2])
f(1)
