a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a // b, -a % b, a << 3, a >> 2, a & b, a | b, a ^ b, ~a)
print(2 ** 100, -(2 ** 65) // 7, (10 ** 20) % 97)
print(divmod(a, b), abs(-a), pow(3, 4, 5))
