def outer():
    a = 1
    def mid():
        b = 2
        def inner():
            return a + b
        return inner()
    return mid()
print(outer())
def shadow():
    x = "outer"
    def f():
        x = "inner"
        return x
    return f(), x
print(shadow())
def counter_gen():
    n = 0
    def step():
        nonlocal n
        n += 1
        return n
    return [step() for _ in range(3)]
print(counter_gen())
