def f(x):
    try:
        try:
            if x == 1:
                raise ValueError("v")
            if x == 2:
                raise KeyError("k")
            return "none"
        except ValueError:
            return "inner value"
        finally:
            print("inner finally", x)
    except KeyError:
        return "outer key"
    finally:
        print("outer finally", x)
for x in range(3):
    print(f(x))
