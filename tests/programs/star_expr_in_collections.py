a = [1, 2]
b = (3,)
print([*a, *b], (*a, *b), {*a, *b}, [*range(3), *"xy"])
print({**{"a": 1}, **{"b": 2}, "c": 3})
first, *_ = [*a, 9]
print(first)
