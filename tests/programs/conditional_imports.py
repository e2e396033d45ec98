try:
    import not_a_real_module_xyz
except ImportError as e:
    print("import failed:", e.name)
try:
    from os import not_a_real_name
except ImportError as e:
    print("from import failed")
if True:
    import math as m
print(m.floor(2.7))
