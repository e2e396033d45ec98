class Meta(type):
    def __new__(mcls, name, bases, ns, flag=None):
        cls = super().__new__(mcls, name, bases, ns)
        cls.flag = flag
        return cls
class X(metaclass=Meta, flag="on"):
    pass
class Y(X):
    pass
print(X.flag, Y.flag, type(Y).__name__)
bases = (object,)
class Z(*bases):
    pass
print(Z.__bases__)
