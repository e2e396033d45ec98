class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
class Dog(Animal):
    kind = "dog"
    def speak(self):
        return super().speak() + " (woof)"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return Dog.speak(self) + f" age {self.age}"
a, d, p = Animal("a"), Dog("d"), Puppy("p", 1)
print(a.speak(), d.speak(), p.speak(), sep="\n")
print(a, d, p, [a, d], Dog.kind, p.kind, Animal.kind)
print(isinstance(p, Animal), isinstance(a, Dog), issubclass(Puppy, Animal), type(p) is Puppy)
print(Puppy.__mro__, Puppy.__bases__, Puppy.__name__, p.__class__.__name__)
print(hasattr(p, "age"), getattr(p, "missing", "dflt"), vars(p))
setattr(p, "color", "brown")
print(p.color, p.__dict__)
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
    @classmethod
    def count(cls):
        return cls.instances
    @staticmethod
    def helper(x):
        return x * 2
Counter(); Counter()
print(Counter.count(), Counter.helper(4), Counter().count())
class P:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        self._x = v * 10
o = P()
o.x = 5
print(o.x)
class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
print([k.__name__ for k in D.__mro__])
