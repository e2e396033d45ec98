def m(v):
    match v:
        case [1, (2 | 3) as second, *_]:
            return f"starts 1 then {second}"
        case {"a": 1} | {"b": 2}:
            return "a1 or b2"
        case ("x" | "y") as letter:
            return "letter " + letter
        case [[x, y], [z]] | [x, y, z]:
            return f"xyz {x}{y}{z}"
        case _:
            return "default"
for v in [[1, 3, 9], {"b": 2}, "y", [[1, 2], [3]], [4, 5, 6], 0]:
    print(m(v))
