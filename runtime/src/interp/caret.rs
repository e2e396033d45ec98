//! The `~~~^^^~~~` anchors CPython 3.11 prints under a binary operation or a subscript in a
//! traceback line.
//!
//! Input: the source segment an instruction covers. Output: the `(left, right)` character
//! offsets of the `^` run, or `None` when the segment is not a binary operation or subscript
//! (then the whole segment gets `^`). This is a small scanner, not a parser: it finds the
//! top-level operator the way the AST would group it (lowest precedence, left-associative,
//! `**` right-associative) and gives up on anything it does not recognise.

/// Binary operators from lowest to highest precedence.
const LEVELS: [&[&str]; 7] = [
    &["|"],
    &["^"],
    &["&"],
    &["<<", ">>"],
    &["+", "-"],
    &["*", "@", "/", "//", "%"],
    &["**"],
];

struct Tok {
    start: usize,
    end: usize,
    text: String,
    depth: usize,
}

fn tokens(chars: &[char]) -> Option<Vec<Tok>> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c == '\'' || c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != c {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push(Tok {
                start,
                end: i.min(chars.len()),
                text: "str".into(),
                depth,
            });
            continue;
        }
        if c.is_alphanumeric()
            || c == '_'
            || c == '.' && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit())
        {
            while i < chars.len()
                && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '.')
            {
                i += 1;
            }
            let text: String = chars[start..i].iter().collect();
            out.push(Tok {
                start,
                end: i,
                text,
                depth,
            });
            continue;
        }
        if "([{".contains(c) {
            out.push(Tok {
                start,
                end: i + 1,
                text: c.to_string(),
                depth,
            });
            depth += 1;
            i += 1;
            continue;
        }
        if ")]}".contains(c) {
            depth = depth.checked_sub(1)?;
            out.push(Tok {
                start,
                end: i + 1,
                text: c.to_string(),
                depth,
            });
            i += 1;
            continue;
        }
        let two: String = chars[i..(i + 2).min(chars.len())].iter().collect();
        let text = if ["**", "//", "<<", ">>", "==", "!=", "<=", ">=", "->", ":="]
            .contains(&two.as_str())
        {
            two
        } else {
            c.to_string()
        };
        i += text.chars().count();
        out.push(Tok {
            start,
            end: i,
            text,
            depth,
        });
    }
    Some(out)
}

fn is_operand_end(t: &Tok) -> bool {
    let s = t.text.as_str();
    s == ")"
        || s == "]"
        || s == "}"
        || s == "str"
        || s.chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
            && !matches!(
                s,
                "not" | "and" | "or" | "in" | "is" | "if" | "else" | "lambda" | "await"
            )
}

pub fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    let chars: Vec<char> = segment.chars().collect();
    let toks = tokens(&chars)?;
    let top: Vec<&Tok> = toks.iter().filter(|t| t.depth == 0).collect();
    // Anything that makes the top-level node something other than BinOp/Subscript.
    if top.iter().any(|t| {
        matches!(
            t.text.as_str(),
            "<" | ">"
                | "=="
                | "!="
                | "<="
                | ">="
                | "and"
                | "or"
                | "not"
                | "in"
                | "is"
                | "if"
                | "lambda"
                | ","
                | "="
                | ":"
                | ":="
                | "await"
                | "yield"
        )
    }) {
        return None;
    }
    // Binary operators at depth 0 (not unary: they follow an operand).
    let mut ops: Vec<(usize, &Tok)> = Vec::new();
    for (k, t) in top.iter().enumerate() {
        if LEVELS.iter().any(|l| l.contains(&t.text.as_str()))
            && k > 0
            && is_operand_end(top[k - 1])
        {
            ops.push((k, t));
        }
    }
    if let Some(level) = LEVELS
        .iter()
        .find(|l| ops.iter().any(|(_, t)| l.contains(&t.text.as_str())))
    {
        let candidates: Vec<&(usize, &Tok)> = ops
            .iter()
            .filter(|(_, t)| level.contains(&t.text.as_str()))
            .collect();
        let &&(k, op) = if level.contains(&"**") {
            candidates.first()?
        } else {
            candidates.last()?
        };
        // End of the left operand (as the AST sees it: inside its parentheses).
        let prev = top[k - 1];
        let mut left_end = prev.end;
        if prev.text == ")" {
            // A parenthesised operand (not a call): the AST node ends before the `)`.
            let open = toks
                .iter()
                .rposition(|t| t.depth == 0 && t.text == "(" && t.start < prev.start)?;
            let is_call = open > 0 && toks[open - 1].depth == 0 && is_operand_end(&toks[open - 1]);
            let operand_start = top.iter().position(|t| t.start == toks[open].start)?;
            let starts_operand = operand_start == 0 || !is_operand_end(top[operand_start - 1]);
            if !is_call && starts_operand {
                left_end = prev.start;
            }
        }
        // Start of the right operand.
        let next = top.get(k + 1)?;
        let mut right_start = next.start;
        if next.text == "(" {
            let last = toks.last()?;
            let close_matches = last.text == ")" && last.depth == 0;
            let only_group = top.iter().skip(k + 2).filter(|t| t.text == "(").count() == 0;
            if close_matches && only_group {
                right_start = next.end;
                while right_start < chars.len() && chars[right_start].is_whitespace() {
                    right_start += 1;
                }
            }
        }
        let operator: &[char] = chars.get(left_end..right_start)?;
        let offset = operator.iter().take_while(|c| c.is_whitespace()).count();
        let left = left_end + offset;
        let mut right = left + 1;
        if operator.get(offset + 1).is_some_and(|c| !c.is_whitespace()) {
            right += 1;
        }
        let _ = op;
        return Some((left, right));
    }
    // Subscript: the segment ends with a top-level `[...]` that follows an operand.
    let last = top.last()?;
    if last.text == "]" {
        let open = top.iter().rposition(|t| t.text == "[")?;
        if open > 0 && is_operand_end(top[open - 1]) {
            return Some((top[open].start, last.end));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::caret_anchors;

    #[test]
    fn anchors_match_cpython() {
        assert_eq!(caret_anchors("1/0"), Some((1, 2)));
        assert_eq!(caret_anchors("a // b"), Some((2, 4)));
        assert_eq!(caret_anchors("x[3]"), Some((1, 4)));
        assert_eq!(caret_anchors("f(x)"), None);
        assert_eq!(caret_anchors("a + b * c"), Some((2, 3)));
        assert_eq!(caret_anchors("a < b"), None);
    }
}
