import __static__
from __static__ import int8, int64, uint8, double, cbool, box
from dyn_helpers import report


def repeat(n: int, text: str) -> str:
    return text * n


def twice(x: int8) -> int64:
    y: int64 = x
    return y * 2


def half(x: double) -> double:
    return x / 2.0


def flip(b: cbool) -> cbool:
    return not b


def top_bit(x: uint8) -> uint8:
    return x & 128


def main() -> None:
    # Dynamic callers go through CHECK_ARGS: wrong types raise StaticTypeError, primitives are
    # range-checked and unboxed, primitive results come back boxed.
    report(repeat, 2, "ab")
    report(repeat, "2", "ab")
    report(repeat, 2, 3)
    report(twice, 5)
    report(twice, 300)
    report(twice, -129)
    report(twice, "5")
    report(half, 3.0)
    report(half, 3)
    report(half, "3")
    report(flip, True)
    report(top_bit, 255)
    report(top_bit, 256)
    report(top_bit, -1)
    # Static callers skip the checks.
    print(repeat(3, "x"), box(twice(int8(-4))))


if __name__ == "__main__":
    main()
