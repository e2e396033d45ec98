import __static__
def make_adder(n: int):
    def add(x):
        return x + n
    return add

a = make_adder(10)
print(a(5), a(-10))
