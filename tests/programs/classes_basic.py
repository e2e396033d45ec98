class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def __str__(self):
        return f"Animal({self.name})"
class Dog(Animal):
    kind = "dog"
    def speak(self):
        return f"{self.name} barks"
a = Animal("cat")
d = Dog("rex")
print(a.speak(), d.speak(), str(d), d.kind, Animal.kind, isinstance(d, Animal))
print(Dog.__name__, Dog.__qualname__, Dog.__mro__[1].__name__, type(d).__name__)
d.age = 3
print(d.age, hasattr(d, "age"), getattr(d, "missing", None))
