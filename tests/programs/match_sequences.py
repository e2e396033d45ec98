def parse(cmd):
    match cmd.split():
        case []:
            return "empty"
        case ["go", direction]:
            return f"go {direction}"
        case ["pick", *items]:
            return f"pick {items}"
        case [first, *_, last]:
            return f"{first}..{last}"
for c in ["", "go north", "pick a b c", "x y z", "one"]:
    print(parse(c))
match (1, (2, 3)):
    case (a, (b, c)):
        print(a + b + c)
