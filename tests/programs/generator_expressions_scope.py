x = 10
g = (x + i for i in range(3))
x = 20
print(list(g))
def f():
    y = 5
    return list(y * j for j in range(3))
print(f())
print(sum(i * j for i in range(3) for j in range(3) if i != j))
