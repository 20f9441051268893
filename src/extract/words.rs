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

// ---------------------------------------------------------------- lists of the stages' conditions

/// Lower-case words allowed inside a capitalized name ("Department of the Interior", "Bureau of
/// Alcohol, Tobacco and Firearms").
pub static CONNECTORS: Words = Words::new("connectors");

/// First words of a title (after "acting", "the", "u.s." or "federal"; lower case) whose holder
/// heads the body.
pub static HEAD_TITLE_FIRST_WORDS: Words = Words::new("head_title_first_words");

/// Last words of a title that opens with a head's word whose holder serves the head
/// ("Chief Financial Officer", "Chief Economist").
pub static STAFF_TITLE_LAST_WORDS: Words = Words::new("staff_title_last_words");

/// Last words of a title (lower case) whose holder heads the body ("Director of the Office",
/// "Chief Executive Officer" aside).
pub static HEAD_TITLE_LAST_WORDS: Words = Words::new("head_title_last_words");

/// Words before "Order" that make it an order ("Executive Order", "Secretarial Order"), not a
/// body ("Fraternal Order of Police").
pub static ORDER_QUALIFIERS: Words = Words::new("order_qualifiers");

/// Words before a capitalized pair that make it a place, not a person ("in Los Angeles, the
/// Director …", "visited Fort Worth").
pub static PLACE_PREPOSITIONS: Words = Words::new("place_prepositions");

/// Ranks that start a job title ("Acting Director", "Deputy Secretary", "Under Secretary").
pub static TITLE_RANK_STARTS: Words = Words::new("title_rank_starts");

/// Words before a capitalized word and a head that make the pair one name ("the Records
/// Administration", "the former Food Administration").
pub static NAME_DETERMINERS: Words = Words::new("name_determiners");

/// Titles that stand before people's names, not before words ("President Obama", "Secretary
/// Napolitano"; not "General Assembly", "Chief Economist").
pub static NAME_TITLES: Words = Words::new("name_titles");

/// Lower-case words of a memo's kind ("the memorandum", "this order").
pub static MEMO_WORDS: Words = Words::new("memo_kind_words");

/// Lower-case words and punctuation allowed inside a title ("Building a 21st Century Digital
/// Government"), besides the connectors of acts' names.
pub static TITLE_SMALL_WORDS: Words = Words::new("title_small_words");

/// Words between a person and the title they are named to ("named as the …", "appointed acting
/// …").
pub static APPOINTMENT_LEADS: Words = Words::new("appointment_leads");

/// Lower-case words that leave a subject line open, to be continued on the next line.
pub static DANGLING_WORDS: Words = Words::new("dangling_words");

/// Words that leave a line open: the block goes on on the next line.
pub static OPEN_LINE_ENDS: Words = Words::new("open_line_ends");

/// Words of a title (lower case) whose holder does not head the body ("Deputy Director",
/// "Regional Administrator").
pub static SUBORDINATE_TITLE_WORDS: Words = Words::new("subordinate_title_words");

/// Words of one function or place inside a body before a title (lower case): a "Legal Director"
/// or a "Louisiana State Director" heads no body (but "Secretary of State" does).
pub static FUNCTION_TITLE_WORDS: Words = Words::new("function_title_words");
