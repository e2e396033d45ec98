g = 0
def outer():
    def inner():
        global g
        g += 1
        return g
    return inner() + inner()
print(outer(), g)
def shadow_global():
    g = "local"
    def read():
        return g
    return read()
print(shadow_global(), g)
