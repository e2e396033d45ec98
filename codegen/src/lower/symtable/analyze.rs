//! The second pass of scope analysis (CPython's `analyze_block`). Input: the scopes the
//! first pass built, each with the names it binds and uses. Output: every symbol's final
//! scope (local, global implicit or explicit, free, cell), or the `SyntaxError` CPython
//! reports (e.g. `nonlocal` of a name no enclosing function binds).

use std::collections::HashSet;

use super::*;

/// CPython's `analyze_block`: resolves every symbol's scope, top-down with the names bound
/// in enclosing functions, bottom-up with the names free in children.
pub(super) fn analyze(
    scopes: &mut Vec<Scope>,
    id: usize,
    bound: &HashSet<String>,
    free: &mut HashSet<String>,
    global: &HashSet<String>,
) -> Result<(), CodegenError> {
    let mut local = HashSet::new();
    // A class body's own names are invisible to nested scopes: they see what the class saw.
    let class_bound = bound.clone();
    let class_global = global.clone();
    let mut global = global.clone();
    let mut bound = bound.clone();
    let kind = scopes[id].kind;
    let nested = scopes[id].nested;
    let mut new_free = HashSet::new();
    let names: Vec<String> = scopes[id].symbols.keys().cloned().collect();
    for name in &names {
        let flags = scopes[id].flags_of(name);
        let scope = if flags & DEF_GLOBAL != 0 {
            global.insert(name.clone());
            bound.remove(name);
            NameScope::GlobalExplicit
        } else if flags & DEF_NONLOCAL != 0 {
            if !bound.contains(name) {
                return Err(syntax(format!("no binding for nonlocal '{name}' found")));
            }
            new_free.insert(name.clone());
            NameScope::Free
        } else if flags & DEF_BOUND != 0 {
            local.insert(name.clone());
            global.remove(name);
            NameScope::Local
        } else if bound.contains(name) {
            new_free.insert(name.clone());
            NameScope::Free
        } else {
            let _ = nested;
            NameScope::GlobalImplicit
        };
        if let Some(s) = scopes[id].symbols.get_mut(name) {
            s.scope = scope;
        }
    }
    // What children see as bound in enclosing scopes.
    let (child_bound, child_global) = match kind {
        ScopeKind::Class => {
            let mut b = class_bound;
            b.insert("__class__".to_string());
            (b, class_global)
        }
        ScopeKind::Function | ScopeKind::Comprehension => {
            let mut b = bound.clone();
            b.extend(local.iter().cloned());
            (b, global.clone())
        }
        ScopeKind::Module => (HashSet::new(), global.clone()),
    };
    let children = scopes[id].children.clone();
    let mut all_free = HashSet::new();
    for child in children {
        let mut child_free = HashSet::new();
        analyze(scopes, child, &child_bound, &mut child_free, &child_global)?;
        all_free.extend(child_free);
    }
    new_free.extend(all_free);
    match kind {
        ScopeKind::Function | ScopeKind::Comprehension => {
            for name in &names {
                if scopes[id].scope_of(name) == NameScope::Local && new_free.contains(name) {
                    if let Some(s) = scopes[id].symbols.get_mut(name) {
                        s.scope = NameScope::Cell;
                    }
                    new_free.remove(name);
                }
            }
        }
        ScopeKind::Class => {
            if new_free.remove("__class__") {
                scopes[id].needs_class_closure = true;
            }
        }
        ScopeKind::Module => {}
    }
    // Record free variables of children that pass through this scope.
    let mut pending: Vec<&String> = new_free.iter().collect();
    pending.sort();
    for name in pending {
        if let Some(symbol) = scopes[id].symbols.get_mut(name) {
            if kind == ScopeKind::Class && symbol.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                symbol.flags |= DEF_FREE_CLASS;
            }
            continue;
        }
        if !bound.contains(name) {
            continue;
        }
        scopes[id].symbols.insert(
            name.clone(),
            Symbol {
                flags: 0,
                scope: NameScope::Free,
            },
        );
    }
    free.extend(new_free);
    Ok(())
}
