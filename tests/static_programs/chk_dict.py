import __static__
from __static__ import CheckedDict

def count(words: list) -> CheckedDict[str, int]:
    d = CheckedDict[str, int]()
    for w in words:
        d[w] = d.get(w, 0) + 1
    return d

d = count(["a", "b", "a", "c", "a"])
print(sorted(d.items()))
