s = list(range(10))
print(s[2:8:2], s[::3], s[-4:-1], s[:], s[5:], s[:-7], s[::-2])
s[1:4] = ["a"]
print(s)
del s[::2]
print(s)
t = "abcdef"
print(t[1:-1], t[10:], t[-100:2])
class Sl:
    def __getitem__(self, k):
        return k
print(Sl()[1:2], Sl()[::3], Sl()[1:2, 3], Sl()[...])
