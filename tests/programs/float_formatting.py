vals = [0.1, 1e16, 1e-5, 123456789.0, 1.0, -2.5, 1e22, 3.0e-320, float("inf"), -float("inf")]
for v in vals:
    print(repr(v), str(v), f"{v:g}")
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9, 2.0 ** 0.5, 7.0 / 2, 1 / 3)
