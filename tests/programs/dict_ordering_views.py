d = {}
for k in "zyxw":
    d[k] = ord(k)
print(list(d), d.keys() & {"x", "q"}, sorted(d.values())[:2])
d2 = dict.fromkeys("ab", 0)
d2 |= {"c": 1}
print(d2, d | {"z": 0} == {**d, "z": 0})
print({k: v for k, v in sorted(d.items(), key=lambda kv: kv[1])})
