class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
def where(p):
    match p:
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"y-axis {y}"
        case Point(x, 0):
            return f"x-axis {x}"
        case Point(x=x, y=y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "somewhere"
for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 3)]:
    print(where(p))
def cfg(d):
    match d:
        case {"type": "user", "name": str(name)}:
            return f"user {name}"
        case {"type": "group", **rest}:
            return f"group {sorted(rest)}"
        case {"type": t}:
            return f"unknown {t}"
        case int() | float() as num:
            return f"number {num}"
        case [int(a), int(b)] as pair:
            return f"pair {pair}"
    return "no match"
for d in [{"type": "user", "name": "ann"}, {"type": "group", "a": 1, "b": 2}, {"type": "x"}, 3.5, [1, 2], "s"]:
    print(cfg(d))
