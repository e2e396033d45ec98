class MyList(list):
    def total(self):
        return sum(self)
m = MyList([1, 2, 3])
m.append(4)
print(m, len(m), m.total(), m[1], isinstance(m, list), m[1:3])
class MyDict(dict):
    def __missing__(self, key):
        return key * 2
d = MyDict(a=1)
print(d["a"], d["zz"], len(d), "a" in d)
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
s = MyStr("hi")
print(s, s.shout(), s + "x", len(s), s == "hi")
class MyInt(int):
    def double(self):
        return self * 2
n = MyInt(21)
print(n, n.double(), n + 1, n > 20)
class Stack(list):
    def __init__(self):
        super().__init__()
        self.pushes = 0
    def push(self, v):
        self.pushes += 1
        self.append(v)
st = Stack()
st.push(1); st.push(2)
print(st, st.pushes, st.pop(), st)
