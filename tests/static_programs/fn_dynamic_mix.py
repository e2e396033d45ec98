import __static__
def plain(x):
    return x + 1

def typed(x: int) -> int:
    return plain(x) * 2

print(typed(4))
