//! Date expressions: "January 25, 2017", "Jan. 21, 2009", "25 January 2017",
//! "June 2012", "in June", "2012-06-15", "in 2003", "last year", resolved
//! against the document's date.

use std::sync::OnceLock;

use regex::Regex;

use crate::model::{Date, Span};

/// The months' names, in order.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    /// Where it is.
    pub span: Span,
    /// The resolved date.
    pub date: Date,
    /// A bare year ("in 2003"), which only some rules accept.
    pub bare_year: bool,
}

const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

fn month(s: &str) -> Option<u8> {
    let s = s.trim_end_matches('.').to_ascii_lowercase();
    MONTHS.iter().find(|(n, _)| *n == s).map(|&(_, m)| m)
}

fn regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let m = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)";
        let pattern = format!(
            r"(?x)
            (?P<mdy>(?-u:\b)(?:(?:[Ii]n|[Oo]n|[Ss]ince|[Bb]y|[Uu]ntil|[Oo]f|[Ff]rom|[Dd]ated)\s+)?(?P<m1>{m})\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y1>(?:1[89]|20)\d\d)(?-u:\b))
          | (?P<dmy>(?-u:\b)(?P<d2>[0-3]?\d)\s+(?P<m2>{m})\s+(?P<y2>(?:1[89]|20)\d\d)(?-u:\b))
          | (?P<iso>(?-u:\b)(?P<y3>(?:1[89]|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)(?-u:\b))
          | (?P<my>(?-u:\b)(?:(?:[Ii]n|[Oo]n|[Ss]ince|[Bb]y|[Uu]ntil|[Oo]f|[Ff]rom|[Dd]ated)\s+)?(?P<m4>{m})\s+(?:of\s+)?(?P<y4>(?:1[89]|20)\d\d)(?-u:\b))
          | (?P<md>(?-u:\b)(?:[Oo]n|[Ss]ince|[Bb]y|[Uu]ntil|[Dd]ated)\s+(?P<m6>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s+(?P<d6>[0-3]?\d)(?:st|nd|rd|th)?(?-u:\b))
          | (?P<inm>(?-u:\b)(?:[Ii]n|[Ss]ince|[Ll]ast|[Tt]his|[Uu]ntil|[Bb]y|[Oo]n)\s+(?:early\s+|late\s+|mid-)?(?P<m5>January|February|March|April|June|July|August|September|October|November|December)(?-u:\b))
          | (?P<iny>(?-u:\b)(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Dd]uring|[Oo]f|[Ff]rom|[Bb]efore|[Aa]fter)\s+(?:early\s+|late\s+|mid-)?(?P<y6>(?:1[89]|20)\d\d)(?-u:\b))
          | (?P<rel>(?-u:\b)(?:[Ll]ast|[Tt]his|[Nn]ext)\s+year(?-u:\b))
        "
        );
        Regex::new(&pattern).unwrap_or_else(|e| unreachable!("date regex: {e}"))
    })
}

/// Finds dates in `text`, resolving relative ones against `doc_date`.
pub fn find_dates(text: &str, doc_date: Option<Date>) -> Vec<DateMention> {
    let mut out = Vec::new();
    for c in regex().captures_iter(text) {
        let Some(all) = c.get(0) else { continue };
        let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<i64>().ok());
        let date = if c.name("mdy").is_some() {
            month(&c["m1"]).and_then(|m| Date::ymd(num("y1")? as i32, m, num("d1")? as u8))
        } else if c.name("dmy").is_some() {
            month(&c["m2"]).and_then(|m| Date::ymd(num("y2")? as i32, m, num("d2")? as u8))
        } else if c.name("iso").is_some() {
            Date::ymd(
                num("y3").unwrap_or(0) as i32,
                num("m3").unwrap_or(0) as u8,
                num("d3").unwrap_or(0) as u8,
            )
        } else if c.name("my").is_some() {
            month(&c["m4"]).and_then(|m| Date::ym(num("y4")? as i32, m))
        } else if let Some(m) = c.name("m6") {
            // a month and day without a year: the latest such day not after the document date
            doc_date.and_then(|d| {
                let mo = month(m.as_str())?;
                let day = num("d6")? as u8;
                let later = (mo, day) > (d.month.unwrap_or(12), d.day.unwrap_or(31));
                Date::ymd(if later { d.year - 1 } else { d.year }, mo, day)
            })
        } else if let Some(m) = c.name("m5") {
            // a month without a year: the latest such month not after the document date
            doc_date.and_then(|d| {
                let mo = month(m.as_str())?;
                let dm = d.month.unwrap_or(12);
                let year = if mo > dm { d.year - 1 } else { d.year };
                Date::ym(year, mo)
            })
        } else if c.name("iny").is_some() {
            // not a range or a fraction: "2003-2004", "2003/04"
            if text[all.end()..].starts_with(['-', '\u{2013}', '/']) {
                continue;
            }
            num("y6").map(|y| Date::y(y as i32))
        } else if c.name("rel").is_some() {
            doc_date.map(|d| {
                let lower = all.as_str().to_ascii_lowercase();
                let delta = if lower.starts_with("last") {
                    -1
                } else if lower.starts_with("next") {
                    1
                } else {
                    0
                };
                Date::y(d.year + delta)
            })
        } else {
            None
        };
        let Some(date) = date else { continue };
        // the span covers the date itself, not the leading preposition
        let span = match ["m1", "m4", "m6", "m5", "y6"]
            .iter()
            .find_map(|n| c.name(n))
        {
            Some(m) if c.name("rel").is_none() => Span::new(m.start(), all.end()),
            _ => Span::new(all.start(), all.end()),
        };
        out.push(DateMention {
            span,
            date,
            bare_year: c.name("iny").is_some() || c.name("rel").is_some(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let doc = Date::ymd(2011, 11, 18);
        let cases: &[(&str, &str, &str, bool)] = &[
            (
                "month day year",
                "Order of January 25, 2017 (Title)",
                "2017-01-25",
                false,
            ),
            ("abbreviated month", "(Jan. 21, 2009)", "2009-01-21", false),
            (
                "day month year",
                "signed 25 January 2017.",
                "2017-01-25",
                false,
            ),
            ("iso", "dated 2012-06-15", "2012-06-15", false),
            ("month year", "in June 2012", "2012-06", false),
            ("relative month", "issued in June, there", "2011-06", false),
            ("month and day", "signed on June 1 the", "2011-06-01", false),
            (
                "month and day after doc date",
                "signed on December 1 the",
                "2010-12-01",
                false,
            ),
            (
                "relative month after doc month",
                "announced in December",
                "2010-12",
                false,
            ),
            ("bare year", "was created in 2003, federal", "2003", true),
            ("last year", "since last year", "2010", true),
        ];
        for (name, text, want, bare) in cases {
            let found = find_dates(text, doc);
            assert_eq!(found.len(), 1, "{name}: {found:?}");
            assert_eq!(found[0].date.to_string(), *want, "{name}");
            assert_eq!(found[0].bare_year, *bare, "{name}");
        }
        assert!(
            find_dates("the 2003-2004 budget", doc).is_empty(),
            "year ranges are not dates"
        );
        assert!(
            find_dates("in June", None).is_empty(),
            "no document date, no relative date"
        );
        assert!(
            find_dates("February 30, 2020", doc).is_empty(),
            "invalid day"
        );
    }
}
