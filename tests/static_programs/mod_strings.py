import __static__
def shout(s: str) -> str:
    return s.upper() + "!"

def words(s: str) -> int:
    return len(s.split())

print(shout("hi"), words("a b c d"))
