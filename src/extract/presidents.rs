//! Presidents of the United States by the numbers of their executive orders
//! and their terms (`data/presidents.tsv`): who made "Executive Order 13700",
//! and who "President Obama" is in a document dated in 2016.

use std::sync::OnceLock;

use crate::extract::words::Words;
use crate::model::Date;

/// A day as (year, month, day), ordered.
type Day = (i32, u8, u8);

/// A president's term and names.
pub struct President {
    /// The first and last numbers of the executive orders of the term.
    pub orders: (u32, u32),
    /// When the term began, and when the next one did.
    pub term: (Day, Option<Day>),
    /// The name as the Federal Register writes it ("Barack Obama").
    pub name: &'static str,
    /// Sets of words a name of the president holds all of (one set suffices).
    names: Vec<Vec<&'static str>>,
    /// A word no name of the president holds ("H." for the younger Bush).
    none_of: Option<&'static str>,
}

impl President {
    /// The president's surname ("Obama").
    pub fn surname(&self) -> &'static str {
        self.names[0].last().copied().unwrap_or("")
    }

    /// Whether a person's name is this president's ("Barack Obama", "George W. Bush").
    pub fn is_named(&self, name: &str) -> bool {
        let has = |w: &str| {
            name.split_whitespace().any(|x| x == w) || w.ends_with('.') && name.contains(w)
        };
        self.names.iter().any(|set| set.iter().all(|w| has(w)))
            && !self.none_of.is_some_and(|w| name.contains(w))
    }

    fn in_office(&self, date: Date) -> bool {
        let d = (date.year, date.month.unwrap_or(7), date.day.unwrap_or(1));
        self.term.0 <= d && self.term.1.is_none_or(|end| d < end)
    }
}

fn ymd(s: &str) -> Option<Day> {
    let mut p = s.split('-');
    Some((
        p.next()?.parse().ok()?,
        p.next()?.parse().ok()?,
        p.next()?.parse().ok()?,
    ))
}

/// Every president of the table, in order.
pub fn all() -> &'static [President] {
    static TABLE: OnceLock<Vec<President>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let rows: Vec<Vec<&'static str>> = include_str!("../../data/presidents.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| l.split('\t').collect())
            .collect();
        let starts: Vec<Option<Day>> = rows.iter().map(|r| r.get(2).and_then(|s| ymd(s))).collect();
        rows.iter()
            .enumerate()
            .filter_map(|(i, f)| {
                let [first, last, _, name, names, none] = f[..] else {
                    return None;
                };
                Some(President {
                    orders: (first.parse().ok()?, last.parse().ok()?),
                    term: (starts[i]?, starts.get(i + 1).copied().flatten()),
                    name,
                    names: names.split('|').map(|s| s.split(',').collect()).collect(),
                    none_of: (none != "-").then_some(none),
                })
            })
            .collect()
    })
}

/// The president who made executive order number `n`.
pub fn by_order(n: u32) -> Option<&'static President> {
    all()
        .iter()
        .find(|p| (p.orders.0..=p.orders.1).contains(&n))
}

/// The president of that surname in office on a date ("President Obama" in 2016).
pub fn in_office(surname: &str, date: Date) -> Option<&'static President> {
    all()
        .iter()
        .find(|p| p.surname() == surname && p.in_office(date))
}

/// The president a surname names whatever the date ("President Obama" in a
/// document of 2025): when the table holds presidents of that surname, all of
/// one name, and no president before the table's first term bore it
/// ("Roosevelt", "Johnson"). None for "Bush".
pub fn by_surname(surname: &str) -> Option<&'static President> {
    static EARLIER: Words = Words::new("earlier_president_surnames");
    if EARLIER.contains(&surname) {
        return None;
    }
    let mut found = all().iter().filter(|p| p.surname() == surname);
    let first = found.next()?;
    found.all(|p| p.name == first.name).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presidents_by_surname() {
        // (case, surname, expected president)
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("one president", "Obama", Some("Barack Obama")),
            (
                "two terms of one president",
                "Trump",
                all()
                    .iter()
                    .find(|p| p.surname() == "Trump")
                    .map(|p| p.name),
            ),
            ("two presidents of one surname", "Bush", None),
            ("a surname of an earlier president too", "Roosevelt", None),
            ("no president", "Ellison", None),
        ];
        for (case, surname, want) in cases {
            assert_eq!(by_surname(surname).map(|p| p.name), *want, "{case}");
        }
    }

    #[test]
    fn presidents_by_order_and_term() {
        let d = |year, month, day| Date {
            year,
            month: Some(month),
            day: Some(day),
        };
        // (case, what, expected president)
        let cases: &[(&str, Option<&President>, Option<&str>)] = &[
            ("an order of 2016", by_order(13719), Some("Barack Obama")),
            (
                "the first order of 2021",
                by_order(13985),
                Some("Joseph R. Biden Jr."),
            ),
            (
                "the first order of 2025",
                by_order(14147),
                Some("Donald J. Trump"),
            ),
            ("no order number so low", by_order(12), None),
            (
                "in office",
                in_office("Obama", d(2016, 2, 9)),
                Some("Barack Obama"),
            ),
            (
                "the day the term ends",
                in_office("Obama", d(2017, 1, 20)),
                None,
            ),
            (
                "the elder Bush",
                in_office("Bush", d(1990, 5, 1)),
                Some("George H. W. Bush"),
            ),
            (
                "the younger Bush",
                in_office("Bush", d(2005, 5, 1)),
                Some("George W. Bush"),
            ),
        ];
        for (case, got, want) in cases {
            assert_eq!(got.map(|p| p.name), *want, "{case}");
        }
        let gw = by_order(13300).map(|p| {
            (
                p.is_named("George W. Bush"),
                p.is_named("George H. W. Bush"),
            )
        });
        assert_eq!(gw, Some((true, false)));
    }
}
