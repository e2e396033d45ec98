import __static__
def check(x: int) -> int:
    if x < 0:
        raise ValueError(f"negative: {x}")
    return x

for v in [3, -1]:
    try:
        print(check(v))
    except ValueError as e:
        print("error", e)
