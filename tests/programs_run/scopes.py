x = 10
def read_global():
    return x
def shadow():
    x = 20
    return x
print(read_global(), shadow(), x)
def try_unbound():
    try:
        print(y)
        y = 1
    except UnboundLocalError as e:
        print("unbound:", e)
try_unbound()
class K:
    attr = [i for i in range(3)]
    doubled = [a * 2 for a in attr]
print(K.attr, K.doubled)
def make_counter():
    counts = {"n": 0}
    def incr():
        counts["n"] += 1
        return counts["n"]
    return incr
c = make_counter()
c(); c()
print(c())
def outer():
    v = 1
    def mid():
        def inner():
            nonlocal v
            v += 10
            return v
        return inner()
    return mid(), v
print(outer())
for i in range(3):
    pass
print(i)
squares = [j * j for j in range(4)]
try:
    print(j)
except NameError as e:
    print("comprehension scope:", e)
