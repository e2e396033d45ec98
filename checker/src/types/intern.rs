//! The process-wide interners behind [`super::Ty`] and [`super::ClassId`].
//!
//! Values are leaked on first sight and found again by hash; the tables are sharded so
//! that threads checking different files rarely contend. Identity of the returned
//! reference is the identity of the value.

use std::collections::HashSet;
use std::hash::{BuildHasher, Hash};

use super::fxhash::FxBuildHasher;
use std::sync::{Mutex, OnceLock};

use super::{ClassKey, TyKind};

const SHARDS: usize = 16;

/// A sharded set of leaked values.
pub struct Interned<T: 'static> {
    hasher: FxBuildHasher,
    shards: [Mutex<HashSet<&'static T, FxBuildHasher>>; SHARDS],
}

impl<T: Eq + Hash + Send + Sync + 'static> Interned<T> {
    fn new() -> Self {
        Self {
            hasher: FxBuildHasher::default(),
            shards: std::array::from_fn(|_| {
                Mutex::new(HashSet::with_hasher(FxBuildHasher::default()))
            }),
        }
    }

    fn intern(&self, value: T) -> &'static T {
        let shard = (self.hasher.hash_one(&value) >> 59) as usize % SHARDS;
        let mut set = match self.shards[shard].lock() {
            Ok(set) => set,
            Err(poisoned) => poisoned.into_inner(),
        };
        if let Some(found) = set.get(&value) {
            return found;
        }
        let leaked: &'static T = Box::leak(Box::new(value));
        set.insert(leaked);
        leaked
    }
}

static TYPES: OnceLock<Interned<TyKind>> = OnceLock::new();
static CLASSES: OnceLock<Interned<ClassKey>> = OnceLock::new();

pub(super) fn intern_ty(kind: TyKind) -> &'static TyKind {
    TYPES.get_or_init(Interned::new).intern(kind)
}

pub(super) fn intern_class(key: ClassKey) -> &'static ClassKey {
    CLASSES.get_or_init(Interned::new).intern(key)
}
