import __static__
from typing import Optional

def describe(x: Optional[int]) -> str:
    if x is None:
        return "nothing"
    return f"value {x + 1}"

print(describe(None))
print(describe(41))
