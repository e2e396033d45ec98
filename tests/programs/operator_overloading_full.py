class N:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"N({self.v})"
    def __sub__(self, o): return N(self.v - o.v)
    def __mul__(self, o): return N(self.v * (o.v if isinstance(o, N) else o))
    def __rmul__(self, o): return N(o * self.v)
    def __truediv__(self, o): return N(self.v / o.v)
    def __floordiv__(self, o): return N(self.v // o.v)
    def __mod__(self, o): return N(self.v % o.v)
    def __pow__(self, o): return N(self.v ** o.v)
    def __neg__(self): return N(-self.v)
    def __pos__(self): return N(+self.v)
    def __invert__(self): return N(~self.v)
    def __lt__(self, o): return self.v < o.v
    def __le__(self, o): return self.v <= o.v
    def __contains__(self, x): return x == self.v
    def __matmul__(self, o): return N(self.v * o.v + 1)
    def __iadd__(self, o):
        self.v += o.v
        return self
a, b = N(7), N(2)
print(a - b, a * b, 3 * a, a * 3, a / b, a // b, a % b, a ** b, -a, +a, ~a, a < b, a <= a, 7 in a, a @ b)
a += b
print(a, sorted([N(3), N(1)], key=lambda n: n.v))
