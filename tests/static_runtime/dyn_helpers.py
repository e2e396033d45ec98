"""Plain-Python (non-static) helpers: calls from here into static code are dynamic calls."""


def report(f, *args):
    """Calls f(*args) dynamically and prints its result or the exception it raised."""
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(f"{type(e).__name__}: {e}")


def set_attr(obj, name, value):
    setattr(obj, name, value)


def get_attr(obj, name):
    return getattr(obj, name)


def append(xs, value):
    xs.append(value)


def set_item(container, key, value):
    container[key] = value


def ident(value):
    return value


def extend(xs, items):
    xs.extend(items)


def build(cls, *args):
    return cls(*args)
