print(True and False, True or False, not True, True + 1, True == 1, None is None, None == 0)
print(bool(None), bool(""), bool(" "), bool(0), bool(1), bool([]), bool({}), bool(()), bool(set()))
x = None
print(x or "default", x and "never", [] or {} or 0 or "last")
print(type(None).__name__, type(True).__name__, repr(None), str(False), int(True), isinstance(False, bool))
values = [0, 1, "", "a", None, [], [0]]
print([v for v in values if v], [bool(v) for v in values])
def check(v):
    if v is None:
        return "none"
    if not v:
        return "falsy"
    return "truthy"
print([check(v) for v in [None, 0, 1, ""]])
print(1 if None else 2, None if 0 else "z", (lambda: None)() is None)
print(max(True, 0), min(False, 1), sum([True, True, False]), sorted([True, False]))
