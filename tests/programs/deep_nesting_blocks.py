def f(n):
    out = []
    for a in range(n):
        if a % 2 == 0:
            for b in range(a):
                try:
                    with open("/dev/null") as fh:
                        while b > 0:
                            if b == 1:
                                out.append((a, b))
                            b -= 1
                except OSError:
                    pass
    return out
print(f(5))
