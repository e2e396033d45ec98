def gen(items):
    for item in items:
        match item:
            case [x, *rest]:
                yield x
            case {"k": v}:
                yield v
            case _:
                yield from ()
