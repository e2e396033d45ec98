# _random: CPython's Mersenne Twister, seeded from ints of every size.
import _random

r = _random.Random(42)
print([r.random() for _ in range(5)])
print(r.getrandbits(1), r.getrandbits(17), r.getrandbits(32), r.getrandbits(33), r.getrandbits(100))
print(r.getrandbits(0))
r.seed(0)
print(r.random())
r.seed(-12345)
print(r.random())
r.seed(2 ** 200 + 7)
print(r.random())
state = r.getstate()
print(len(state), state[-1])
a = [r.random() for _ in range(700)]
r.setstate(state)
b = [r.random() for _ in range(700)]
print(a == b, a[-1])
r.seed("ignored-hash" == "x")
print(r.random())
try:
    r.getrandbits(-1)
except ValueError as e:
    print("ValueError", e)
s = _random.Random()
print(0.0 <= s.random() < 1.0)
