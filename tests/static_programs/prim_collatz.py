import __static__
from __static__ import int64, box

def steps(n: int64) -> int64:
    c: int64 = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        c += 1
    return c

best: int = 0
for k in range(1, 30):
    s = box(steps(int64(k)))
    if s > best:
        best = s
print(best)
