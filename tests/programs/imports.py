import os.path
import collections.abc as cabc
from math import sqrt, pi as PI
from itertools import *
import json, sys
print(os.path.join("a", "b"), sqrt(16), round(PI, 3), issubclass(list, cabc.Sequence))
print(list(islice(count(5), 3)), json.dumps({"a": [1, 2]}), type(sys.version_info.major).__name__)
def local_import():
    import string
    from functools import reduce
    return string.ascii_lowercase[:3], reduce(lambda a, b: a + b, [1, 2, 3])
print(local_import())
