d = {"a": 1, "b": 2}
d["c"] = 3
d.update(e=5)
print(d, d["a"], d.get("z"), d.get("z", 0), "a" in d, len(d))
print(list(d.keys()), list(d.values()), list(d.items()))
del d["b"]
print(d, d.pop("c"), d.setdefault("f", 6), d)
e = {**d, "g": 7, **{"h": 8}}
print(e, {k: v * 2 for k, v in e.items() if v > 1})
print(dict(a=1, b=2), dict([("x", 1)]), {1: "one", 2: "two"}[2])
print({i: i * i for i in range(5)})
