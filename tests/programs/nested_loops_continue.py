result = []
for i in range(4):
    for j in range(4):
        if j > i:
            break
        if (i + j) % 2:
            continue
        result.append((i, j))
print(result)
i = 0
while i < 3:
    j = 0
    while True:
        j += 1
        if j > i:
            break
    i += 1
    print(i, j)
