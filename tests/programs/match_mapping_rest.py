def split(d):
    match d:
        case {"id": ident, **rest}:
            return ident, rest
        case {}:
            return "empty or other mapping"
for d in [{"id": 1, "x": 2, "y": 3}, {"z": 0}, {}]:
    print(split(d))
match {"a": 1}:
    case {"a": 1, **rest} if not rest:
        print("exact")
