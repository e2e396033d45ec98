//! The table against the `opcode` and `dis` modules of the machine's `python3`.

use super::*;
use std::process::Command;

/// Asks `python3` for every opcode: `name number caches kind effects...` where effects are
/// `stack_effect(op, arg, jump)` for a few args, `j`/`n` for jump and no-jump.
const SCRIPT: &str = r#"
import dis, opcode
for name, op in sorted(opcode.opmap.items(), key=lambda kv: kv[1]):
    caches = opcode._inline_cache_entries[op]
    kind = []
    for attr in ("hasconst", "hasname", "haslocal", "hasfree", "hasjrel", "hascompare"):
        if op in getattr(opcode, attr):
            kind.append(attr)
    effects = []
    args = [0, 1, 2, 3, 4, 5, 7, 8, 15, 259] if op >= opcode.HAVE_ARGUMENT else [None]
    for arg in args:
        for jump in (True, False):
            try:
                e = dis.stack_effect(op, arg, jump=jump) if arg is not None else dis.stack_effect(op, jump=jump)
            except ValueError:
                e = "x"
            effects.append(f"{arg}:{int(jump)}:{e}")
    print(name, op, caches, ",".join(kind) or "-", " ".join(effects))
"#;

#[test]
fn every_cpython_opcode_matches_python3() {
    let out = Command::new("python3")
        .arg("-c")
        .arg(SCRIPT)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let mut seen = 0;
    for line in text.lines() {
        let mut parts = line.split(' ');
        let name = parts.next().unwrap();
        let number: u8 = parts.next().unwrap().parse().unwrap();
        let caches: u8 = parts.next().unwrap().parse().unwrap();
        let kinds = parts.next().unwrap();
        let op = Opcode::from_name(name).unwrap_or_else(|| panic!("{name} missing from the table"));
        let info = op.info();
        assert_eq!(info.number, number, "{name}");
        assert!(!info.is_static(), "{name}");
        assert_eq!(Opcode::from_u8(number), Some(op));
        assert_eq!(info.caches, caches, "{name} caches");
        if kinds.contains("hasjrel") {
            assert!(info.is_jump(), "{name} is a jump");
        } else {
            assert!(!info.is_jump(), "{name} is not a jump");
        }
        if kinds.contains("hasconst") {
            assert_eq!(info.operand, Operand::Const, "{name}");
        }
        if kinds.contains("hasname") {
            assert!(
                matches!(info.operand, Operand::Name | Operand::GlobalName),
                "{name}"
            );
        }
        if kinds.contains("haslocal") {
            assert_eq!(info.operand, Operand::Local, "{name}");
        }
        if kinds.contains("hasfree") {
            assert_eq!(info.operand, Operand::Free, "{name}");
        }
        for effect in parts {
            let mut f = effect.split(':');
            let arg = f.next().unwrap();
            let jump = f.next().unwrap() == "1";
            let expected = f.next().unwrap();
            if expected == "x" {
                continue;
            }
            let arg: u32 = if arg == "None" {
                0
            } else {
                arg.parse().unwrap()
            };
            let expected: i32 = expected.parse().unwrap();
            assert_eq!(
                op.stack_effect(arg, jump, 0),
                expected,
                "{name}({arg}) jump={jump}"
            );
        }
        seen += 1;
    }
    let cpython_rows = OPCODES.iter().filter(|i| !i.is_static()).count();
    assert_eq!(
        seen, cpython_rows,
        "the table has opcodes python3 does not know"
    );
}

#[test]
fn table_is_consistent() {
    let mut numbers = std::collections::HashSet::new();
    for info in OPCODES {
        assert!(numbers.insert(info.number), "{} reuses a number", info.name);
        assert_eq!(info.opcode as u8, info.number);
        assert_eq!(info.opcode.info(), info);
        assert_eq!(Opcode::from_name(info.name), Some(info.opcode));
    }
    for byte in 0..=255u8 {
        if let Some(op) = Opcode::from_u8(byte) {
            assert_eq!(op.number(), byte);
        }
    }
}

#[test]
fn static_opcodes_have_their_operands() {
    assert!(Opcode::CHECK_ARGS.info().is_static());
    assert_eq!(Opcode::INVOKE_FUNCTION.info().operand, Operand::Descriptor);
    assert_eq!(Opcode::INVOKE_FUNCTION.stack_effect(0, false, 3), -2);
    // `self, arg1, arg2 -- result` (3.8 shape: nargs does not count `self`).
    assert_eq!(Opcode::INVOKE_METHOD.stack_effect(0, false, 2), -2);
    assert_eq!(Opcode::BUILD_CHECKED_MAP.stack_effect(0, false, 2), -3);
    assert_eq!(Opcode::LOAD_MAPPING_ARG.stack_effect(3, false, 0), -2);
    assert!(Opcode::POP_JUMP_IF_ZERO.info().is_jump());
    assert!(!Opcode::RETURN_PRIMITIVE.info().falls_through());
}
