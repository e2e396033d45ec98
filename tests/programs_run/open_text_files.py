# A scratch file in /tmp with a name unique to this run; left empty at the end (the test runs
# without the stdlib, so there is no `os.remove`).
path = "/tmp/cinder-open-text-files-%x.txt" % id(object())
with open(path, "w") as f:
    print(f.write("first line\n"), f.closed)
    f.write("second\r\nthird")
    f.writelines(["\n", "fourth\n"])
print(f.closed)
with open(path) as f:
    print(repr(f.readline()))
    print(repr(f.read(6)))
    print(f.readlines())
with open(path, "a") as f:
    f.write("appended\n")
for i, line in enumerate(open(path)):
    print(i, repr(line))
with open(path, "rb") as f:
    data = f.read()
print(type(data).__name__, len(data), data[:5])
with open(path, "wb") as f:
    f.write(b"bin\x00ary")
with open(path, "rb") as f:
    print(f.read())
try:
    with open(path, "w") as f:
        f.write(3)
except TypeError as e:
    print("TypeError", e)
try:
    f.read()
except ValueError as e:
    print("ValueError", e)
try:
    open(path + ".missing")
except FileNotFoundError as e:
    print("FileNotFoundError", str(e).replace(path, "PATH"))
for mode in ["rw", "rq", "rbt", "b", "r+b"]:
    try:
        open(path, mode).close()
        print(mode, "ok")
    except ValueError as e:
        print(mode, e)
with open(path, "w"):
    pass
with open(path) as f:
    print(repr(f.read()))
