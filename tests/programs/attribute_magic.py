class Dyn:
    def __getattr__(self, name):
        return f"dyn_{name}"
    def __setattr__(self, name, value):
        super().__setattr__(name, value * 2)
d = Dyn()
d.x = 5
print(d.x, d.missing)
class Desc:
    def __get__(self, obj, owner):
        return "desc" if obj else "class-desc"
class H:
    a = Desc()
print(H().a, H.a)
setattr(d, "y", 1)
print(getattr(d, "y"), vars(d))
delattr(d, "y")
print(hasattr(d, "y"), d.y)
