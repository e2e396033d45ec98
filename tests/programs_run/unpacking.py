a, b, *c = range(6)
print(a, b, c)
(x, y), z = (1, 2), 3
print(x, y, z)
first, *_, last = "python"
print(first, last)
def f(*args):
    return args
print(f(*range(3), *"ab"), [*range(2), *[9]], {*"ab"} == {"a", "b"}, {**{"a": 1}, "b": 2})
for k, (v1, v2) in {"p": (1, 2)}.items():
    print(k, v1, v2)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1]
except ValueError as e:
    print(e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
try:
    a, b = 5
except TypeError as e:
    print(e)
m = [[1, 2], [3, 4]]
for (p, q) in m:
    print(p + q)
