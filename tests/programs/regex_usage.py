import re
m = re.match(r"(\w+)@(\w+)\.com", "user@example.com")
print(m.group(1), m.groups(), re.findall(r"\d+", "a1b22c333"), re.sub(r"\s+", " ", "a   b\tc"))
print(bool(re.search("x", "abc")), re.split(r"[,;]", "a,b;c"))
