"""N-queens (Static Python): counts the same solutions as `nqueens.py` with a typed
backtracking search over columns, using checked lists and unboxed loop counters."""

import __static__

import sys

from __static__ import CheckedList, box, cbool, int64


def safe(placed: CheckedList[int], row: int64, col: int64) -> cbool:
    r: int64 = 0
    while r < row:
        c: int64 = int64(placed[r])
        if c == col or c - col == r - row or c - col == row - r:
            return False
        r += 1
    return True


def solve(n: int64, row: int64, placed: CheckedList[int], out: list) -> None:
    if row == n:
        out.append(tuple(placed))
        return
    col: int64 = 0
    while col < n:
        if safe(placed, row, col):
            placed[row] = box(col)
            solve(n, row + 1, placed, out)
        col += 1


def n_queens(n: int64) -> list:
    placed: CheckedList[int] = CheckedList[int]([0] * box(n))
    out: list = []
    solve(n, 0, placed, out)
    return out


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    solutions = n_queens(int64(n))
    print(f"{n} queens: {len(solutions)} solutions, first {solutions[0]}")
