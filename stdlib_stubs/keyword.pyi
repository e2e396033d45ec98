from typing import Sequence

def iskeyword(s: str, /) -> bool: ...
def issoftkeyword(s: str, /) -> bool: ...

kwlist: Sequence[str]
softkwlist: Sequence[str]
