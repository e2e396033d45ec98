x = 1
def set_global():
    global x
    x = 2
set_global()
print(x)
def read_global():
    return x * 10
print(read_global())
def nested():
    y = 1
    def change():
        nonlocal y
        y = 5
    change()
    return y
print(nested())
def make():
    global z
    z = "made"
make()
print(z)
