import sys
def depth(n):
    return n if n == 0 else 1 + depth(n - 1)
print(depth(500))
def inf(n):
    return inf(n + 1)
try:
    inf(0)
except RecursionError as e:
    print("recursion:", "maximum recursion depth" in str(e))
