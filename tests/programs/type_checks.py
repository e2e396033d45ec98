def kind(v):
    if isinstance(v, bool):
        return "bool"
    elif isinstance(v, int):
        return "int"
    elif isinstance(v, (list, tuple)):
        return "seq"
    return type(v).__name__
print([kind(v) for v in [True, 3, [1], (1,), "s", None, 1.0]])
