a, b, c = 1, 2, 3
print(a < b < c, a < b > c, a == 1 == True, 1 <= a <= 1, a is not None, None is None)
print([1, 2] == [1, 2], (1, 2) < (1, 3), "a" < "b", [] != [], a in [1, 2], 3 not in (1, 2))
x = 5
print(0 < x < 10, 0 < x < 3, not x, not not x)
if 1 < x < 10 and x != 7:
    print("in range")
if x < 0 or x > 4:
    print("outside")
print(1 if x else 2, (x > 3) + (x > 4))
