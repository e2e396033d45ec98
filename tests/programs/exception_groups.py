def f():
    raise ExceptionGroup("group", [ValueError(1), TypeError(2), ValueError(3)])
try:
    f()
except* ValueError as eg:
    print("values", [str(e) for e in eg.exceptions])
except* TypeError as eg:
    print("types", [str(e) for e in eg.exceptions])
try:
    try:
        f()
    except* TypeError:
        print("handled types")
except ExceptionGroup as rest:
    print("rest", [str(e) for e in rest.exceptions])
