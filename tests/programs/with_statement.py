class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return self.suppress
with CM("a") as v:
    print("body", v)
with CM("b"), CM("c") as w:
    print("two", w)
with CM("d", suppress=True):
    raise ValueError("hidden")
print("after")
try:
    with CM("e"):
        raise KeyError("x")
except KeyError:
    print("propagated")
def f():
    with CM("f"):
        return "returned"
print(f())
for i in range(2):
    with CM(str(i)):
        if i == 0:
            continue
        break
