import __static__
class MathUtil:
    @staticmethod
    def double(x: int) -> int:
        return x * 2

    @classmethod
    def name(cls) -> str:
        return cls.__name__

print(MathUtil.double(21), MathUtil.name())
