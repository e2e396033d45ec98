import enum
class Color(enum.Enum):
    RED = 1
    BLUE = 2
def name(c):
    match c:
        case Color.RED:
            return "red"
        case Color.BLUE:
            return "blue"
        case -1:
            return "minus one"
        case 1.5 | 2j:
            return "float or complex"
        case b"raw":
            return "bytes"
    return "none"
for c in [Color.RED, Color.BLUE, -1, 1.5, 2j, b"raw", 0]:
    print(name(c))
