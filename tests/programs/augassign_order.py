calls = []
def key(k):
    calls.append(("key", k))
    return k
def obj():
    calls.append("obj")
    return d
d = {"a": 1}
obj()[key("a")] += 5
print(d, calls)
class C:
    def __init__(self):
        self.v = 1
c = C()
def getc():
    calls.append("getc")
    return c
getc().v *= 10
print(c.v, calls)
