import __static__
from typing import Dict

def invert(d: Dict[str, int]) -> Dict[int, str]:
    out: Dict[int, str] = {}
    for k, v in d.items():
        out[v] = k
    return out

print(sorted(invert({"a": 1, "b": 2}).items()))
