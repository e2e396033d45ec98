def t(v):
    print("t", v)
    return v
print(t(0) or t(2), t(1) and t(0), t(None) or t(""), t(3) and t(4) and t(5))
print(0 or [] or "", 1 and 2, not 0, [] or None)
x = t(1) and t(2) or t(3)
print(x)
