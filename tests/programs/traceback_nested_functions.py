def outer():
    def inner(v):
        return v.missing_attribute
    return inner(42)
outer()
