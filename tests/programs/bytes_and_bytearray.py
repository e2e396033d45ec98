b = b"hello"
ba = bytearray(b)
ba[0] = ord("j")
print(b, ba, b[1], b[1:3], b.upper(), bytes([65, 66]), b.hex(), bytes.fromhex("4142"))
print(len(b), b + b"!", b * 2, b"l" in b, b.split(b"l"), list(b"ab"))
mv = memoryview(b)
print(mv[0], bytes(mv[1:3]))
