def check(v):
    match v:
        case int(n) if n < 0:
            return "negative"
        case int(n) if n > 100:
            return "big"
        case [x, y] if x == y:
            return "same pair"
        case (x, y):
            return f"pair {x},{y}"
        case {"k": [a, *others]}:
            return f"k list {a} {others}"
        case str() as s if s:
            return "str " + s
        case n:
            return f"fallback {n!r}"
for v in [-5, 500, 7, [1, 1], (1, 2), {"k": [1, 2, 3]}, "txt", "", None]:
    print(check(v))
