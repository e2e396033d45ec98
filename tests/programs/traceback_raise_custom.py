class AppError(Exception):
    pass
def level3():
    raise AppError("something broke")
def level2():
    level3()
def level1():
    try:
        level2()
    except AppError as e:
        raise RuntimeError("wrapped") from e
level1()
