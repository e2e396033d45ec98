def double(n: int) -> int:
    return n * 2
