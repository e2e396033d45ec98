from dataclasses import dataclass
@dataclass
class P:
    x: int
    y: int
def f(o):
    match o:
        case P(0, 0):
            return "origin"
        case P(x=0):
            return "on y"
        case P(x, y) if x > y:
            return "below"
        case bool(b):
            return f"bool {b}"
        case int(i) | float(i):
            return f"num {i}"
        case list([*items]):
            return f"list of {len(items)}"
        case dict():
            return "dict"
        case _:
            return "?"
for o in [P(0, 0), P(0, 3), P(5, 1), P(1, 5), True, 3, 2.5, [1, 2], {}, "s"]:
    print(f(o))
