x = 1.5
y = 0.1 + 0.2
print(x * 2, y, x / 3, 7.0 // 2, 7.5 % 2, -x, 1e300 * 10, float("nan") != float("nan"))
print(round(2.675, 2), int(3.9), float(7), 3 + 4j, (1 + 2j) * (3 - 1j), complex(1, -1).conjugate())
