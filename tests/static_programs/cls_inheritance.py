import __static__
class Animal:
    def __init__(self, name: str) -> None:
        self.name: str = name

    def sound(self) -> str:
        return "..."

    def speak(self) -> str:
        return f"{self.name} says {self.sound()}"

class Dog(Animal):
    def sound(self) -> str:
        return "woof"

class Cat(Animal):
    def sound(self) -> str:
        return "meow"

for a in [Animal("x"), Dog("rex"), Cat("tom")]:
    print(a.speak())
