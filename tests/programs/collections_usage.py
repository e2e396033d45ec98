from collections import Counter, defaultdict, deque, namedtuple, OrderedDict
c = Counter("mississippi")
print(c.most_common(2), c["s"])
dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dict(dd))
dq = deque([1, 2, 3], maxlen=3)
dq.append(4)
dq.appendleft(0)
print(dq)
Pt = namedtuple("Pt", "x y")
p = Pt(1, 2)
print(p, p.x + p.y, p._replace(x=5), p._asdict())
