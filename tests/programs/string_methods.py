s = "  The quick brown fox  "
print(s.strip(), s.lstrip(), s.rstrip(), s.title(), s.swapcase())
print(s.split(), s.strip().split(" ", 1), "a,b,,c".split(","), "x".center(5, "*"))
print("abc".encode(), b"abc".decode(), "%s-%d-%.2f" % ("a", 3, 1.5), "{}:{}".format(1, 2))
print("{0}{1}{0}".format("a", "b"), "{name}".format(name="n"), "%(k)s" % {"k": "v"})
print("hello".count("l"), "hello".index("e"), "Hello".isupper(), "123".isdigit(), "ab".zfill(5))
