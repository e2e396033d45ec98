from contextlib import contextmanager, suppress
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name
    finally:
        print(f"</{name}>")
with tag("a") as t, tag("b"):
    print("inside", t)
with suppress(ZeroDivisionError):
    1 / 0
print("suppressed")
