import __static__
class Config:
    name: str
    size: int

    def __init__(self, name: str, size: int) -> None:
        self.name = name
        self.size = size

def show(c: Config) -> str:
    return f"{c.name}:{c.size}"

print(show(Config("a", 1)))
print(show(Config("bb", 22)))
