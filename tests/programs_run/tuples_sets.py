t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], len(t), t + (4,), t * 2, (1,), (), 2 in t, t.index(3), t.count(1))
a, b, c = t
print(a, b, c)
first, *rest = [1, 2, 3, 4]
*init, last = "abcd"
x, (y, z) = 1, (2, 3)
print(first, rest, init, last, x, y, z)
a, b = b, a
print(a, b, (1, 2) < (1, 3), (1, 2) == (1, 2), hash((1, 2)) == hash((1, 2)))
s = {1, 2, 3}
s.add(4)
s.discard(10)
s.remove(1)
print(s, len(s), 2 in s, {1, 2} | {3}, {1, 2} & {2, 3}, {1, 2} - {2}, {1, 2} ^ {2, 3})
print({1, 2} <= {1, 2, 3}, {1, 2}.issubset([1, 2]), set(), frozenset([1, 2]), sorted({3, 1, 2}))
print({x % 3 for x in range(10)}, set("aab") == {"a", "b"}, frozenset({1}) == {1})
print(tuple([1, 2]), tuple("ab"), list((1, 2)), set([1, 1, 2]))
