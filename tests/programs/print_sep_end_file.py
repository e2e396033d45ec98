import sys, io
out = io.StringIO()
print("a", 1, None, sep=":", end="$", file=out)
print(out.getvalue())
print("x" * 3, "y", sep="")
sys.stdout.write("direct\n")
