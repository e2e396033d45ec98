//! Text disassembly, close to `python3 -m dis` (3.11): for each code object, its
//! instructions with line numbers, byte offsets, jump-target markers, arguments and their
//! meaning, then its exception table; nested code objects follow.
//!
//! Input: a [`CodeObject`]. Output: text. Works on any code object (ours or CPython's) and
//! never panics on malformed ones: what cannot be decoded is reported in the text.

use std::collections::HashSet;
use std::fmt::Write;

use crate::format::bytecode::{Instruction, decode};
use crate::format::opcodes::{BINARY_OPS, COMPARE_OPS, Operand};
use crate::format::{CodeObject, Constant, Opcode, exception_table, line_table};
use crate::repr::repr;

/// The listing of `code` and of every code object nested in it.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    listing(code, &mut out);
    let mut nested = Vec::new();
    collect_nested(code, &mut nested);
    for inner in nested {
        let _ = writeln!(
            out,
            "\nDisassembly of <code object {}, file \"{}\", line {}>:",
            inner.name, inner.filename, inner.firstlineno
        );
        listing(inner, &mut out);
    }
    out
}

fn collect_nested<'c>(code: &'c CodeObject, out: &mut Vec<&'c CodeObject>) {
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            out.push(inner);
            collect_nested(inner, out);
        }
    }
}

fn listing(code: &CodeObject, out: &mut String) {
    let instrs = match decode(&code.code) {
        Ok(i) => i,
        Err(e) => {
            let _ = writeln!(out, "  (cannot decode: {e})");
            return;
        }
    };
    let positions = match line_table::decode(code.firstlineno, &code.linetable) {
        Ok(entries) => line_table::positions(&entries),
        Err((entries, _)) => line_table::positions(&entries),
    };
    let targets: HashSet<u32> = instrs.iter().filter_map(Instruction::jump_target).collect();
    let handlers = exception_table::decode(&code.exceptiontable).unwrap_or_default();
    let handler_targets: HashSet<u32> = handlers.iter().map(|h| h.target).collect();
    let mut last_line: Option<u32> = None;
    let mut first = true;
    for instr in &instrs {
        // Show EXTENDED_ARG prefixes as CPython does.
        for unit in instr.start..instr.offset {
            let byte = code.code.get((unit * 2 + 1) as usize).copied().unwrap_or(0);
            let _ = writeln!(
                out,
                "{:>3}     {:>2} {:>4} {:<20} {:>5}",
                "",
                "",
                unit * 2,
                "EXTENDED_ARG",
                byte
            );
        }
        let line = positions
            .get(instr.offset as usize)
            .copied()
            .flatten()
            .map(|l| l.line);
        let starts_line = line.is_some() && line != last_line;
        if starts_line {
            if !first {
                out.push('\n');
            }
            last_line = line;
        }
        first = false;
        let line_field = match (starts_line, line) {
            (true, Some(l)) => format!("{l:>3}"),
            _ => "   ".to_string(),
        };
        let marker = if targets.contains(&instr.offset) || handler_targets.contains(&instr.offset) {
            ">>"
        } else {
            "  "
        };
        let mut text = format!(
            "{line_field}     {marker} {:>4} {:<20}",
            instr.offset * 2,
            instr.opcode.name()
        );
        if instr.opcode.info().has_arg() || instr.opcode.number() >= 90 {
            let _ = write!(text, " {:>5}", instr.arg);
            let detail = argrepr(code, instr);
            if !detail.is_empty() {
                let _ = write!(text, " ({detail})");
            }
        }
        let _ = writeln!(out, "{}", text.trim_end());
    }
    if !handlers.is_empty() {
        let _ = writeln!(out, "ExceptionTable:");
        for h in handlers {
            let lasti = if h.lasti { " lasti" } else { "" };
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{lasti}",
                h.start * 2,
                h.end.saturating_sub(1) * 2,
                h.target * 2,
                h.depth
            );
        }
    }
}

fn local_name(code: &CodeObject, index: u32) -> String {
    code.localsplusnames
        .get(index as usize)
        .cloned()
        .unwrap_or_else(|| format!("<{index}>"))
}

fn argrepr(code: &CodeObject, instr: &Instruction) -> String {
    let arg = instr.arg;
    let name = |i: u32| {
        code.names
            .get(i as usize)
            .cloned()
            .unwrap_or_else(|| format!("<{i}>"))
    };
    match instr.opcode.info().operand {
        Operand::Const | Operand::Descriptor => {
            code.consts.get(arg as usize).map(repr).unwrap_or_default()
        }
        Operand::Name => name(arg),
        Operand::GlobalName => {
            if arg & 1 != 0 {
                format!("NULL + {}", name(arg >> 1))
            } else {
                name(arg >> 1)
            }
        }
        Operand::Local | Operand::Free => local_name(code, arg),
        Operand::JumpForward | Operand::JumpBackward => instr
            .jump_target()
            .map(|t| format!("to {}", t * 2))
            .unwrap_or_default(),
        Operand::Compare => COMPARE_OPS
            .get(arg as usize)
            .map(|s| s.to_string())
            .unwrap_or_default(),
        Operand::BinaryOp => BINARY_OPS
            .get(arg as usize)
            .map(|s| s.to_string())
            .unwrap_or_default(),
        Operand::FormatValue => {
            let conversion = match arg & 3 {
                1 => "str",
                2 => "repr",
                3 => "ascii",
                _ => "",
            };
            let spec = if arg & 4 != 0 { "with format" } else { "" };
            [conversion, spec]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", ")
        }
        Operand::MakeFunction => {
            let names = ["defaults", "kwdefaults", "annotations", "closure"];
            names
                .iter()
                .enumerate()
                .filter(|(i, _)| arg & (1 << i) != 0)
                .map(|(_, n)| *n)
                .collect::<Vec<_>>()
                .join(", ")
        }
        Operand::PrimitiveType => crate::format::static_ops::type_code::name(arg).to_string(),
        Operand::PrimitiveOp => {
            use crate::format::static_ops::{binop, compare, unary};
            let names: &[&str] = match instr.opcode {
                Opcode::PRIMITIVE_BINARY_OP => &binop::NAMES,
                Opcode::PRIMITIVE_UNARY_OP => &unary::NAMES,
                _ => &compare::NAMES,
            };
            names
                .get(arg as usize)
                .map(|s| s.to_string())
                .unwrap_or_default()
        }
        _ if instr.opcode == Opcode::FAST_LEN => {
            let kinds = ["list", "dict", "set", "tuple", "array", "str"];
            match kinds.get((arg & 0xf) as usize) {
                Some(kind) if arg & 0x10 != 0 => format!("{kind}, inexact"),
                Some(kind) => kind.to_string(),
                None => "any".to_string(),
            }
        }
        _ if matches!(
            instr.opcode,
            Opcode::SEQUENCE_GET | Opcode::SEQUENCE_SET | Opcode::LIST_DEL
        ) =>
        {
            use crate::format::static_ops::{seq, type_code};
            let unchecked = if arg & seq::UNCHECKED != 0 {
                ", unchecked"
            } else {
                ""
            };
            let kind = arg & !seq::UNCHECKED;
            let name = match kind {
                seq::LIST => "list".to_string(),
                seq::TUPLE => "tuple".to_string(),
                seq::LIST_INEXACT => "list, inexact".to_string(),
                seq::CHECKED_LIST => "checked list".to_string(),
                k if k & type_code::ARRAY != 0 => {
                    format!("array of {}", type_code::name((k & 0x7f) >> 4))
                }
                _ => "?".to_string(),
            };
            format!("{name}{unchecked}")
        }
        _ if instr.opcode == Opcode::CONVERT_PRIMITIVE => {
            use crate::format::static_ops::{split_convert_oparg, type_code};
            let (from, to) = split_convert_oparg(arg);
            format!("{} -> {}", type_code::name(from), type_code::name(to))
        }
        _ if instr.opcode == Opcode::KW_NAMES => {
            code.consts.get(arg as usize).map(repr).unwrap_or_default()
        }
        _ => String::new(),
    }
}
