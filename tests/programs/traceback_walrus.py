values = [3, 0]
if (n := values[0] // values[1]) > 1:
    print(n)
