from dataclasses import dataclass, field
@dataclass(order=True)
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)
a = Item("a", 2.0)
b = Item("b", 1.0, ["x"])
print(a, b, a < b, sorted([b, a])[0].name, a == Item("a", 2.0))
