log = []
def f():
    try:
        log.append("try")
        return "r"
    finally:
        log.append("finally")
print(f(), log)
def g():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
    return "end"
print(g())
