//! Interning names as small integers, in maps hashed with a fixed seed.

use std::collections::HashMap;

/// Maps keyed by small integers and interned names, hashed with foldhash (a
/// fixed seed: core reads no clock, and equality, not the hash, decides).
pub(super) type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

pub(super) fn fast_map<K, V>() -> FastMap<K, V> {
    HashMap::with_hasher(foldhash::fast::FixedState::with_seed(0x6b6f_6f70))
}

#[derive(Debug, Clone)]
pub(super) struct Interner {
    pub(super) ids: FastMap<Box<str>, u32>,
    pub(super) names: Vec<Box<str>>,
}

impl Default for Interner {
    fn default() -> Interner {
        Interner {
            ids: fast_map(),
            names: Vec::new(),
        }
    }
}

impl Interner {
    /// The name's number; `None` once 2^32 names are interned (the admission
    /// caps facts far below; only persons listed on meetings could get there).
    pub(super) fn intern(&mut self, text: &str) -> Option<u32> {
        if let Some(&id) = self.ids.get(text) {
            return Some(id);
        }
        let id = u32::try_from(self.names.len()).ok()?;
        self.names.push(text.into());
        self.ids.insert(text.into(), id);
        Some(id)
    }

    pub(super) fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("-", |s| s)
    }
}
