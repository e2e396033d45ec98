class Base:
    def hello(self):
        return "base"

class Child(Base):
    """Docs."""
    label: str = "child"

    def hello(self):
        return super().hello() + f" and {self.label!r}"
