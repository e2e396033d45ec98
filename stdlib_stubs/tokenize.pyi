from token import (
    AMPER as AMPER,
    AMPEREQUAL as AMPEREQUAL,
    ASYNC as ASYNC,
    AT as AT,
    ATEQUAL as ATEQUAL,
    AWAIT as AWAIT,
    CIRCUMFLEX as CIRCUMFLEX,
    CIRCUMFLEXEQUAL as CIRCUMFLEXEQUAL,
    COLON as COLON,
    COLONEQUAL as COLONEQUAL,
    COMMA as COMMA,
    COMMENT as COMMENT,
    DEDENT as DEDENT,
    DOT as DOT,
    DOUBLESLASH as DOUBLESLASH,
    DOUBLESLASHEQUAL as DOUBLESLASHEQUAL,
    DOUBLESTAR as DOUBLESTAR,
    DOUBLESTAREQUAL as DOUBLESTAREQUAL,
    ELLIPSIS as ELLIPSIS,
    ENCODING as ENCODING,
    ENDMARKER as ENDMARKER,
    EQEQUAL as EQEQUAL,
    EQUAL as EQUAL,
    ERRORTOKEN as ERRORTOKEN,
    GREATER as GREATER,
    GREATEREQUAL as GREATEREQUAL,
    INDENT as INDENT,
    LBRACE as LBRACE,
    LEFTSHIFT as LEFTSHIFT,
    LEFTSHIFTEQUAL as LEFTSHIFTEQUAL,
    LESS as LESS,
    LESSEQUAL as LESSEQUAL,
    LPAR as LPAR,
    LSQB as LSQB,
    MINEQUAL as MINEQUAL,
    MINUS as MINUS,
    NAME as NAME,
    NEWLINE as NEWLINE,
    NL as NL,
    NOTEQUAL as NOTEQUAL,
    NT_OFFSET as NT_OFFSET,
    NUMBER as NUMBER,
    N_TOKENS as N_TOKENS,
    OP as OP,
    PERCENT as PERCENT,
    PERCENTEQUAL as PERCENTEQUAL,
    PLUS as PLUS,
    PLUSEQUAL as PLUSEQUAL,
    RARROW as RARROW,
    RBRACE as RBRACE,
    RIGHTSHIFT as RIGHTSHIFT,
    RIGHTSHIFTEQUAL as RIGHTSHIFTEQUAL,
    RPAR as RPAR,
    RSQB as RSQB,
    SEMI as SEMI,
    SLASH as SLASH,
    SLASHEQUAL as SLASHEQUAL,
    SOFT_KEYWORD as SOFT_KEYWORD,
    STAR as STAR,
    STAREQUAL as STAREQUAL,
    STRING as STRING,
    TILDE as TILDE,
    TYPE_COMMENT as TYPE_COMMENT,
    TYPE_IGNORE as TYPE_IGNORE,
    VBAR as VBAR,
    VBAREQUAL as VBAREQUAL,
    tok_name as tok_name,
    EXACT_TOKEN_TYPES as EXACT_TOKEN_TYPES,
    ISTERMINAL as ISTERMINAL,
    ISNONTERMINAL as ISNONTERMINAL,
    ISEOF as ISEOF,
)
from typing import Any, Callable, Generator, Iterable, NamedTuple, Pattern, Sequence, TextIO

cookie_re: Pattern[str]
blank_re: Pattern[bytes]

class _TokenInfo(NamedTuple):
    type: int
    string: str
    start: tuple[int, int]
    end: tuple[int, int]
    line: str

class TokenInfo(_TokenInfo):
    @property
    def exact_type(self) -> int: ...

class TokenError(Exception): ...
class StopTokenizing(Exception): ...

class Untokenizer:
    tokens: list[str]
    prev_row: int
    prev_col: int
    encoding: str | None
    def add_whitespace(self, start: tuple[int, int]) -> None: ...
    def untokenize(self, iterable: Iterable[Sequence[Any]]) -> str: ...
    def compat(self, token: Sequence[Any], iterable: Iterable[Sequence[Any]]) -> None: ...

def untokenize(iterable: Iterable[Sequence[Any]]) -> Any: ...
def detect_encoding(readline: Callable[[], bytes | bytearray]) -> tuple[str, Sequence[bytes]]: ...
def tokenize(readline: Callable[[], bytes | bytearray]) -> Generator[TokenInfo, None, None]: ...
def generate_tokens(readline: Callable[[], str]) -> Generator[TokenInfo, None, None]: ...
def open(filename: Any) -> TextIO: ...
def group(*choices: str) -> str: ...
def any(*choices: str) -> str: ...
def maybe(*choices: str) -> str: ...
