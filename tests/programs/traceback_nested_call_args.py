def g(x):
    return x["k"]
def f(a, b):
    return a + b
print(f(g({"k": 1}), g({"k": 2})))
print(f(g({"k": 1}), g({})))
