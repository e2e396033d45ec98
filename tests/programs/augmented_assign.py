x = 5
x += 3; x -= 1; x *= 2; x //= 3; x **= 2; x %= 7; x <<= 2; x >>= 1; x |= 8; x &= 12; x ^= 5
print(x)
s = "a"
s += "b"
s *= 3
print(s)
lst = [1, 2]
alias = lst
lst += [3]
print(alias, lst is alias)
d = {"k": 1}
d["k"] += 10
class O:
    v = 1
o = O()
o.v += 5
print(d, o.v, O.v)
m = [[0, 0], [0, 0]]
m[1][0] += 7
print(m)
f = 1.5
f /= 2
print(f)
