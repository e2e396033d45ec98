print(list(range(5)), list(range(2, 8, 2)), list(range(5, 0, -1)))
print(list(zip(range(3), range(3, 6))), dict(zip("abc", range(3))))
print(list(reversed(range(4))), 3 in range(5), range(10)[2:5], len(range(0, 100, 7)))
total = 0
for i in range(1, 101):
    total += i
print(total)
