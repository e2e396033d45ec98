class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __repr__(self):
        return f"V({self.x}, {self.y})"
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __iter__(self):
        yield self.x
        yield self.y
    def __bool__(self):
        return bool(self.x or self.y)
    def __call__(self, k):
        return V(self.x * k, self.y * k)
    def __hash__(self):
        return hash((self.x, self.y))
v = V(1, 2) + V(3, 4)
print(v, v == V(4, 6), len(v), v[1], list(v), bool(V(0, 0)), v(2), {v: 1}[V(4, 6)])
x, y = v
print(x, y)
