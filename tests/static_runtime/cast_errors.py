import __static__
from typing import Optional
from __static__ import cast
from dyn_helpers import report


class A:
    pass


class B(A):
    pass


def to_a(x: object) -> A:
    return cast(A, x)


def to_opt(x: object) -> Optional[A]:
    return cast(Optional[A], x)


def to_int(x: object) -> int:
    return cast(int, x)


def main() -> None:
    report(lambda: type(to_a(B())).__name__)
    report(to_a, 42)
    report(to_a, None)
    report(to_opt, None)
    report(to_opt, "s")
    report(to_int, True)
    report(to_int, 2.5)


if __name__ == "__main__":
    main()
