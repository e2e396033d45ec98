print(2 ** 63, 2 ** 64 - 1, -2 ** 63, (-2) ** 63, 10 ** 18 * 10 ** 18)
print(0x7FFFFFFF + 1, -0x80000000 - 1, 1 << 100, (1 << 100) >> 99)
print(int("123456789012345678901234567890"), 7 // -2, -7 // 2, 7 % -2, -7 % 2)
print(True + True, False * 5, bool(0), bool(-1), int(True))
print(round(-0.5), round(1.5), round(2.5), -0.0, 0.0 == -0.0)
big = 123456789 ** 5
print(big, big.bit_length(), str(big)[:5])
