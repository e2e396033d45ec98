def risky(n):
    if n:
        raise RuntimeError(n)
    return "fine"
for n in (0, 1):
    try:
        print(risky(n))
    except:
        print("bare except caught")
try:
    raise SystemExit(0)
except BaseException as e:
    print("base", type(e).__name__)
