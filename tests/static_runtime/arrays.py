# Array[T] used from dynamic code: zero-initialised, element type checked on every store.
from __static__ import Array, int64, int8, double
a = Array[int64](3)
a[0] = 5
a[-1] = 7
print(a[0], a[2], len(a), list(a), type(a).__name__)
for bad in ("x", 2.5, 2**64):
    try:
        a[1] = bad
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    a[3] = 1
except IndexError as e:
    print("IndexError", e)
try:
    a[0:1]
except TypeError as e:
    print("TypeError", e)
b = Array[int8](2)
try:
    b[0] = 200
except OverflowError as e:
    print("OverflowError", e)
d = Array[double](2)
d[1] = 1.5
print(d[0], d[1])
