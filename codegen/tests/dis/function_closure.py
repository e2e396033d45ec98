def outer(a, *, b=2):
    total = a
    def inner(x):
        nonlocal total
        total += x * b
        return total
    return inner
