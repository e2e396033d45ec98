def make():
    secret = "s3"
    class Holder:
        def get(self):
            return secret
        @classmethod
        def cls_get(cls):
            return secret + cls.__name__
    return Holder
H = make()
print(H().get(), H.cls_get())
