def validate(x):
    assert isinstance(x, int), "expected an int"
    return x
validate(1)
validate("no")
