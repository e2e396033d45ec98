import __static__
class Item:
    def __init__(self, name: str, price: int) -> None:
        self.name: str = name
        self.price: int = price

def cheapest(items: list) -> str:
    best = None
    for it in items:
        if best is None or it.price < best.price:
            best = it
    return best.name if best is not None else "none"

print(cheapest([Item("a", 5), Item("b", 2), Item("c", 9)]))
