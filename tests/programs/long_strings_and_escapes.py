s = "a" * 300
print(len(s), s[:3])
raw = r"C:\new\table"
print(raw, len(raw))
multi = """triple "quoted"
with 'both'"""
print(multi)
print("\x41\101\N{GREEK SMALL LETTER ALPHA}", b"\x00\xff")
