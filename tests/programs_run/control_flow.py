for i in range(3):
    if i == 1:
        continue
    print("i", i)
else:
    print("for-else")
n = 0
while n < 10:
    n += 3
    if n == 9:
        break
else:
    print("not reached")
print("n", n)
for x in []:
    pass
else:
    print("empty else")
def classify(v):
    if v < 0:
        return "neg"
    elif v == 0:
        return "zero"
    elif v < 10:
        return "small"
    return "big"
print([classify(v) for v in (-1, 0, 5, 50)])
print(1 if True else 2, 0 or "x", 3 and 4, None or 0 or [], not 0, 1 < 2 < 3, 3 > 2 > 2)
i = 0
while True:
    i += 1
    if i > 5:
        break
print(i)
total = 0
for a in range(4):
    for b in range(4):
        if b > a:
            break
        total += a * b
print(total)
