import datetime
d = datetime.date(2024, 1, 5)
x = 3.14159
items = ["a", "b"]
print(f"{d:%Y-%m-%d}", f"{x:10.3f}|", f"{x:<10}|", f"{12345678:,}", f"{0.25:.1%}")
print(f"{'{'}{'}'}", f"{items[0]}{items[-1]!r}", f"{len(items) * 2}", f"{'-' * 5}")
print(f"{x!r:>12}", f"{3:{'0'}{4}}", f"{'nested {}'.format(1)}")
name = "v"
print(f"{name=!s}", f"{x = :.2f}")
print(f"""multi
{name}
line""")
