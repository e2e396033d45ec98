x = "global"
class C:
    x = "class"
    y = x + "!"
    def m(self):
        return x
    z = [x for _ in range(1)]
print(C.y, C().m(), C.z)
def f():
    v = "local"
    class D:
        w = v
        def g(self):
            return v
    return D
D = f()
print(D.w, D().g())
