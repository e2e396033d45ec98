def check(x):
    assert x > 0, f"x must be positive, got {x}"
    assert x
    return x
print(check(3))
try:
    check(-1)
except AssertionError as e:
    print("assert:", e)
try:
    assert False
except AssertionError as e:
    print("bare", repr(e))
