import __static__
from lib_shapes import Square, area_of

s = Square(4)
print(area_of(s), s.side)
