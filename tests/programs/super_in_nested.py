class Base:
    def greet(self):
        return "base"
class Child(Base):
    def greet(self):
        parts = [super().greet() for _ in range(2)]
        f = lambda: super(Child, self).greet()
        return parts, f()
print(Child().greet())
