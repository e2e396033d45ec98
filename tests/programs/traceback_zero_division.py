def divide(a, b):
    return a / b
def compute():
    values = [1, 2, 0]
    return [divide(10, v) for v in values]
print("start")
compute()
