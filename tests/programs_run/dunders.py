class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return V(-self.x, -self.y)
    def __eq__(self, o):
        return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __iter__(self):
        yield self.x
        yield self.y
    def __bool__(self):
        return bool(self.x or self.y)
    def __repr__(self):
        return f"V({self.x}, {self.y})"
    def __str__(self):
        return f"<{self.x},{self.y}>"
    def __call__(self, k):
        return self.x * k
    def __contains__(self, v):
        return v in (self.x, self.y)
a, b = V(1, 2), V(3, 4)
print(a + b, a - b, a * 3, 3 * a, -a, a == V(1, 2), a != b, a < b, sorted([b, a]))
print(len(a), a[0], a[1], list(a), bool(V(0, 0)), bool(a), str(a), repr(a), a(10), 2 in a, 5 in a)
print({a: 1}[V(1, 2)], max([a, b]), [str(v) for v in [a, b]])
x, y = a
print(x, y)
class Ctx:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None, ev)
        return True
with Ctx() as c:
    print("body", type(c).__name__)
with Ctx():
    raise ValueError("suppressed")
print("after")
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, v):
        self.items.append(v)
        return self
    def __setitem__(self, k, v):
        self.items.append((k, v))
    def __delitem__(self, k):
        self.items.append(("del", k))
acc = Acc()
acc += 1
acc["k"] = 2
del acc["z"]
print(acc.items)
