s = {1, 2, 3}
s.add(4)
s.discard(1)
print(sorted(s), 2 in s, len(s))
t = {3, 4, 5}
print(sorted(s | t), sorted(s & t), sorted(s - t), sorted(s ^ t))
print(sorted({x % 3 for x in range(10)}), set(), frozenset([1, 2]) == {1, 2})
print(1 in {1, 2, 3}, 5 not in {1, 2})
