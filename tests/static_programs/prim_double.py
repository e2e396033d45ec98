import __static__
from __static__ import double, box

def area(r: double) -> double:
    return r * r * 3.0

def mix(a: double, b: double) -> double:
    return (a + b) / 2.0 - a * 0.5

print(box(area(2.0)))
print(box(mix(3.0, 5.0)))
print(box(area(0.5)))
