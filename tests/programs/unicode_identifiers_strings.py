café = "naïve"
π = 3.14
print(café, π, len("日本語"), "日本語"[1], "émoji 😀"[-1], "ß".upper())
def größe(x):
    return x * 2
print(größe(2))
s = "ab\u00e9\U0001F600"
print(s, len(s), s.encode("utf-8"))
