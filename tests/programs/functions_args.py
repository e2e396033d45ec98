def f(a, b=2, *args, c, d=4, **kwargs):
    return (a, b, args, c, d, kwargs)
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
print(f(*[1, 2], **{"c": 3, "z": 0}))
def g(x, y, /, z, *, w):
    return x + y + z + w
print(g(1, 2, 3, w=4), g(1, 2, z=3, w=4))
def h(*, key=None):
    return key
print(h(), h(key="v"))
args = (1, 2)
kw = {"z": 3, "w": 4}
print(g(*args, **kw))
print(f(0, *range(3), c=1, **{"q": 9}))
