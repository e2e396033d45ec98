# _collections: deque, defaultdict and _count_elements.
from _collections import deque, defaultdict, _count_elements

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.extend("ab")
d.extendleft([9, 8])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
m = deque(range(10), maxlen=3)
print(m, m.maxlen)
m.append(10)
m.appendleft(-1)
print(m)
print(list(reversed(deque("xyz"))), 2 in deque([1, 2]), deque([1]) == deque([1]))
try:
    deque().pop()
except IndexError as e:
    print("IndexError", e)
dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dd, dd["zz"], len(dd))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()))
plain = defaultdict()
try:
    plain["missing"]
except KeyError as e:
    print("KeyError", e)
tally = {}
_count_elements(tally, "abracadabra")
print(tally)
