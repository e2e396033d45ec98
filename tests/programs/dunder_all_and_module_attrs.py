__all__ = ["visible"]
visible = 1
_hidden = 2
print(__name__, sorted(k for k in globals() if not k.startswith("__")))
import sys
print(sys.modules[__name__].visible)
