def find(xs, target):
    for i, x in enumerate(xs):
        if x == target:
            print("found at", i)
            break
    else:
        print("not found")
find([1, 2, 3], 2)
find([1, 2, 3], 9)
n = 0
while n < 5:
    n += 1
    if n == 10:
        break
else:
    print("while else", n)
