from __future__ import annotations
def f(a: List[int], b: Dict[str, int] = None) -> Optional[int]:
    return None
class C:
    x: Undefined
print(f.__annotations__)
print(C.__annotations__)
