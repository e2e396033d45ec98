from pkg.helpers import double
from shared import shout
import missing_module

x: int = "a"  # type: ignore
y: int = "b"  # type: ignore[bad-assignment]
z: int = "c"  # type: ignore[unresolved-name]
w: int = shout("d")
reveal_type(double(1))
