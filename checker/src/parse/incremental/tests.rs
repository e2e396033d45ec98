//! The incremental parse must equal the full parse, whatever the edit.

use super::*;

const MODULE: &str = r#""""A module."""
# leading comment
import os
from typing import List

X = 1; Y = 2


@decorator
def first(values: List[int]) -> int:
    """Doc."""
    total = 0  # a comment
    for v in values:
        total += v
    return total


class Box:
    size: int = 3

    def get(self) -> int:
        return self.size


def second(
    a: int,
    b: int,
) -> int:
    text = """
def not_a_function():
    pass
"""
    return a + b

if X:
    Z = 3
else:
    Z = 4
# trailing comment
"#;

fn full(text: &str) -> ParsedModule {
    parse_source(text, "m.py")
}

fn assert_same(cache: &ParseCache, text: &str) {
    let got = cache.parse(text, "m.py");
    let want = full(text);
    assert_eq!(got.suite, want.suite, "AST differs for:\n{text}");
    assert_eq!(got.comments, want.comments, "comments differ for:\n{text}");
    assert_eq!(
        got.syntax_errors, want.syntax_errors,
        "errors differ for:\n{text}"
    );
}

/// Whether the cache would parse `text` incrementally.
fn incremental(cache: &ParseCache, text: &str) -> bool {
    let old = cache.last.lock().ok().and_then(|m| m.get("m.py").cloned());
    old.is_some_and(|old| reparse(&old, text).is_some())
}

fn replace(text: &str, from: usize, to: usize, with: &str) -> String {
    format!("{}{with}{}", &text[..from], &text[to..])
}

#[test]
fn an_edit_inside_a_function_reuses_the_other_statements() {
    let cache = ParseCache::default();
    assert_same(&cache, MODULE);
    let at = MODULE.find("total = 0").unwrap_or(0) + "total = ".len();
    let edited = replace(MODULE, at, at + 1, "12345");
    assert!(incremental(&cache, &edited), "handled incrementally");
    assert_same(&cache, &edited);
}

#[test]
fn edits_at_chunk_boundaries_and_across_them() {
    let cache = ParseCache::default();
    let cases: &[(&str, &str)] = &[
        ("\n\n@decorator\ndef first", "\n@decorator\ndef first"),
        ("return total\n\n\nclass", "return total\nclass"),
        ("return total\n\n\nclass", "return totalclass"),
        ("return total\n\n\nclass", "return total\n    \nclass"),
        ("class Box:", "class Box(object):"),
        ("X = 1; Y = 2", "X = 1; Y = 3"),
        ("    return a + b\n", "    return a + b\n    x = (\n"),
        ("    return a + b\n", "    return a + b\n    x = '''\n"),
        ("def not_a_function", "def still_text"),
        ("text = \"\"\"", "text = \"\""),
        ("# trailing comment", "# changed trailing comment"),
        ("# leading comment", "# leading"),
        ("    size: int = 3", "size: int = 3"),
        ("else:\n    Z = 4\n", ""),
        ("if X:", "#f X:"),
        ("class Box:\n", "# class Box:\n"),
    ];
    for (from, to) in cases {
        assert_same(&cache, MODULE);
        let at = MODULE
            .find(from)
            .unwrap_or_else(|| unreachable!("{from} is in the module"));
        let edited = replace(MODULE, at, at + from.len(), to);
        assert_same(&cache, &edited);
    }
}

/// A small deterministic generator (no crate needed).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % below.max(1)
    }
}

#[test]
fn random_edits_parse_as_a_full_parse_does() {
    random_edits(7);
    random_edits(2026);
}

fn random_edits(seed: u64) {
    let pieces = [
        "x",
        "1",
        " ",
        "\n",
        "    ",
        "(",
        ")",
        ":",
        "#",
        "'",
        "\"\"\"",
        "\\",
        ";",
        "@d\n",
        "def h():\n    pass\n",
        "\n\n",
        "é",
        "return 2\n",
        "class C:\n",
        "    y = [\n",
    ];
    let cache = ParseCache::default();
    let mut rng = Lcg(seed);
    let mut text = MODULE.to_string();
    let (mut reused, mut errors_reused) = (0, 0);
    for _ in 0..3000 {
        let mut at = rng.next(text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let mut to = (at + rng.next(4)).min(text.len());
        while !text.is_char_boundary(to) {
            to += 1;
        }
        let with = if rng.next(3) == 0 {
            ""
        } else {
            pieces[rng.next(pieces.len())]
        };
        text = replace(&text, at, to, with);
        if incremental(&cache, &text) {
            reused += 1;
            errors_reused += usize::from(full(&text).has_syntax_error());
        }
        assert_same(&cache, &text);
        // Back to valid code every other time, so that many edits are incremental.
        if rng.next(2) == 0 {
            text = MODULE.to_string();
            assert_same(&cache, &text);
        }
    }
    // Most edits break the code (and are parsed whole); enough must be incremental.
    assert!(reused > 600, "only {reused} incremental parses");
    assert!(
        errors_reused > 100,
        "only {errors_reused} syntax errors found incrementally"
    );
}
