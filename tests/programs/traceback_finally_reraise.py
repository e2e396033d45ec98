def f():
    try:
        raise ValueError("in try")
    finally:
        print("finally runs")
f()
