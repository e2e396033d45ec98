def f(path):
    try:
        with open(path) as fh:
            return fh.read()
    except OSError as err:
        print("failed", err)
    finally:
        print("done")
