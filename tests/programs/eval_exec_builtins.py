print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}))
ns = {}
exec("def f(a):\n    return a + 1\ny = f(1)", ns)
print(ns["y"])
code = compile("z = 5", "<string>", "exec")
g = {}
exec(code, g)
print(g["z"])
