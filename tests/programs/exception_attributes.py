try:
    int("x")
except ValueError as e:
    print(type(e).__name__, e.args)
try:
    [].pop()
except IndexError as e:
    print(str(e))
try:
    {}.__getitem__("missing")
except KeyError as e:
    print(repr(e))
e = ValueError("v")
e.add_note("a note")
print(e.__notes__)
print(issubclass(KeyError, LookupError), isinstance(e, Exception))
