s = "Hello, World"
print(s.lower(), s.upper(), s[0], s[-1], s[2:5], s[::-1], s[1:10:2])
print(len(s), s.find("World"), s.replace("l", "L"), s.split(", "), "-".join(["a", "b", "c"]))
print("abc" * 3, "a" in s, "z" not in s, s.startswith("Hell"), repr("it's"), 'say "hi"')
print("caf\u00e9", "tab\tend", b"bytes\x00", "multi\nline")
