import itertools, functools, operator
print(list(itertools.permutations("abc", 2))[:3], list(itertools.combinations(range(4), 2)))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.chain("ab", "cd")))
print(functools.reduce(operator.mul, range(1, 6)), list(itertools.product("ab", repeat=2)))
p = functools.partial(int, base=2)
print(p("1010"), [k for k, g in itertools.groupby("aabbbc")])
