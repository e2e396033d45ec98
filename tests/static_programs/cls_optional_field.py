import __static__
from typing import Optional

class Node:
    def __init__(self, value: int, next: Optional["Node"]) -> None:
        self.value: int = value
        self.next: Optional[Node] = next

def length(n: Optional[Node]) -> int:
    c = 0
    while n is not None:
        c += 1
        n = n.next
    return c

lst = Node(1, Node(2, Node(3, None)))
print(length(lst), length(None))
