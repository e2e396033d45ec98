import __static__
from __static__ import CheckedDict, CheckedList, int64
from dyn_helpers import append, build, extend, report, set_item


def ints() -> CheckedList[int]:
    return CheckedList[int]([1, 2])


def ages() -> CheckedDict[str, int]:
    return CheckedDict[str, int]({"ann": 3})


def main() -> None:
    xs = ints()
    report(append, xs, 3)
    report(append, xs, "x")
    report(set_item, xs, 0, 2.5)
    report(extend, xs, [4, None])
    print(list(xs), type(xs).__name__)
    d = ages()
    report(set_item, d, "bob", 4)
    report(set_item, d, 5, 4)
    report(set_item, d, "cy", "old")
    report(build, CheckedList[int], ["a"])
    print(sorted(d.items()), type(d).__name__)


if __name__ == "__main__":
    main()
