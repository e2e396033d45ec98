def a():
    x = 1
    def b():
        def c():
            nonlocal x
            x += 10
            return x
        return c()
    r = b()
    return r, x
print(a())
def counters():
    count = 0
    def inc():
        nonlocal count
        count += 1
    def get():
        return count
    return inc, get
inc, get = counters()
inc(); inc()
print(get())
