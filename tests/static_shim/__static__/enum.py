"""Static Python's enums, stood in for by the standard library's under CPython."""

import enum

Enum = enum.Enum
IntEnum = enum.IntEnum


class StringEnum(str, enum.Enum):
    def __str__(self):
        return str(self.value)
