import os
from typing import Any, Iterator, Literal, TypeVar, overload

_T = TypeVar("_T", bound=AST)

PyCF_ONLY_AST: int
PyCF_TYPE_COMMENTS: int
PyCF_ALLOW_TOP_LEVEL_AWAIT: int

class AST:
    _attributes: tuple[str, ...]
    _fields: tuple[str, ...]
    def __init__(self, *args: Any, **kwargs: Any) -> None: ...

class alias(AST):
    name: str
    asname: str | None
    lineno: int
    col_offset: int
    end_lineno: int | None
    end_col_offset: int | None

class arg(AST):
    arg: str
    annotation: expr | None
    type_comment: str | None
    lineno: int
    col_offset: int
    end_lineno: int | None
    end_col_offset: int | None

class arguments(AST):
    posonlyargs: list[arg]
    args: list[arg]
    vararg: arg | None
    kwonlyargs: list[arg]
    kw_defaults: list[expr | None]
    kwarg: arg | None
    defaults: list[expr]

class boolop(AST): ...

class cmpop(AST): ...

class comprehension(AST):
    target: expr
    iter: expr
    ifs: list[expr]
    is_async: int

class excepthandler(AST):
    lineno: int
    col_offset: int
    end_lineno: int | None
    end_col_offset: int | None

class expr(AST):
    lineno: int
    col_offset: int
    end_lineno: int | None
    end_col_offset: int | None

class expr_context(AST): ...

class keyword(AST):
    arg: str | None
    value: expr
    lineno: int
    col_offset: int
    end_lineno: int | None
    end_col_offset: int | None

class match_case(AST):
    pattern: _Pattern | None
    guard: expr | None
    body: list[stmt]

class mod(AST): ...

class operator(AST): ...

class pattern(AST):
    lineno: int
    col_offset: int
    end_lineno: int | None
    end_col_offset: int | None

class stmt(AST):
    lineno: int
    col_offset: int
    end_lineno: int | None
    end_col_offset: int | None

class type_ignore(AST): ...

class unaryop(AST): ...

class withitem(AST):
    context_expr: expr
    optional_vars: expr | None

class Add(operator): ...

class And(boolop): ...

class AnnAssign(stmt):
    target: expr
    annotation: expr
    value: expr | None
    simple: int

class Assert(stmt):
    test: expr
    msg: expr | None

class Assign(stmt):
    targets: list[expr]
    value: expr
    type_comment: str | None

class AsyncFor(stmt):
    target: expr
    iter: expr
    body: list[stmt]
    orelse: list[stmt]
    type_comment: str | None

class AsyncFunctionDef(stmt):
    name: str
    args: arguments
    body: list[stmt]
    decorator_list: list[expr]
    returns: expr | None
    type_comment: str | None

class AsyncWith(stmt):
    items: list[withitem]
    body: list[stmt]
    type_comment: str | None

class Attribute(expr):
    value: expr
    attr: str
    ctx: expr_context

class AugAssign(stmt):
    target: expr
    op: operator
    value: expr

class Await(expr):
    value: expr

class BinOp(expr):
    left: expr
    op: operator
    right: expr

class BitAnd(operator): ...

class BitOr(operator): ...

class BitXor(operator): ...

class BoolOp(expr):
    op: boolop
    values: list[expr]

class Break(stmt): ...

class Call(expr):
    func: expr
    args: list[expr]
    keywords: list[keyword]

class ClassDef(stmt):
    name: str
    bases: list[expr]
    keywords: list[keyword]
    body: list[stmt]
    decorator_list: list[expr]

class Compare(expr):
    left: expr
    ops: list[cmpop]
    comparators: list[expr]

class Constant(expr):
    value: Any
    kind: str | None

class Continue(stmt): ...

class Del(expr_context): ...

class Delete(stmt):
    targets: list[expr]

class Dict(expr):
    keys: list[expr | None]
    values: list[expr]

class DictComp(expr):
    key: expr
    value: expr
    generators: list[comprehension]

class Div(operator): ...

class Eq(cmpop): ...

class ExceptHandler(excepthandler):
    type: expr | None
    name: str | None
    body: list[stmt]

class Expr(stmt):
    value: expr

class Expression(mod):
    body: expr

class FloorDiv(operator): ...

class For(stmt):
    target: expr
    iter: expr
    body: list[stmt]
    orelse: list[stmt]
    type_comment: str | None

class FormattedValue(expr):
    value: expr
    conversion: int
    format_spec: expr | None

class FunctionDef(stmt):
    name: str
    args: arguments
    body: list[stmt]
    decorator_list: list[expr]
    returns: expr | None
    type_comment: str | None

class FunctionType(mod):
    argtypes: list[expr]
    returns: expr | None

class GeneratorExp(expr):
    elt: expr
    generators: list[comprehension]

class Global(stmt):
    names: list[str]

class Gt(cmpop): ...

class GtE(cmpop): ...

class If(stmt):
    test: expr
    body: list[stmt]
    orelse: list[stmt]

class IfExp(expr):
    test: expr
    body: expr
    orelse: expr

class Import(stmt):
    names: list[alias]

class ImportFrom(stmt):
    module: str | None
    names: list[alias]
    level: int

class In(cmpop): ...

class Interactive(mod):
    body: list[stmt]

class Invert(unaryop): ...

class Is(cmpop): ...

class IsNot(cmpop): ...

class JoinedStr(expr):
    values: list[expr]

class LShift(operator): ...

class Lambda(expr):
    args: arguments
    body: expr

class List(expr):
    elts: list[expr]
    ctx: expr_context

class ListComp(expr):
    elt: expr
    generators: list[comprehension]

class Load(expr_context): ...

class Lt(cmpop): ...

class LtE(cmpop): ...

class MatMult(operator): ...

class Match(stmt):
    subject: expr
    cases: list[match_case]

class MatchAs(pattern):
    pattern: _Pattern | None
    name: str | None

class MatchClass(pattern):
    cls: expr
    patterns: list[pattern]
    kwd_attrs: list[str]
    kwd_patterns: list[pattern]

class MatchMapping(pattern):
    keys: list[expr]
    patterns: list[pattern]
    rest: str | None

class MatchOr(pattern):
    patterns: list[pattern]

class MatchSequence(pattern):
    patterns: list[pattern]

class MatchSingleton(pattern):
    value: Literal[True, False] | None

class MatchStar(pattern):
    name: str | None

class MatchValue(pattern):
    value: expr

class Mod(operator): ...

class Module(mod):
    body: list[stmt]
    type_ignores: list[TypeIgnore]

class Mult(operator): ...

class Name(expr):
    id: str
    ctx: expr_context

class NamedExpr(expr):
    target: expr
    value: expr

class Nonlocal(stmt):
    names: list[str]

class Not(unaryop): ...

class NotEq(cmpop): ...

class NotIn(cmpop): ...

class Or(boolop): ...

class Pass(stmt): ...

class Pow(operator): ...

class RShift(operator): ...

class Raise(stmt):
    exc: expr | None
    cause: expr | None

class Return(stmt):
    value: expr | None

class Set(expr):
    elts: list[expr]

class SetComp(expr):
    elt: expr
    generators: list[comprehension]

class Slice(expr):
    lower: expr | None
    upper: expr | None
    step: expr | None

class Starred(expr):
    value: expr
    ctx: expr_context

class Store(expr_context): ...

class Sub(operator): ...

class Subscript(expr):
    value: expr
    slice: expr
    ctx: expr_context

class Try(stmt):
    body: list[stmt]
    handlers: list[ExceptHandler]
    orelse: list[stmt]
    finalbody: list[stmt]

class TryStar(stmt):
    body: list[stmt]
    handlers: list[ExceptHandler]
    orelse: list[stmt]
    finalbody: list[stmt]

class Tuple(expr):
    elts: list[expr]
    ctx: expr_context

class TypeIgnore(type_ignore):
    lineno: int
    tag: str

class UAdd(unaryop): ...

class USub(unaryop): ...

class UnaryOp(expr):
    op: unaryop
    operand: expr

class While(stmt):
    test: expr
    body: list[stmt]
    orelse: list[stmt]

class With(stmt):
    items: list[withitem]
    body: list[stmt]
    type_comment: str | None

class Yield(expr):
    value: expr | None

class YieldFrom(expr):
    value: expr

class NodeVisitor:
    def visit(self, node: AST) -> Any: ...
    def generic_visit(self, node: AST) -> Any: ...
    def visit_Constant(self, node: Constant) -> Any: ...

class NodeTransformer(NodeVisitor):
    def generic_visit(self, node: AST) -> AST: ...

@overload
def parse(source: str | bytes, filename: str | bytes | os.PathLike[Any] = "<unknown>", mode: Literal["exec"] = "exec", *, type_comments: bool = False, feature_version: None | int | tuple[int, int] = None) -> Module: ...
@overload
def parse(source: str | bytes, filename: str | bytes | os.PathLike[Any], mode: Literal["eval"], *, type_comments: bool = False, feature_version: None | int | tuple[int, int] = None) -> Expression: ...
@overload
def parse(source: str | bytes, filename: str | bytes | os.PathLike[Any] = "<unknown>", mode: str = "exec", *, type_comments: bool = False, feature_version: None | int | tuple[int, int] = None) -> AST: ...
def unparse(ast_obj: AST) -> str: ...
def copy_location(new_node: _T, old_node: AST) -> _T: ...
def dump(node: AST, annotate_fields: bool = True, include_attributes: bool = False, *, indent: int | str | None = None) -> str: ...
def fix_missing_locations(node: _T) -> _T: ...
def get_docstring(node: AsyncFunctionDef | FunctionDef | ClassDef | Module, clean: bool = True) -> str | None: ...
def increment_lineno(node: _T, n: int = 1) -> _T: ...
def iter_child_nodes(node: AST) -> Iterator[AST]: ...
def iter_fields(node: AST) -> Iterator[tuple[str, Any]]: ...
def literal_eval(node_or_string: str | AST) -> Any: ...
def get_source_segment(source: str, node: AST, *, padded: bool = False) -> str | None: ...
def walk(node: AST) -> Iterator[AST]: ...
def main() -> None: ...

_Pattern = pattern
