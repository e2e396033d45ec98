import io

s = io.StringIO()
print(s.write("hello\nworld\n"), s.tell())
s.seek(0)
print(repr(s.readline()), repr(s.read(3)), repr(s.read()))
s.seek(6)
s.write("WORLD")
print(repr(s.getvalue()))
s.seek(0, io.SEEK_END)
print(s.tell())
print(list(io.StringIO("a\nb\nc")))
with io.StringIO("x") as t:
    print(t.read())
try:
    t.read()
except ValueError as e:
    print(e)
try:
    io.StringIO().write(b"no")
except TypeError as e:
    print(e)
b = io.BytesIO(b"ab\ncd")
print(b.readline(), b.read(), b.getvalue())
b.seek(5)
b.write(b"!!")
print(b.getvalue(), b.truncate(3), b.getvalue())
try:
    b.write("str")
except TypeError as e:
    print(e)
print(type(s).__name__, isinstance(s, io.StringIO))
out = io.StringIO()
print("a", "b", sep="-", end="|", file=out)
print(repr(out.getvalue()))
