class AppError(Exception):
    pass
def load(name):
    raise AppError(f"cannot load {name}")
load("config")
