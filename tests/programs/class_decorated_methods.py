import functools
def logged(fn):
    @functools.wraps(fn)
    def inner(*a):
        return ("logged", fn(*a))
    return inner
class K:
    @logged
    def m(self, x):
        return x + 1
    @staticmethod
    @logged
    def s(x):
        return x * 2
print(K().m(1), K.s(4), K.m.__name__)
