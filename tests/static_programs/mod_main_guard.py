import __static__
from __static__ import int64, box

def work(n: int64) -> int64:
    return n * 2

if __name__ == "__main__":
    print(box(work(21)))
