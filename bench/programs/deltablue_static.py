"""DeltaBlue (Static Python): the same constraint solver as `deltablue.py`, with slotted
classes, `Final` strengths and directions, unboxed `int64` values and marks, `cbool` flags and
`CheckedList`s of constraints. Prints the same results as `deltablue.py`.

Scale constraints divide with `//` on `int64`: the values solved for backwards here are never
negative, so C's truncating division and Python's floor division agree."""

from __future__ import annotations

import __static__

import sys
from typing import Final, Optional

from __static__ import CheckedList, box, cbool, int64


class Strength:
    def __init__(self, rank: int64, name: str) -> None:
        self.rank: int64 = rank
        self.name: str = name

    def stronger(self, other: Strength) -> cbool:
        return self.rank < other.rank

    def weaker(self, other: Strength) -> cbool:
        return self.rank > other.rank

    def weakest(self, other: Strength) -> Strength:
        if self.weaker(other):
            return self
        return other

    def next_weaker(self) -> Strength:
        return STRENGTHS[self.rank + 1]


REQUIRED: Final[Strength] = Strength(0, "required")
STRONG_PREFERRED: Final[Strength] = Strength(1, "strongPreferred")
PREFERRED: Final[Strength] = Strength(2, "preferred")
STRONG_DEFAULT: Final[Strength] = Strength(3, "strongDefault")
NORMAL: Final[Strength] = Strength(4, "normal")
WEAK_DEFAULT: Final[Strength] = Strength(5, "weakDefault")
WEAKEST: Final[Strength] = Strength(6, "weakest")
STRENGTHS: Final[CheckedList[Strength]] = CheckedList[Strength](
    [REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, WEAKEST]
)

NONE: Final[int] = 0
FORWARD: Final[int] = 1
BACKWARD: Final[int] = 2


class Variable:
    def __init__(self, name: str, value: int64) -> None:
        self.name: str = name
        self.value: int64 = value
        self.constraints: CheckedList[Constraint] = CheckedList[Constraint]()
        self.determined_by: Optional[Constraint] = None
        self.mark: int64 = 0
        self.walk_strength: Strength = WEAKEST
        self.stay: cbool = True

    def add_constraint(self, constraint: Constraint) -> None:
        self.constraints.append(constraint)

    def remove_constraint(self, constraint: Constraint) -> None:
        self.constraints.remove(constraint)
        if self.determined_by is constraint:
            self.determined_by = None


class Constraint:
    def __init__(self, planner: Planner, strength: Strength) -> None:
        self.planner: Planner = planner
        self.strength: Strength = strength

    def install(self) -> None:
        self.add_to_graph()
        self.planner.incremental_add(self)

    def satisfy(self, mark: int64) -> Optional[Constraint]:
        """Picks a way to satisfy this constraint; returns the constraint it overrode, if any."""
        self.choose_method(mark)
        if not self.is_satisfied():
            if self.strength is REQUIRED:
                print("could not satisfy a required constraint")
            return None
        self.mark_inputs(mark)
        out = self.output()
        overridden = out.determined_by
        if overridden is not None:
            overridden.mark_unsatisfied()
        out.determined_by = self
        if not self.planner.add_propagate(self, mark):
            print("cycle encountered")
        out.mark = mark
        return overridden

    def destroy(self) -> None:
        if self.is_satisfied():
            self.planner.incremental_remove(self)
        else:
            self.remove_from_graph()

    def is_input(self) -> cbool:
        return False

    def add_to_graph(self) -> None:
        raise NotImplementedError

    def remove_from_graph(self) -> None:
        raise NotImplementedError

    def choose_method(self, mark: int64) -> None:
        raise NotImplementedError

    def is_satisfied(self) -> cbool:
        raise NotImplementedError

    def mark_inputs(self, mark: int64) -> None:
        raise NotImplementedError

    def mark_unsatisfied(self) -> None:
        raise NotImplementedError

    def output(self) -> Variable:
        raise NotImplementedError

    def inputs_known(self, mark: int64) -> cbool:
        raise NotImplementedError

    def recalculate(self) -> None:
        raise NotImplementedError

    def execute(self) -> None:
        raise NotImplementedError


class UnaryConstraint(Constraint):
    def __init__(self, planner: Planner, variable: Variable, strength: Strength) -> None:
        super().__init__(planner, strength)
        self.variable: Variable = variable
        self.satisfied: cbool = False
        self.install()

    def add_to_graph(self) -> None:
        self.variable.add_constraint(self)
        self.satisfied = False

    def remove_from_graph(self) -> None:
        self.variable.remove_constraint(self)
        self.satisfied = False

    def choose_method(self, mark: int64) -> None:
        v = self.variable
        if v.mark != mark and self.strength.stronger(v.walk_strength):
            self.satisfied = True
        else:
            self.satisfied = False

    def is_satisfied(self) -> cbool:
        return self.satisfied

    def mark_inputs(self, mark: int64) -> None:
        pass

    def mark_unsatisfied(self) -> None:
        self.satisfied = False

    def output(self) -> Variable:
        return self.variable

    def inputs_known(self, mark: int64) -> cbool:
        return True

    def recalculate(self) -> None:
        v = self.variable
        v.walk_strength = self.strength
        if self.is_input():
            v.stay = False
        else:
            v.stay = True
            self.execute()

    def execute(self) -> None:
        pass


class StayConstraint(UnaryConstraint):
    """Keeps a variable at its value unless something stronger changes it."""


class EditConstraint(UnaryConstraint):
    """Marks a variable as set from outside (the input of a plan)."""

    def is_input(self) -> cbool:
        return True


class BinaryConstraint(Constraint):
    def __init__(self, planner: Planner, v1: Variable, v2: Variable, strength: Strength) -> None:
        super().__init__(planner, strength)
        self.v1: Variable = v1
        self.v2: Variable = v2
        self.direction: int64 = NONE
        self.install()

    def add_to_graph(self) -> None:
        self.v1.add_constraint(self)
        self.v2.add_constraint(self)
        self.direction = NONE

    def remove_from_graph(self) -> None:
        self.v1.remove_constraint(self)
        self.v2.remove_constraint(self)
        self.direction = NONE

    def choose_method(self, mark: int64) -> None:
        v1 = self.v1
        v2 = self.v2
        strength = self.strength
        if v1.mark == mark:
            if v2.mark != mark and strength.stronger(v2.walk_strength):
                self.direction = FORWARD
            else:
                self.direction = NONE
        elif v2.mark == mark:
            if strength.stronger(v1.walk_strength):
                self.direction = BACKWARD
            else:
                self.direction = NONE
        elif v1.walk_strength.weaker(v2.walk_strength):
            if strength.stronger(v1.walk_strength):
                self.direction = BACKWARD
            else:
                self.direction = NONE
        elif strength.stronger(v2.walk_strength):
            self.direction = FORWARD
        else:
            self.direction = NONE

    def is_satisfied(self) -> cbool:
        return self.direction != NONE

    def mark_inputs(self, mark: int64) -> None:
        self.input().mark = mark

    def mark_unsatisfied(self) -> None:
        self.direction = NONE

    def input(self) -> Variable:
        if self.direction == FORWARD:
            return self.v1
        return self.v2

    def output(self) -> Variable:
        if self.direction == FORWARD:
            return self.v2
        return self.v1

    def inputs_known(self, mark: int64) -> cbool:
        source = self.input()
        if source.mark == mark or source.stay:
            return True
        if source.determined_by is None:
            return True
        return False

    def recalculate(self) -> None:
        source = self.input()
        out = self.output()
        out.walk_strength = self.strength.weakest(source.walk_strength)
        out.stay = source.stay
        if out.stay:
            self.execute()


class EqualityConstraint(BinaryConstraint):
    def execute(self) -> None:
        self.output().value = self.input().value


class ScaleConstraint(BinaryConstraint):
    """dest = src * scale + offset, solvable in either direction."""

    def __init__(
        self, planner: Planner, src: Variable, scale: Variable, offset: Variable, dest: Variable, strength: Strength
    ) -> None:
        self.scale: Variable = scale
        self.offset: Variable = offset
        super().__init__(planner, src, dest, strength)

    def add_to_graph(self) -> None:
        super().add_to_graph()
        self.scale.add_constraint(self)
        self.offset.add_constraint(self)

    def remove_from_graph(self) -> None:
        super().remove_from_graph()
        self.scale.remove_constraint(self)
        self.offset.remove_constraint(self)

    def mark_inputs(self, mark: int64) -> None:
        super().mark_inputs(mark)
        self.scale.mark = mark
        self.offset.mark = mark

    def execute(self) -> None:
        if self.direction == FORWARD:
            self.v2.value = self.v1.value * self.scale.value + self.offset.value
        else:
            self.v1.value = (self.v2.value - self.offset.value) // self.scale.value

    def recalculate(self) -> None:
        source = self.input()
        out = self.output()
        out.walk_strength = self.strength.weakest(source.walk_strength)
        if source.stay and self.scale.stay and self.offset.stay:
            out.stay = True
            self.execute()
        else:
            out.stay = False


class Plan:
    def __init__(self) -> None:
        self.steps: CheckedList[Constraint] = CheckedList[Constraint]()

    def execute(self) -> None:
        for constraint in self.steps:
            constraint.execute()


class Planner:
    def __init__(self) -> None:
        self.current_mark: int64 = 0

    def new_mark(self) -> int64:
        self.current_mark += 1
        return self.current_mark

    def incremental_add(self, constraint: Constraint) -> None:
        mark = self.new_mark()
        overridden = constraint.satisfy(mark)
        while overridden is not None:
            overridden = overridden.satisfy(mark)

    def incremental_remove(self, constraint: Constraint) -> None:
        out = constraint.output()
        constraint.mark_unsatisfied()
        constraint.remove_from_graph()
        unsatisfied = self.remove_propagate_from(out)
        strength: Strength = REQUIRED
        while strength is not WEAKEST:
            for u in unsatisfied:
                if u.strength is strength:
                    self.incremental_add(u)
            strength = strength.next_weaker()

    def make_plan(self, sources: CheckedList[Constraint]) -> Plan:
        mark = self.new_mark()
        plan = Plan()
        todo = sources
        while len(todo) > 0:
            constraint = todo.pop(0)
            out = constraint.output()
            if out.mark != mark and constraint.inputs_known(mark):
                plan.steps.append(constraint)
                out.mark = mark
                self.add_constraints_consuming_to(out, todo)
        return plan

    def plan_for_inputs(self, constraints: CheckedList[Constraint]) -> Plan:
        sources = CheckedList[Constraint]()
        for c in constraints:
            if c.is_input() and c.is_satisfied():
                sources.append(c)
        return self.make_plan(sources)

    def add_propagate(self, constraint: Constraint, mark: int64) -> cbool:
        todo = CheckedList[Constraint]([constraint])
        while len(todo) > 0:
            d = todo.pop(0)
            out = d.output()
            if out.mark == mark:
                self.incremental_remove(constraint)
                return False
            d.recalculate()
            self.add_constraints_consuming_to(out, todo)
        return True

    def remove_propagate_from(self, out: Variable) -> CheckedList[Constraint]:
        out.determined_by = None
        out.walk_strength = WEAKEST
        out.stay = True
        unsatisfied = CheckedList[Constraint]()
        todo = CheckedList[Variable]([out])
        while len(todo) > 0:
            v = todo.pop(0)
            for c in v.constraints:
                if not c.is_satisfied():
                    unsatisfied.append(c)
            determining = v.determined_by
            for c in v.constraints:
                if c is not determining and box(c.is_satisfied()):
                    c.recalculate()
                    todo.append(c.output())
        return unsatisfied

    def add_constraints_consuming_to(self, v: Variable, todo: CheckedList[Constraint]) -> None:
        determining = v.determined_by
        for c in v.constraints:
            if c is not determining and box(c.is_satisfied()):
                todo.append(c)


class ChainResult:
    def __init__(self, steps: int64, total: int64, failures: int64) -> None:
        self.steps: int64 = steps
        self.total: int64 = total
        self.failures: int64 = failures


def chain_test(n: int64) -> ChainResult:
    """A chain of n equalities, a stay at the end and an edit at the start: edits must flow
    through to the end."""
    planner = Planner()
    variables = CheckedList[Variable]()
    i: int64 = 0
    while i <= n:
        variables.append(Variable(f"v{box(i)}", 0))
        i += 1
    i = 0
    while i < n:
        EqualityConstraint(planner, variables[i], variables[i + 1], REQUIRED)
        i += 1
    first = variables[0]
    last = variables[n]
    StayConstraint(planner, last, STRONG_DEFAULT)
    edit = EditConstraint(planner, first, PREFERRED)
    plan = planner.plan_for_inputs(CheckedList[Constraint]([edit]))
    failures: int64 = 0
    total: int64 = 0
    i = 0
    while i < 100:
        first.value = i
        plan.execute()
        if last.value != i:
            failures += 1
        total += last.value
        i += 1
    return ChainResult(int64(len(plan.steps)), total, failures)


def change(planner: Planner, variable: Variable, value: int64) -> None:
    edit = EditConstraint(planner, variable, PREFERRED)
    plan = planner.plan_for_inputs(CheckedList[Constraint]([edit]))
    i: int64 = 0
    while i < 10:
        variable.value = value
        plan.execute()
        i += 1
    edit.destroy()


class ProjectionResult:
    def __init__(self, src: int64, dst: int64, total: int64, failures: int64) -> None:
        self.src: int64 = src
        self.dst: int64 = dst
        self.total: int64 = total
        self.failures: int64 = failures


def projection_test(n: int64) -> ProjectionResult:
    """n pairs dst = src * scale + offset: edits at either end, or to scale and offset, must
    propagate through the right constraints."""
    planner = Planner()
    scale = Variable("scale", 10)
    offset = Variable("offset", 1000)
    src = Variable("src", 0)
    dst = Variable("dst", 0)
    dests = CheckedList[Variable]()
    i: int64 = 0
    while i < n:
        src = Variable(f"src{box(i)}", i)
        dst = Variable(f"dst{box(i)}", i)
        dests.append(dst)
        StayConstraint(planner, src, NORMAL)
        ScaleConstraint(planner, src, scale, offset, dst, REQUIRED)
        i += 1
    failures: int64 = 0
    change(planner, src, 17)
    if dst.value != 1170:
        failures += 1
    change(planner, dst, 1050)
    if src.value != 5:
        failures += 1
    change(planner, scale, 5)
    i = 0
    while i < n - 1:
        if dests[i].value != i * 5 + 1000:
            failures += 1
        i += 1
    change(planner, offset, 2000)
    i = 0
    while i < n - 1:
        if dests[i].value != i * 5 + 2000:
            failures += 1
        i += 1
    total: int64 = 0
    for d in dests:
        total += d.value
    return ProjectionResult(src.value, dst.value, total, failures)


def main(iterations: int) -> None:
    count: int64 = int64(iterations)
    n: int64 = 100
    i: int64 = 0
    while i < count:
        chain = chain_test(n + i)
        projection = projection_test(n + i)
        print(
            f"run {box(i)}: chain plan {box(chain.steps)} total {box(chain.total)} "
            f"failures {box(chain.failures)}; projection src {box(projection.src)} "
            f"dst {box(projection.dst)} total {box(projection.total)} failures {box(projection.failures)}"
        )
        i += 1


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
