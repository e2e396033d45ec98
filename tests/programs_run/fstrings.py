name = "world"
n = 42
f = 3.14159
items = [1, 2, 3]
print(f"hello {name}! {n} {n:5d} {n:<5}| {f:.3f} {f!r} {name!r} {name!s:>8}")
print(f"{items} {len(items)} {items[0] + 10} {'nested'} {n * 2 if n > 40 else 0}")
print(f"{n:x} {n:o} {n:b} {n:#x} {1000000:,} {1000000:_} {-5:+} {5: }")
print(f"{{braces}} {name.upper()} {3.0} {1e100} {0.1+0.2}")
width = 10
print(f"[{name:^{width}}] [{f:{width}.2f}]")
print(f"{True} {None} {b'x'} {(1, 2)} {dict(a=1)}")
