"""Fannkuch-redux (Static Python): the permutations live in `int64` arrays and every loop
counter is an unboxed `int64`. Prints the same result as `fannkuch.py`."""

import __static__

import sys

from __static__ import Array, box, int64


def fannkuch(n: int64) -> int64:
    count: Array[int64] = Array[int64](box(n))
    perm1: Array[int64] = Array[int64](box(n))
    perm: Array[int64] = Array[int64](box(n))
    i: int64 = 0
    while i < n:
        perm1[i] = i
        count[i] = i + 1
        i += 1
    max_flips: int64 = 0
    m: int64 = n - 1
    r: int64 = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        if perm1[0] != 0 and perm1[m] != m:
            i = 0
            while i < n:
                perm[i] = perm1[i]
                i += 1
            flips: int64 = 0
            k: int64 = perm[0]
            while k != 0:
                lo: int64 = 0
                hi: int64 = k
                while lo < hi:
                    t: int64 = perm[lo]
                    perm[lo] = perm[hi]
                    perm[hi] = t
                    lo += 1
                    hi -= 1
                flips += 1
                k = perm[0]
            if flips > max_flips:
                max_flips = flips
        while r != n:
            first: int64 = perm1[0]
            i = 0
            while i < r:
                perm1[i] = perm1[i + 1]
                i += 1
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        if r == n:
            return max_flips
    return max_flips


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    print(f"Pfannkuchen({n}) = {box(fannkuch(int64(n)))}")
