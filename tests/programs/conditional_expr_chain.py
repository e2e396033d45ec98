def classify(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"
print([classify(v) for v in (-2, 0, 5)])
x = 7
r = "big" if x > 5 and x < 10 else "small"
print(r)
if x > 10:
    print("a")
elif x > 5:
    print("b")
elif x > 0:
    print("c")
else:
    print("d")
