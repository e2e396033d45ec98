//! The control-flow graph passes between lowering and encoding, after CPython 3.11's
//! `optimize_cfg`, `propagate_line_numbers`, `stackdepth` and `label_exception_targets`.
//!
//! Input: a unit's blocks and their layout order. Output: the same blocks, cleaned (jumps
//! threaded, unreachable code and redundant `NOP`s removed, artificial instructions given a
//! location), each block's entry stack depth, and each instruction's exception handler.

use crate::error::CodegenError;
use crate::format::Opcode;
use crate::ir::{Block, Instr, Label, Op};

/// The blocks of one code object, in layout order.
pub(crate) struct Cfg {
    pub blocks: Vec<Block>,
    pub order: Vec<Label>,
}

impl Cfg {
    pub(crate) fn new(blocks: Vec<Block>, order: Vec<Label>) -> Cfg {
        let mut seen = vec![false; blocks.len()];
        let mut layout = Vec::with_capacity(order.len());
        for label in order {
            if let Some(flag) = seen.get_mut(label.0 as usize)
                && !*flag
            {
                *flag = true;
                layout.push(label);
            }
        }
        Cfg {
            blocks,
            order: layout,
        }
    }

    pub(crate) fn block(&self, label: Label) -> &Block {
        &self.blocks[label.0 as usize]
    }

    fn block_mut(&mut self, label: Label) -> &mut Block {
        &mut self.blocks[label.0 as usize]
    }

    /// The next block in layout order after position `pos` that has instructions.
    fn next_nonempty(&self, pos: usize) -> Option<Label> {
        self.order[pos + 1..]
            .iter()
            .copied()
            .find(|l| !self.block(*l).instrs.is_empty())
    }

    /// The label a jump really lands on: its target, or the first non-empty block after it.
    fn resolve(&self, label: Label) -> Label {
        let Some(pos) = self.order.iter().position(|l| *l == label) else {
            return label;
        };
        if !self.block(label).instrs.is_empty() {
            return label;
        }
        self.next_nonempty(pos).unwrap_or(label)
    }

    /// Runs the clean-up passes.
    pub(crate) fn optimize(&mut self) {
        self.extend_blocks();
        for pos in 0..self.order.len() {
            self.thread_jumps(self.order[pos]);
            let next_line = self.next_first_line(pos);
            clean_block(self.block_mut(self.order[pos]), next_line);
        }
        self.extend_blocks();
        let reachable = self.reachable();
        for (i, block) in self.blocks.iter_mut().enumerate() {
            if !reachable[i] {
                block.instrs.clear();
            }
        }
        self.retarget_empty();
        self.order
            .retain(|l| !self.blocks[l.0 as usize].instrs.is_empty());
        for pos in 0..self.order.len() {
            let next_line = self.next_first_line(pos);
            clean_block(self.block_mut(self.order[pos]), next_line);
        }
        // A jump to the block that follows anyway is dropped.
        for pos in 0..self.order.len() {
            let next = self.order.get(pos + 1).copied();
            let label = self.order[pos];
            if let Some(last) = self.block_mut(label).instrs.last_mut()
                && matches!(last.op, Op::Jump | Op::JumpNoInterrupt)
                && last.target == next
                && next.is_some()
            {
                last.op = Op::Real(Opcode::NOP);
                last.target = None;
            }
        }
        self.order
            .retain(|l| !self.blocks[l.0 as usize].instrs.is_empty());
    }

    fn next_first_line(&self, pos: usize) -> Option<Option<u32>> {
        self.next_nonempty(pos)
            .map(|l| self.block(l).instrs[0].loc.map(|loc| loc.line))
    }

    /// Points jumps at empty blocks to the next non-empty block instead.
    fn retarget_empty(&mut self) {
        let resolved: Vec<Label> = (0..self.blocks.len() as u32)
            .map(|i| self.resolve(Label(i)))
            .collect();
        for block in &mut self.blocks {
            for instr in &mut block.instrs {
                if let Some(t) = instr.target {
                    instr.target = Some(resolved[t.0 as usize]);
                }
            }
        }
    }

    /// Jump threading (CPython 3.11's `optimize_basic_block` rules for jumps).
    fn thread_jumps(&mut self, label: Label) {
        const FALSE_OR_POP: Op = Op::Real(Opcode::JUMP_IF_FALSE_OR_POP);
        const TRUE_OR_POP: Op = Op::Real(Opcode::JUMP_IF_TRUE_OR_POP);
        for _ in 0..8 {
            let Some(last) = self.block(label).instrs.last().copied() else {
                return;
            };
            let Some(target) = last.target else { return };
            let Some(first) = self.block(target).instrs.first().copied() else {
                return;
            };
            let n = self.block(label).instrs.len();
            let (new_op, new_target) = match (last.op, first.op) {
                (FALSE_OR_POP, Op::PopJumpIfFalse) => (Op::PopJumpIfFalse, first.target),
                (FALSE_OR_POP, Op::Jump | FALSE_OR_POP) => (FALSE_OR_POP, first.target),
                (FALSE_OR_POP, TRUE_OR_POP | Op::PopJumpIfTrue)
                | (TRUE_OR_POP, FALSE_OR_POP | Op::PopJumpIfFalse)
                    if last.loc.map(|l| l.line) == first.loc.map(|l| l.line) =>
                {
                    let Some(pos) = self.order.iter().position(|l| *l == target) else {
                        return;
                    };
                    let op = if last.op == FALSE_OR_POP {
                        Op::PopJumpIfFalse
                    } else {
                        Op::PopJumpIfTrue
                    };
                    (op, self.order.get(pos + 1).copied())
                }
                (TRUE_OR_POP, Op::PopJumpIfTrue) => (Op::PopJumpIfTrue, first.target),
                (TRUE_OR_POP, Op::Jump | TRUE_OR_POP) => (TRUE_OR_POP, first.target),
                (
                    op @ (Op::Jump
                    | Op::PopJumpIfFalse
                    | Op::PopJumpIfTrue
                    | Op::PopJumpIfNone
                    | Op::PopJumpIfNotNone),
                    Op::Jump,
                ) => (op, first.target),
                _ => return,
            };
            let Some(new_target) = new_target else { return };
            if new_target == target && new_op == last.op {
                return;
            }
            // CPython threads only within a line, or through an artificial jump.
            let same_line =
                last.loc.map(|l| l.line) == first.loc.map(|l| l.line) || first.loc.is_none();
            if !same_line {
                return;
            }
            let instr = &mut self.block_mut(label).instrs[n - 1];
            instr.op = new_op;
            instr.target = Some(new_target);
        }
    }

    /// A block ending in a jump to a short exit block gets a copy of that block instead
    /// (CPython's `extend_block`).
    fn extend_blocks(&mut self) {
        for pos in 0..self.order.len() {
            let label = self.order[pos];
            let Some(last) = self.block(label).instrs.last().copied() else {
                continue;
            };
            if last.op != Op::Jump {
                continue;
            }
            let Some(target) = last.target else { continue };
            let copy = self.block(target);
            if copy.instrs.len() > 4 || !copy.last().is_some_and(|i| i.op.is_scope_exit()) {
                continue;
            }
            let copied = copy.instrs.clone();
            let block = self.block_mut(label);
            if let Some(jump) = block.instrs.last_mut() {
                jump.op = Op::Real(Opcode::NOP);
                jump.target = None;
            }
            block.instrs.extend(copied);
        }
    }

    /// Which blocks can run: from the entry, along fall-through, jumps and handler setups.
    fn reachable(&self) -> Vec<bool> {
        let mut seen = vec![false; self.blocks.len()];
        let Some(entry) = self.order.first().copied() else {
            return seen;
        };
        let mut stack = vec![entry];
        seen[entry.0 as usize] = true;
        while let Some(label) = stack.pop() {
            let block = self.block(label);
            let mut targets: Vec<Label> = block.instrs.iter().filter_map(|i| i.target).collect();
            if block.falls_through()
                && let Some(pos) = self.order.iter().position(|l| *l == label)
                && let Some(next) = self.order.get(pos + 1)
            {
                targets.push(*next);
            }
            for t in targets {
                if !seen[t.0 as usize] {
                    seen[t.0 as usize] = true;
                    stack.push(t);
                }
            }
        }
        seen
    }

    /// Number of predecessors of each block (fall-through, jumps, handler setups).
    fn predecessors(&self) -> Vec<u32> {
        let mut count = vec![0u32; self.blocks.len()];
        if let Some(entry) = self.order.first() {
            count[entry.0 as usize] += 1;
        }
        for (pos, label) in self.order.iter().enumerate() {
            let block = self.block(*label);
            for i in &block.instrs {
                if let Some(t) = i.target {
                    count[t.0 as usize] += 1;
                }
            }
            if block.falls_through()
                && let Some(next) = self.order.get(pos + 1)
            {
                count[next.0 as usize] += 1;
            }
        }
        count
    }

    /// Exit blocks without a location that several jumps reach are copied, one per jump,
    /// so each copy can take its jump's location (CPython's `duplicate_exits_without_lineno`).
    pub(crate) fn duplicate_exits_without_location(&mut self) {
        let is_exit_without_location = |block: &Block| {
            block.last().is_some_and(|i| i.op.is_scope_exit())
                && block.instrs.iter().all(|i| i.loc.is_none())
        };
        let mut preds = self.predecessors();
        // CPython walks its block list newest first.
        let labels: Vec<Label> = (0..self.blocks.len() as u32).rev().map(Label).collect();
        for label in labels {
            if !self.order.contains(&label) {
                continue;
            }
            let Some(last) = self.block(label).last().copied() else {
                continue;
            };
            let Some(target) = last.target else { continue };
            if !last.op.is_jump()
                || !is_exit_without_location(self.block(target))
                || preds[target.0 as usize] <= 1
            {
                continue;
            }
            let mut copy = self.block(target).clone();
            if let Some(first) = copy.instrs.first_mut() {
                first.loc = last.loc;
            }
            self.blocks.push(copy);
            preds.push(1);
            let new_label = Label(self.blocks.len() as u32 - 1);
            preds[target.0 as usize] -= 1;
            let n = self.block(label).instrs.len();
            self.block_mut(label).instrs[n - 1].target = Some(new_label);
            if let Some(pos) = self.order.iter().position(|l| *l == target) {
                self.order.insert(pos + 1, new_label);
            }
        }
        // The remaining ones are reached by falling through.
        for pos in 0..self.order.len().saturating_sub(1) {
            let (label, next) = (self.order[pos], self.order[pos + 1]);
            let block = self.block(label);
            if !block.falls_through() || block.instrs.is_empty() {
                continue;
            }
            let loc = block.instrs.last().and_then(|i| i.loc);
            if is_exit_without_location(self.block(next))
                && let Some(first) = self.block_mut(next).instrs.first_mut()
            {
                first.loc = loc;
            }
        }
    }

    /// Gives artificial instructions the location before them (CPython's
    /// `propagate_line_numbers`).
    pub(crate) fn propagate_locations(&mut self) {
        let preds = self.predecessors();
        for pos in 0..self.order.len() {
            let label = self.order[pos];
            let mut prev = None;
            for instr in &mut self.block_mut(label).instrs {
                match instr.loc {
                    None => instr.loc = prev,
                    Some(l) => prev = Some(l),
                }
            }
            let block = self.block(label);
            let Some(last) = block.instrs.last().copied() else {
                continue;
            };
            if block.falls_through()
                && let Some(next) = self.order.get(pos + 1).copied()
                && preds[next.0 as usize] == 1
                && let Some(first) = self.block_mut(next).instrs.first_mut()
                && first.loc.is_none()
            {
                first.loc = prev;
            }
            if last.op.is_jump()
                && let Some(target) = last.target
                && preds[target.0 as usize] == 1
                && let Some(first) = self.block_mut(target).instrs.first_mut()
                && first.loc.is_none()
            {
                first.loc = last.loc;
            }
        }
    }

    /// The stack depth at the start of every block, and the maximum (CPython's `stackdepth`).
    pub(crate) fn stack_depths(
        &self,
        consts: &[crate::format::Constant],
    ) -> Result<(Vec<Option<u32>>, u32), CodegenError> {
        let mut start: Vec<Option<i64>> = vec![None; self.blocks.len()];
        let Some(entry) = self.order.first().copied() else {
            return Ok((vec![], 0));
        };
        let mut max = 0i64;
        let mut stack = vec![entry];
        start[entry.0 as usize] = Some(0);
        let position: std::collections::HashMap<Label, usize> = self
            .order
            .iter()
            .enumerate()
            .map(|(i, l)| (*l, i))
            .collect();
        let push = |label: Label,
                    depth: i64,
                    start: &mut Vec<Option<i64>>,
                    stack: &mut Vec<Label>|
         -> Result<(), CodegenError> {
            match start[label.0 as usize] {
                None => {
                    start[label.0 as usize] = Some(depth);
                    stack.push(label);
                    Ok(())
                }
                Some(d) if d == depth => Ok(()),
                Some(d) => Err(CodegenError::Bug(format!(
                    "inconsistent stack depth at a block entry ({d} and {depth})"
                ))),
            }
        };
        while let Some(label) = stack.pop() {
            let mut depth = start[label.0 as usize].unwrap_or(0);
            let block = self.block(label);
            let mut falls = true;
            for instr in &block.instrs {
                let count = descriptor_count(instr, consts);
                let effect = instr.op.stack_effect_counted(instr.arg, false, count) as i64;
                let new_depth = depth + effect;
                if new_depth < 0 {
                    return Err(CodegenError::Bug(format!(
                        "stack underflow at {}",
                        instr.op.name()
                    )));
                }
                max = max.max(new_depth);
                if let Some(target) = instr.target {
                    let jump_depth =
                        depth + instr.op.stack_effect_counted(instr.arg, true, count) as i64;
                    max = max.max(jump_depth);
                    push(target, jump_depth, &mut start, &mut stack)?;
                }
                depth = new_depth;
                if !instr.op.falls_through() {
                    falls = false;
                    break;
                }
            }
            if falls && let Some(next) = position.get(&label).and_then(|p| self.order.get(p + 1)) {
                push(*next, depth, &mut start, &mut stack)?;
            }
        }
        let depths = start.iter().map(|d| d.map(|d| d as u32)).collect();
        Ok((depths, max as u32))
    }

    /// Assigns each instruction its handler and turns `SETUP_*`/`POP_BLOCK` into `NOP`s
    /// (CPython's `label_exception_targets`).
    pub(crate) fn label_exception_targets(&mut self) -> Result<(), CodegenError> {
        let Some(entry) = self.order.first().copied() else {
            return Ok(());
        };
        let position: std::collections::HashMap<Label, usize> = self
            .order
            .iter()
            .enumerate()
            .map(|(i, l)| (*l, i))
            .collect();
        let mut visited = vec![false; self.blocks.len()];
        let mut stacks: Vec<Option<Vec<Label>>> = vec![None; self.blocks.len()];
        stacks[entry.0 as usize] = Some(Vec::new());
        visited[entry.0 as usize] = true;
        let mut todo = vec![entry];
        while let Some(label) = todo.pop() {
            let mut except = stacks[label.0 as usize].clone().unwrap_or_default();
            let n = self.block(label).instrs.len();
            let mut handlers = vec![None; n];
            let mut falls = true;
            for (i, slot) in handlers.iter_mut().enumerate() {
                let instr = self.block(label).instrs[i];
                if instr.op.is_block_push() {
                    if let Some(target) = instr.target {
                        if !visited[target.0 as usize] {
                            visited[target.0 as usize] = true;
                            stacks[target.0 as usize] = Some(except.clone());
                            todo.push(target);
                        }
                        if matches!(instr.op, Op::SetupCleanup | Op::SetupWith) {
                            self.block_mut(target).preserve_lasti = true;
                        }
                        self.block_mut(target).is_handler = true;
                        except.push(target);
                    }
                    // Like CPython, the setup itself (a NOP from now on) has no handler.
                    *slot = None;
                } else if instr.op == Op::PopBlock {
                    except.pop();
                    *slot = None;
                } else {
                    *slot = except.last().copied();
                    if let Some(target) = instr.target
                        && !visited[target.0 as usize]
                    {
                        visited[target.0 as usize] = true;
                        stacks[target.0 as usize] = Some(except.clone());
                        todo.push(target);
                    }
                }
                if !instr.op.falls_through() {
                    falls = false;
                    break;
                }
            }
            self.block_mut(label).handlers = handlers;
            if falls
                && let Some(next) = position
                    .get(&label)
                    .and_then(|p| self.order.get(p + 1))
                    .copied()
                && !visited[next.0 as usize]
            {
                visited[next.0 as usize] = true;
                stacks[next.0 as usize] = Some(except.clone());
                todo.push(next);
            }
        }
        for block in &mut self.blocks {
            block.handlers.resize(block.instrs.len(), None);
            for instr in &mut block.instrs {
                if instr.op.is_block_push() || instr.op == Op::PopBlock {
                    instr.op = Op::Real(Opcode::NOP);
                    instr.target = None;
                }
            }
        }
        Ok(())
    }

    /// Final `NOP` removal after exception labelling (keeps handlers in step).
    pub(crate) fn clean_all(&mut self) {
        for pos in 0..self.order.len() {
            let next_line = self.next_first_line(pos);
            let label = self.order[pos];
            let block = self.block_mut(label);
            let mut pairs: Vec<(Instr, Option<Label>)> = block
                .instrs
                .iter()
                .copied()
                .zip(block.handlers.iter().copied())
                .collect();
            remove_nops(&mut pairs, next_line);
            block.instrs = pairs.iter().map(|p| p.0).collect();
            block.handlers = pairs.iter().map(|p| p.1).collect();
        }
    }
}

/// CPython's `clean_basic_block`: drops `NOP`s that carry no new line.
fn clean_block(block: &mut Block, next_line: Option<Option<u32>>) {
    let mut pairs: Vec<(Instr, Option<Label>)> = block.instrs.iter().map(|i| (*i, None)).collect();
    remove_nops(&mut pairs, next_line);
    block.instrs = pairs.into_iter().map(|p| p.0).collect();
}

fn remove_nops(instrs: &mut Vec<(Instr, Option<Label>)>, next_block_line: Option<Option<u32>>) {
    let mut out: Vec<(Instr, Option<Label>)> = Vec::with_capacity(instrs.len());
    let mut prev_line: Option<u32> = None;
    let mut have_prev = false;
    let n = instrs.len();
    for src in 0..n {
        let (instr, handler) = instrs[src];
        let line = instr.loc.map(|l| l.line);
        if instr.op == Op::Real(Opcode::NOP) {
            if line.is_none() {
                continue;
            }
            if have_prev && prev_line == line {
                continue;
            }
            if src + 1 < n {
                let next_line = instrs[src + 1].0.loc.map(|l| l.line);
                if next_line.is_none() {
                    instrs[src + 1].0.loc = instr.loc;
                    continue;
                }
                if next_line == line {
                    continue;
                }
            } else if let Some(next) = next_block_line
                && next == line
            {
                continue;
            }
        }
        out.push((instrs[src].0, handler));
        prev_line = line;
        have_prev = true;
    }
    *instrs = out;
}

/// The count carried by the descriptor constant of a static call or checked-container
/// build (`(descr, n)`), 0 for every other instruction.
fn descriptor_count(instr: &Instr, consts: &[crate::format::Constant]) -> u32 {
    match instr.op {
        Op::Real(op)
            if matches!(
                op.info().effect,
                crate::format::StackEffect::Descriptor { .. }
            ) =>
        {
            consts
                .get(instr.arg as usize)
                .and_then(|c| crate::format::static_ops::decode_counted(c).ok())
                .map_or(0, |(_, n)| n as u32)
        }
        _ => 0,
    }
}
