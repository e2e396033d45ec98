def f():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("finally", i)
    return "end"
print(f())
def g():
    try:
        return "try"
    finally:
        print("cleanup")
print(g())
def h():
    try:
        return "try"
    finally:
        return "finally"
print(h())
def k():
    while True:
        try:
            try:
                return 1
            finally:
                print("inner")
        finally:
            print("outer")
print(k())
