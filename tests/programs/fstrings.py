name = "world"
n = 42
pi = 3.14159
print(f"hello {name}!", f"{n:05d}", f"{pi:.2f}", f"{name!r}", f"{name!s:>10}|", f"{n!a}")
print(f"{n + 1} {n * 2:x} {'nested'} {f'{n}'} {{literal}}")
width = 8
print(f"{pi:{width}.{3}f}|", f"{name=}", f"{n=:>5}")
print(f"{'a' if n > 1 else 'b'}", f"{[i for i in range(3)]}", f"{ {'k': 1}['k'] }")
