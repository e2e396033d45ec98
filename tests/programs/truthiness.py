vals = [0, 1, "", "a", [], [0], {}, {"a": 1}, None, 0.0, (), set(), range(0)]
print([bool(v) for v in vals])
class T:
    def __len__(self):
        return 0
class U:
    def __bool__(self):
        return True
print(bool(T()), bool(U()), not T(), "yes" if U() else "no")
if not []:
    print("empty list is falsy")
while not 0:
    print("loop once")
    break
