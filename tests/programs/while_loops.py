i = 0
total = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    total += i
    if total > 20:
        break
else:
    print("no break")
print(i, total)
n = 3
while n:
    n -= 1
else:
    print("done", n)
while True:
    n += 1
    if n == 3:
        break
print(n)
