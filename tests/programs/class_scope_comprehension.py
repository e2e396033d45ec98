class C:
    base = [1, 2, 3]
    doubled = [x * 2 for x in base]
    names = {n: len(n) for n in ("a", "bb")}
print(C.doubled, C.names)
