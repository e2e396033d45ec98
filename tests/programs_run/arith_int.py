a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a // b, -a % b, a // -b, a % -b, divmod(-17, 5), divmod(17, -5))
print(2 ** 100, -(2 ** 64), 2 ** 63 - 1 + 1, (2 ** 64) // 3, (2 ** 64) % 1000)
print(1 << 70, (1 << 70) >> 65, -1 >> 3, 255 & 15, 8 | 3, 6 ^ 3, ~7)
print(abs(-5), abs(2 ** 80 * -1), pow(3, 4), pow(3, 4, 5), pow(2, -1))
print(int("42"), int("-0x1f", 16), int("0b101", 0), int(" 12 "), int(3.99), int(-3.99))
print(hex(255), bin(10), oct(8), hex(-255))
print(round(2.5), round(3.5), round(-2.5), round(1234, -2), round(1250, -2))
print((7).bit_length(), (255).bit_length(), True + True, False * 3)
print(10 ** 20 + 1, 10 ** 20 - 10 ** 20, 3 * 10 ** 18 * 4)
x = 9223372036854775807
print(x + 1, x * 2, -x - 2, x // -1)
