import __static__
def greet(name: str, times: int) -> str:
    return ", ".join([f"hi {name}"] * times)

print(greet("bob", 3))
print(greet("al", 1))
