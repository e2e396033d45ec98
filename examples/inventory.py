"""Plain annotated Python: generics, TypeVar, classes with properties and class methods."""

from typing import Generic, TypeVar

T = TypeVar("T")


class Stack(Generic[T]):
    def __init__(self) -> None:
        self._items: list[T] = []

    def push(self, item: T) -> None:
        self._items.append(item)

    def pop(self) -> T:
        return self._items.pop()

    @property
    def size(self) -> int:
        return len(self._items)


class Item:
    count = 0

    def __init__(self, name: str, price: int) -> None:
        self.name = name
        self.price = price
        Item.count += 1

    @classmethod
    def free(cls, name: str) -> "Item":
        return cls(name, 0)

    def __repr__(self) -> str:
        return f"Item({self.name!r}, {self.price})"


def first_word(text: str) -> str:
    words = text.split()
    return words[0] if words else ""


def main() -> None:
    stack: Stack[Item] = Stack()
    stack.push(Item("apple", 3))
    stack.push(Item.free("sample"))
    prices: dict[str, int] = {}
    while stack.size:
        item = stack.pop()
        prices[item.name] = item.price
    print(sorted(prices.items()), Item.count, first_word("hello world"))


if __name__ == "__main__":
    main()
