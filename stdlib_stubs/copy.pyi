from typing import Any, TypeVar

_T = TypeVar("_T")

class Error(Exception): ...

error = Error

def deepcopy(x: _T, memo: dict[int, Any] | None = None, _nil: Any = []) -> _T: ...
def copy(x: _T) -> _T: ...
