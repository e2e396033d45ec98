import sys
print("a", "b", sep="|", end="!\n")
print("to stderr", file=sys.stderr)
print()
print(*range(5))
