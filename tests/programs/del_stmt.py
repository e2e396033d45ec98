a = 1
b = [1, 2, 3]
c = {"k": 1, "j": 2}
class O:
    pass
o = O()
o.attr = 1
del a, b[0], c["k"], o.attr
print(b, c, hasattr(o, "attr"))
try:
    print(a)
except NameError as e:
    print(e)
def f():
    x = 1
    del x
    try:
        return x
    except UnboundLocalError as e:
        return str(e)
print(f())
