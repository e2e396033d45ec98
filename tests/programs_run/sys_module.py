import sys
print(type(sys.argv).__name__, len(sys.argv) >= 1, sys.maxsize, sys.version_info[0], sys.version_info[:2] >= (3, 11))
print("to stderr", file=sys.stderr)
sys.stdout.write("written\n")
print("a", "b", sep="-", end="!\n")
print()
print("x", end="")
print("y")
print(*[1, 2, 3], sep=", ")
