def f(*args, **kwargs):
    return args, sorted(kwargs.items())
a = [1, 2]
b = {"x": 1}
print(f(*a, *a, 3, **b, y=2))
print(f(0, *a, k=1, **b))
print(f(**b, **{"z": 0}))
print(print(*"abc", sep=","))
print([*a, *a], (*a, 0), {*a, 5} == {1, 2, 5}, {**b, "w": 2})
