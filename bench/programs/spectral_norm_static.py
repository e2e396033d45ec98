"""Spectral norm (Static Python): vectors are `Array[double]`, indices unboxed `int64`.
Prints the same value as `spectral_norm.py`."""

import __static__

import sys

from __static__ import Array, box, double, int64


def eval_a(i: int64, j: int64) -> double:
    return 1.0 / double((i + j) * (i + j + 1) // 2 + i + 1)


def times_u(u: Array[double], out: Array[double], n: int64, transpose: bool) -> None:
    i: int64 = 0
    while i < n:
        total: double = 0.0
        j: int64 = 0
        while j < n:
            if transpose:
                total += eval_a(j, i) * u[j]
            else:
                total += eval_a(i, j) * u[j]
            j += 1
        out[i] = total
        i += 1


def ata_times_u(u: Array[double], out: Array[double], tmp: Array[double], n: int64) -> None:
    times_u(u, tmp, n, False)
    times_u(tmp, out, n, True)


def main(size: int) -> None:
    n: int64 = int64(size)
    u: Array[double] = Array[double](box(n))
    v: Array[double] = Array[double](box(n))
    tmp: Array[double] = Array[double](box(n))
    i: int64 = 0
    while i < n:
        u[i] = 1.0
        i += 1
    k: int64 = 0
    while k < 10:
        ata_times_u(u, v, tmp, n)
        ata_times_u(v, u, tmp, n)
        k += 1
    vbv: double = 0.0
    vv: double = 0.0
    i = 0
    while i < n:
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
        i += 1
    print(f"{box((vbv / vv) ** 0.5):.9f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
