d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
d.update({"d": 4}, e=5)
print(d.pop("a"), d.pop("zz", None), d.setdefault("b", 9), d.setdefault("f", 6), d)
del d["b"]
print(d, d.popitem(), d)
e = dict(x=1, y=2)
f = dict([("k", "v")])
print(e, f, dict.fromkeys("ab", 0), {k: v * 2 for k, v in e.items()})
g = {1: "int", 1.0: "float", True: "bool"}
print(g)
h = {(1, 2): "tuple", None: "none", "s": [1]}
print(h[(1, 2)], h[None], h)
print({**e, **f}, e | f, sorted({"b": 1, "a": 2}))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get))
try:
    d["missing"]
except KeyError as err:
    print("KeyError", err, repr(err))
nested = {"a": {"b": {"c": 1}}}
print(nested["a"]["b"]["c"], nested == {"a": {"b": {"c": 1}}}, {} == {}, {1: 2} != {1: 3})
