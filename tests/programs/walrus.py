data = [1, 5, 12, 3, 20]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * 2) > 10])
print(y)
while (chunk := data.pop()) > 4:
    print("chunk", chunk)
def f():
    total = [t := 0]
    [t := t + v for v in range(5)]
    return t
print(f())
