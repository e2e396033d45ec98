def f():
    raise ExceptionGroup("many", [ValueError("a"), KeyError("b")])
try:
    f()
except* ValueError:
    print("value part handled")
