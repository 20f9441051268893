//! Word lists as data: the `[lists]` tables of `data/words.toml` and of the
//! built-in rule files (`data/rules/*.toml`). A rule uses a list as `$name`
//! (in lower case); a stage in Rust through a [`Words`] handle of its own,
//! which reads the list once per process and compares words as written.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

use super::lexicon::Fast;

/// A named word list of the built-in data, loaded on first use. It derefs to
/// the list's words in the file's order; [`Words::contains`] is a set lookup.
pub struct Words {
    name: &'static str,
    cell: OnceLock<Loaded>,
}

struct Loaded {
    list: Vec<&'static str>,
    set: HashSet<&'static str, Fast>,
}

impl Words {
    /// The handle of the list `name` (read when first used).
    pub const fn new(name: &'static str) -> Self {
        Words {
            name,
            cell: OnceLock::new(),
        }
    }

    fn loaded(&self) -> &Loaded {
        self.cell.get_or_init(|| {
            let list = lists()
                .get(self.name)
                .unwrap_or_else(|| unreachable!("no word list `{}` in the data", self.name))
                .clone();
            let set = list.iter().copied().collect();
            Loaded { list, set }
        })
    }

    /// Whether the word is in the list, exactly as written there.
    pub fn contains<S: AsRef<str> + ?Sized>(&self, w: &S) -> bool {
        self.loaded().set.contains(w.as_ref())
    }
}

impl std::ops::Deref for Words {
    type Target = [&'static str];
    fn deref(&self) -> &[&'static str] {
        &self.loaded().list
    }
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "${}", self.name)
    }
}

/// Every list of the built-in files, a word `"$other"` standing for the
/// words of the list `other` (as the rule compiler reads them).
fn lists() -> &'static HashMap<String, Vec<&'static str>> {
    #[derive(Deserialize)]
    struct File {
        #[serde(default)]
        lists: BTreeMap<String, Vec<String>>,
    }
    static LISTS: OnceLock<HashMap<String, Vec<&'static str>>> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut raw: HashMap<String, Vec<String>> = HashMap::new();
        for (path, text) in super::pattern::BUILTIN {
            let file: File = toml::from_str(text)
                .unwrap_or_else(|e| unreachable!("built-in {path} is valid: {e}"));
            raw.extend(file.lists);
        }
        fn expand(raw: &HashMap<String, Vec<String>>, name: &str, depth: usize) -> Vec<String> {
            let mut out = Vec::new();
            for w in raw.get(name).into_iter().flatten() {
                match w.strip_prefix('$').filter(|o| !o.is_empty() && depth < 8) {
                    Some(other) => out.extend(expand(raw, other, depth + 1)),
                    None => out.push(w.clone()),
                }
            }
            out
        }
        raw.keys()
            .map(|name| {
                let words = expand(&raw, name, 0)
                    .into_iter()
                    .map(|w| &*Box::leak(w.into_boxed_str()))
                    .collect();
                (name.clone(), words)
            })
            .collect()
    })
}
