import io
buf = io.StringIO("line1\nline2\n")
for line in iter(buf.readline, ""):
    print(line.strip())
it = iter(range(2))
print(next(it), next(it), next(it, None))
try:
    next(it)
except StopIteration:
    print("exhausted")
