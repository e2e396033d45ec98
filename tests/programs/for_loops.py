for i in range(3):
    print(i)
else:
    print("else")
for c in "ab":
    for d in [1, 2]:
        if d == 2:
            break
        print(c, d)
total = 0
for x in [1, 2, 3, 4]:
    if x == 3:
        continue
    total += x
print(total)
for k in {"a": 1}:
    print(k)
for i in range(10):
    if i == 4:
        break
else:
    print("never")
print(i)
