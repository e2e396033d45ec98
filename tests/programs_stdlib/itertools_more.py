# itertools: the lazy iterators beyond count/cycle/repeat/chain.
from itertools import (combinations_with_replacement, compress, dropwhile, filterfalse,
                       groupby, pairwise, starmap, takewhile, tee, combinations, permutations,
                       product, islice, count, accumulate, zip_longest)
import operator

print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a"])))
print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([(k, len(list(g))) for k, g in groupby([1, 3, 5, 2, 4, 7], key=lambda x: x % 2)])
print([k for k, _ in groupby("aabbbc")])
a, b = tee(iter([1, 2, 3]))
print(list(a), list(b))
x, y, z = tee(range(4), 3)
print(next(x), next(x), list(y), list(x), list(z))
print(list(pairwise("ABCDE")), list(pairwise([1])))
print(list(combinations_with_replacement("ABC", 2)))
print(list(combinations_with_replacement(range(3), 0)), list(combinations_with_replacement([], 2)))
print(list(combinations(range(4), 2)), len(list(permutations("abcd", 2))))
print(list(product("ab", repeat=2)), list(islice(count(5, 3), 4)))
print(list(accumulate([1, 2, 3, 4], operator.mul)), list(zip_longest("ab", "xyz", fillvalue="-")))
