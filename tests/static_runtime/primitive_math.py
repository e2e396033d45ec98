import __static__
from __static__ import int8, int64, uint8, uint64, double, box
from dyn_helpers import ident, report


def add8(a: int8, b: int8) -> int8:
    return a + b


def addu8(a: uint8, b: uint8) -> uint8:
    return a + b


def add64(a: int64, b: int64) -> int64:
    return a + b


def div(a: int64, b: int64) -> int64:
    return a // b


def mod(a: int64, b: int64) -> int64:
    return a % b


def fdiv(a: double, b: double) -> double:
    return a / b


def big() -> uint64:
    x: uint64 = 0
    return x - 1


def main() -> None:
    # Arithmetic wraps at the declared width; boxing at the boundary is exact.
    report(add8, 100, 100)
    report(addu8, 200, 200)
    report(add64, 9223372036854775807, 9223372036854775807)
    report(div, -7, 2)
    report(mod, -7, 2)
    report(div, 1, 0)
    report(mod, 1, 0)
    report(fdiv, 1.0, 0.0)
    report(big)
    report(add64, 2**63, 0)
    print(box(add8(int8(-128), int8(-1))))


if __name__ == "__main__":
    main()
