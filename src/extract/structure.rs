//! Stage 0: document structure. The title line, memo header fields
//! (`MEMORANDUM FOR`, `TO`, `FROM`, `SUBJECT`, `DATE`), the signature block at
//! the end, and the notes section. Decides whether the document itself is a
//! memo, order or directive.

use super::dates::MONTH_NAMES;
use crate::extract::words::{Words, DANGLING_WORDS};
use crate::model::Span;

/// A memo header field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// `MEMORANDUM FOR`, `FOR:`, `TO:`
    To,
    /// `FROM:`
    From,
    /// `SUBJECT:`, `RE:`
    Subject,
    /// `DATE:`, `Release Date:`
    Date,
    /// `CC:`, `BCC:`, `Copy to:`: copy recipients, who neither wrote the
    /// document nor are its addressees (the field ends the `FROM:` above it)
    Copy,
}

/// The structure of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Structure {
    /// The title line.
    pub title: Option<Span>,
    /// A second title line right under the title ("Executive Order 13768 of
    /// January 25, 2017" then "Enhancing Public Safety in the Interior ...").
    pub subtitle: Option<Span>,
    /// Whether the document is itself a memo, order, directive or guidance.
    pub is_memo: bool,
    /// Header fields and the span of their content.
    pub fields: Vec<(Field, Span)>,
    /// The signature block (last lines: an all-caps name, "THE WHITE HOUSE," and a date).
    pub signature: Option<Span>,
    /// Where a notes / footnotes section starts.
    pub notes_start: Option<usize>,
    /// Address blocks ("The Honorable NAME" / title lines / body lines).
    pub address_blocks: Vec<AddressBlock>,
    /// Letters written out in the document: date line, salutation, closing.
    pub letters: Vec<Letter>,
    /// The document's own number in its metadata ("Report: GAO-26-107682",
    /// "CRS Product Number: R40000").
    pub doc_number: Option<Span>,
    /// Names written surname first in an author field ("Bishop, Laura M."):
    /// the span and the name in reading order.
    pub inverted_names: Vec<(Span, String)>,
}

/// A letter inside a document: its date line ("March 5, 2007"), its
/// salutation ("Dear Secretary Doe:") and its closing ("Sincerely yours,").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Letter {
    /// The date line.
    pub date: Span,
    /// The salutation line.
    pub salutation: Span,
    /// The closing line, when there is one.
    pub closing: Option<Span>,
}

/// An address block: one or more people, each with the title lines under
/// their name, then the bodies they belong to, most specific first
/// ("The Honorable NAME" / "Chair" / "Subcommittee on …" / "Committee on …" /
/// "United States Senate").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddressBlock {
    /// Each person's name span and title line spans.
    pub people: Vec<(Span, Vec<Span>)>,
    /// Body lines, most specific first.
    pub bodies: Vec<Span>,
}

static MEMO_TITLE_WORDS: Words = Words::new("memo_title_words");
/// "Letter to the Speaker of the House …": a letter's title line.
static LETTER_TITLE_STARTS: Words = Words::new("given_memo_title_starts");

/// A title (a document's title line, or one given with it) with a release's
/// front set aside: None for a statement, remarks or a headline about a memo
/// ("President Roe Signs Executive Order …", `given_not_memo_title_starts`,
/// `headline_verbs`), the order for a fact sheet that opens with it
/// ("FACT SHEET: Executive Order on X" → "Executive Order on X"; a fact sheet
/// that opens otherwise names none), the title itself otherwise.
pub(crate) fn release_title(t: &str) -> Option<&str> {
    static NOT_STARTS: Words = Words::new("given_not_memo_title_starts");
    static HEADLINE_VERBS: Words = Words::new("headline_verbs");
    static KINDS: Words = Words::new("given_memo_title_words");
    let t = t.trim();
    let (t, fact_sheet) = match t.split_once(':') {
        Some((front, rest)) if front.trim().eq_ignore_ascii_case("fact sheet") => {
            (rest.trim(), true)
        }
        _ => (t, false),
    };
    let l = t.to_lowercase();
    if NOT_STARTS.iter().any(|w| l.starts_with(w))
        || t.split_whitespace().any(|w| HEADLINE_VERBS.contains(w))
    {
        return None;
    }
    // ("Presidential Memorandum Establishing …", "National Security Memorandum on …")
    let kind = ["presidential ", "national security "]
        .iter()
        .find_map(|p| l.strip_prefix(p))
        .unwrap_or(&l);
    (!fact_sheet || KINDS.iter().any(|w| kind.starts_with(w))).then_some(t)
}

fn field_of(line: &str) -> Option<(Field, usize)> {
    let lower = line.to_ascii_lowercase();
    // (an addressee label is capitalised: "shall take appropriate action\nto:"
    // ends a sentence's line, it opens no field)
    if line.starts_with(|c: char| c.is_lowercase())
        && (lower.starts_with("to:") || lower.starts_with("for:"))
    {
        return None;
    }
    // "Memorandum for the Secretary of State on the Delegation of Authority …":
    // a memo's title that names its addressee, not the addressee field
    // ("MEMORANDUM FOR THE HEADS OF …", "Memorandum for the Heads of …")
    if lower.starts_with("memorandum for ")
        && line.chars().any(char::is_lowercase)
        && line.match_indices(" on ").any(|(i, _)| {
            line[i + 4..].starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || line[i + 4..].starts_with("the ")
        })
    {
        return None;
    }
    let table: &[(&str, Field)] = &[
        ("memorandum for:", Field::To),
        ("memorandum for", Field::To),
        ("memorandum to:", Field::To),
        ("memo to:", Field::To),
        ("memo for:", Field::To),
        ("for:", Field::To),
        ("to:", Field::To),
        ("from:", Field::From),
        ("subject:", Field::Subject),
        ("subj:", Field::Subject),
        ("re:", Field::Subject),
        ("date:", Field::Date),
        ("release date:", Field::Date),
        // a directive's "Original Release Date: September 18, 2020"
        ("original release date:", Field::Date),
        ("through:", Field::To),
        ("cc:", Field::Copy),
        ("bcc:", Field::Copy),
        ("copy to:", Field::Copy),
        // report and notice metadata ("Author: Bishop, Laura M.", Federal
        // Register "AGENCY:", "Publication Date:")
        ("author:", Field::From),
        ("authors:", Field::From),
        ("agency:", Field::From),
        ("publication date:", Field::Date),
        ("published:", Field::Date),
    ];
    table.iter().find_map(|&(p, f)| {
        if lower.starts_with(p) {
            return Some((f, p.len()));
        }
        // "Date : FEB 26 2014", "From : …" (a space before the colon)
        let word = p.strip_suffix(':')?;
        let rest = lower.strip_prefix(word)?;
        rest.starts_with(" :").then_some((f, word.len() + 2))
    })
}

/// The lines of a text with their byte spans (without the newline).
fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            out.push(Span::new(start, i));
            start = i + 1;
        }
    }
    out.push(Span::new(start, text.len()));
    out
}

fn trimmed(text: &str, s: Span) -> Span {
    let line = &text[s.start..s.end];
    let lead = line.len() - line.trim_start().len();
    let body = line.trim();
    Span::new(s.start + lead, s.start + lead + body.len())
}

/// Analyzes the structure of `text`.
pub fn analyze(text: &str) -> Structure {
    let mut st = Structure::default();
    let all = lines(text);
    let mut idx = 0;
    // skip a "date YYYY-MM-DD" header line when it stands alone
    while idx < all.len() && text[all[idx].start..all[idx].end].trim().is_empty() {
        idx += 1;
    }
    if idx < all.len() {
        let first = text[all[idx].start..all[idx].end].trim();
        if first.starts_with("date ") && first.len() <= 16 {
            idx += 1;
        }
    }
    while idx < all.len() && text[all[idx].start..all[idx].end].trim().is_empty() {
        idx += 1;
    }
    if idx < all.len() {
        // an ALL-CAPS heading wrapped over two to four lines is one title line
        let heading_end = caps_heading_end(text, &all, idx);
        let t = if heading_end > idx {
            Span::new(
                trimmed(text, all[idx]).start,
                trimmed(text, all[heading_end]).end,
            )
        } else {
            trimmed(text, all[idx])
        };
        let line = &text[t.start..t.end];
        let words = line.split_whitespace().count();
        let lower = line.to_lowercase();
        let alone = stands_alone(text, &all, heading_end);
        let just_a_date = is_date_line(line) && !line.contains('-');
        // (an addressee's line: "The Honorable NAME" opens an address block)
        let address = line.starts_with("TO THE ")
            || line.starts_with("BY THE ")
            || line.starts_with("The Honorable ")
            || line.starts_with("Honorable ");
        // a paragraph of sentences is not a title
        // (not at an abbreviation: "Could Promote U.S. Leadership", "No. 5")
        let sentences = line.match_indices(". ").any(|(k, _)| {
            let word = line[..k].rsplit(' ').next().unwrap_or("");
            let abbreviation = word.contains('.') || word.chars().count() <= 2;
            !abbreviation && line[k + 2..].starts_with(char::is_uppercase)
        }) || line.ends_with('.') && words > 12;
        if alone
            && !sentences
            && !just_a_date
            && !address
            && !line.is_empty()
            // (an executive order's title can run long)
            && (line.len() <= 240
                || line.len() <= 480
                    && MEMO_TITLE_WORDS
                        .iter()
                        .chain(LETTER_TITLE_STARTS.iter())
                        .any(|w| lower.starts_with(w.trim_end())))
            && words >= 2
            && !line.ends_with([',', ';'])
            && field_of(line).is_none()
            && !(line.ends_with('.') && words > 25)
            && !line.starts_with("date ")
        {
            st.title = Some(t);
            st.is_memo = release_title(line).is_some()
                && (MEMO_TITLE_WORDS.iter().any(|w| lower.contains(w))
                    || LETTER_TITLE_STARTS.iter().any(|w| lower.starts_with(w))
                    || has_memo_number(line));
            // the next line after a blank one, when it is another short stand-alone title line
            let mut j = heading_end + 1;
            while j < all.len() && text[all[j].start..all[j].end].trim().is_empty() {
                j += 1;
            }
            if j > heading_end + 1 && j < all.len() {
                let u = trimmed(text, all[j]);
                let sub = &text[u.start..u.end];
                // not a date line ("January 21, 2025")
                if stands_alone(text, &all, j)
                    && !is_date_line(sub)
                    && sub.len() <= 200
                    && sub.split_whitespace().count() >= 2
                    && sub.starts_with(char::is_uppercase)
                    && !sub.ends_with(['.', ',', ';', ':'])
                    && field_of(sub).is_none()
                {
                    st.subtitle = Some(u);
                }
            }
        }
    }
    // an order's formula ("By the authority vested in me …"), whether or not a
    // title line stands in the text (its title may come with the document)
    st.is_memo |= has_order_formula(text);
    // header fields in the first 60 lines
    let mut i = 0;
    while i < all.len().min(60) {
        let t = trimmed(text, all[i]);
        let line = &text[t.start..t.end];
        // "Report: GAO-26-107682 | Published: 2026-03-03 | Source: U.S. …": one field a part
        if line.contains(" | ") && line.split(" | ").all(|p| p.contains(": ")) {
            let mut at = t.start;
            for part in line.split(" | ") {
                let lower = part.to_ascii_lowercase();
                if lower.starts_with("report:") {
                    st.doc_number = Some(Span::new(at, at + part.len()));
                }
                let field = if lower.starts_with("source:") {
                    Some((Field::From, "source:".len()))
                } else {
                    field_of(part)
                };
                if let Some((field, plen)) = field {
                    let body = &part[plen..];
                    let lead = body.len() - body.trim_start().len();
                    let start = at + plen + lead;
                    let end = at + plen + body.trim_end().len();
                    if start < end {
                        st.fields.push((field, Span::new(start, end)));
                        st.is_memo = true;
                    }
                }
                at += part.len() + " | ".len();
            }
            i += 1;
            continue;
        }
        if let Some((field, plen)) = field_of(line) {
            let mut content_start = t.start + plen;
            while content_start < t.end && text.as_bytes()[content_start].is_ascii_whitespace() {
                content_start += 1;
            }
            let mut end = t.end;
            let mut j = i + 1;
            // a label alone on its line, its content a paragraph below it
            // ("SUBJECT:" / blank / "Mitigate …", as pdftotext lays out a
            // directive's header block): the content starts at that paragraph
            if content_start >= t.end {
                if let Some(k) = label_content_line(text, &all, i) {
                    let u = trimmed(text, all[k]);
                    content_start = u.start;
                    end = u.end;
                    j = k + 1;
                }
            }
            let mut blank_run = 0;
            let mut continued = false;
            while j < all.len() {
                let u = trimmed(text, all[j]);
                let l = &text[u.start..u.end];
                if l.is_empty() {
                    blank_run += 1;
                    continued = field == Field::Subject
                        && blank_run == 1
                        && subject_continues(
                            text,
                            &all,
                            j + 1,
                            Span::new(content_start, end),
                            st.title,
                        );
                    if !continued
                        && (blank_run > 1 || field == Field::Subject || field == Field::Date)
                    {
                        break;
                    }
                    j += 1;
                    continue;
                }
                // (after a blank line, a line of prose opens the body: "This
                // memorandum reaffirms and supplements the principles …")
                let prose = is_prose_line(l);
                // ("1. In support of Open Data efforts, this memorandum …": a
                // numbered paragraph of prose opens the body)
                let numbered = l.split_once(". ").is_some_and(|(n, _)| {
                    !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit())
                });
                if field_of(l).is_some()
                    || (numbered && prose)
                    || l.len() > 100
                    || (field != Field::From && field != Field::To && blank_run > 0 && !continued)
                    || (blank_run > 0 && prose)
                {
                    break;
                }
                continued = false;
                blank_run = 0;
                end = u.end;
                j += 1;
            }
            while content_start < end && text.as_bytes()[content_start].is_ascii_whitespace() {
                content_start += 1;
            }
            // "subj: Open Data … (VAIQ 7423360) To: Under Secretaries": a label
            // run into the line (a layout's columns joined) ends the field there,
            // and starts its own
            let mut inline = None;
            if content_start < end {
                let content = &text[content_start..end];
                for label in [" To: ", " TO: ", " From: ", " FROM: "] {
                    if let Some(k) = content.find(label).filter(|&k| k > 0) {
                        let at = content_start + k + 1;
                        if inline.is_none_or(|(a, _)| at < a) {
                            inline = Some((at, label));
                        }
                    }
                }
            }
            if let Some((at, _)) = inline {
                end = text[..at].trim_end().len().max(content_start);
            }
            if content_start < end {
                st.fields.push((field, Span::new(content_start, end)));
                st.is_memo |= field != Field::Copy;
            }
            if let Some((at, label)) = inline {
                let f = if label.trim().eq_ignore_ascii_case("to:") {
                    Field::To
                } else {
                    Field::From
                };
                let from = at + label.len() - 1;
                let to = text[from..].find('\n').map_or(text.len(), |k| from + k);
                let body = text[from..to].trim();
                if !body.is_empty() {
                    let b = from + (text[from..to].len() - text[from..to].trim_start().len());
                    st.fields.push((f, Span::new(b, b + body.len())));
                }
            }
            i = j;
            continue;
        }
        i += 1;
    }
    // a Federal Register notice: the title is the paragraph right above "AGENCY:"
    if let Some(agency_line) = (0..all.len().min(60)).find(|&i| {
        text[all[i].start..all[i].end]
            .trim_start()
            .starts_with("AGENCY:")
    }) {
        let above = (0..agency_line)
            .rev()
            .find(|&j| !text[all[j].start..all[j].end].trim().is_empty());
        if let Some(j) = above {
            let u = trimmed(text, all[j]);
            let l = &text[u.start..u.end];
            if field_of(l).is_none() && !l.starts_with('[') && l.len() <= 400 {
                st.title = Some(u);
                st.subtitle = None;
            }
        }
    }
    for &(field, span) in &st.fields {
        if field == Field::From {
            // (the first line of the field only)
            let first = text[span.start..span.end].lines().next().unwrap_or("");
            if let Some(name) = inverted_name(first) {
                let line = Span::new(span.start, span.start + first.trim_end().len());
                st.inverted_names.push((line, name));
            }
        }
    }
    st.address_blocks = address_blocks(text, &all);
    st.letters = letters(text, &all);
    // a title line "Memorandum for Federal Prosecutors …" above the real
    // "MEMORANDUM FOR" field is the document's title, not its addressees (its
    // "content" would run on into the letterhead)
    let to_fields: Vec<usize> = (0..st.fields.len())
        .filter(|&i| st.fields[i].0 == Field::To)
        .collect();
    if let [first, second, ..] = to_fields[..] {
        let first_line = text[..st.fields[first].1.start]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let before = &text[..first_line];
        let is_top = before
            .lines()
            .filter(|l| !l.trim().is_empty())
            .all(|l| l.trim().starts_with("date "));
        if is_top && second > first {
            let (_, content) = st.fields.remove(first);
            let line_end = text[content.start..]
                .find('\n')
                .map_or(text.len(), |i| content.start + i);
            let title_end = text[first_line..line_end].trim_end().len() + first_line;
            if st.title.is_none() {
                st.title = Some(Span::new(first_line, title_end));
            }
        }
    }
    // signature: an ALL-CAPS line of 2-6 words among the last 8 non-empty lines
    let tail: Vec<Span> = all
        .iter()
        .rev()
        .map(|s| trimmed(text, *s))
        .filter(|s| s.start < s.end)
        .take(8)
        .collect();
    // (below the header fields)
    let header_end = st.fields.iter().map(|(_, f)| f.end).max().unwrap_or(0);
    for s in tail.iter().rev().filter(|s| s.start >= header_end) {
        let l = &text[s.start..s.end];
        let words = l.split_whitespace().count();
        let letters: Vec<char> = l.chars().filter(|c| c.is_alphabetic()).collect();
        if (2..=6).contains(&words)
            && letters.len() >= 6
            && letters.iter().all(|c| c.is_uppercase())
            && !l.contains("WHITE HOUSE")
            && !l.starts_with("BILLING CODE")
            && !l.ends_with(':')
        {
            let end = tail.first().map_or(s.end, |last| last.end);
            st.signature = Some(Span::new(s.start, end));
            break;
        }
    }
    // a Federal Register signature: "Dated: April 6, 2016." / "NAME," / "Title, Office."
    if let Some(d) = tail
        .iter()
        .position(|s| text[s.start..s.end].starts_with("Dated:"))
    {
        if d >= 2 {
            let (name, title) = (tail[d - 1], tail[d - 2]);
            let n = &text[name.start..name.end];
            if n.ends_with(',') && is_name_line(n.trim_end_matches(',')) {
                st.signature = Some(Span::new(tail[d].start, title.end));
            }
        }
    }
    // or a Title-Case signature: a name line, then a job title line ("L. Francis
    // Cissna" / "Director"), among the last 6 non-empty lines
    if st.signature.is_none() {
        let last6: Vec<Span> = tail
            .iter()
            .take(6)
            .rev()
            .filter(|s| s.start >= header_end)
            .copied()
            .collect();
        for pair in last6.windows(2) {
            let (name, title) = (
                &text[pair[0].start..pair[0].end],
                &text[pair[1].start..pair[1].end],
            );
            // (an addressee's "The Honorable NAME" / "Chairman" is no signature)
            if is_name_line(name)
                && is_title_line(title)
                && !name.starts_with("The ")
                && !name.starts_with("Honorable ")
            {
                let end = tail.first().map_or(pair[1].end, |last| last.end);
                st.signature = Some(Span::new(pair[0].start, end));
                break;
            }
        }
    }
    // notes section
    for s in &all {
        let l = text[s.start..s.end].trim();
        if matches!(
            l,
            "Notes" | "NOTES" | "Footnotes" | "FOOTNOTES" | "Endnotes" | "ENDNOTES" | "References"
        ) {
            st.notes_start = Some(s.start);
        }
    }
    st
}

/// The last line of an ALL-CAPS heading that starts at line `i` and wraps
/// over up to four lines before a blank line ("AMENDMENT TO COASTAL
/// TIDE RULES AND UPDATED FEES AS APPLIED TO" / "SMALL HARBORS IN …"),
/// or `i` itself.
fn caps_heading_end(text: &str, all: &[Span], i: usize) -> usize {
    let caps = |j: usize| {
        all.get(j).is_some_and(|s| {
            let l = text[s.start..s.end].trim();
            l.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !l.chars().any(char::is_lowercase)
                && field_of(l).is_none()
                && !l.ends_with([':', '.', ','])
        })
    };
    if !caps(i) {
        return i;
    }
    let mut j = i;
    while j < i + 3 && caps(j + 1) {
        j += 1;
    }
    if j > i && stands_alone(text, all, j) {
        j
    } else {
        i
    }
}

/// The enacting formula of an order or proclamation in its opening ("By the
/// authority vested in me …", "it is hereby ordered", "do hereby proclaim").
pub fn has_order_formula(text: &str) -> bool {
    let head = text[..super::text::floor_boundary(text, 4000)].to_lowercase();
    let head = head.split_whitespace().collect::<Vec<_>>().join(" ");
    [
        "by the authority vested in me",
        "by virtue of the authority vested in me",
        "it is hereby ordered",
        "i hereby determine and order",
        "do hereby proclaim",
        "do hereby declare and order",
        "do hereby order",
        "hereby order as follows",
    ]
    .iter()
    .any(|f| head.contains(f))
}

/// "Bishop, Laura M." → "Laura M. Bishop": a name written surname first.
fn inverted_name(field: &str) -> Option<String> {
    let field = field.trim();
    let (last, first) = field.split_once(", ")?;
    let cap = |w: &str| {
        w.starts_with(|c: char| c.is_uppercase())
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
    };
    let first_words: Vec<&str> = first.split_whitespace().collect();
    let ok = !last.contains(' ')
        && cap(last)
        && last.chars().any(char::is_lowercase)
        && (1..=3).contains(&first_words.len())
        && first_words.iter().all(|w| cap(w))
        && first_words[0].chars().filter(|c| c.is_alphabetic()).count() > 1;
    ok.then(|| format!("{first} {last}"))
}

/// Whether a line is only a full date ("March 5, 2007").
fn is_full_date_line(l: &str) -> bool {
    let w: Vec<&str> = l.split_whitespace().collect();
    matches!(w.as_slice(), [m, d, y]
        if MONTH_NAMES.contains(m)
            && d.ends_with(',')
            && d.trim_end_matches(',').parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
            && y.len() == 4
            && y.parse::<u16>().is_ok())
}

/// Words that open a letter's closing line.
static CLOSINGS: Words = Words::new("closings");

/// Letters written out in a document: a "Dear …:" line with a full date line
/// at most fifteen lines above it, and the closing line after it.
fn letters(text: &str, all: &[Span]) -> Vec<Letter> {
    let line = |j: usize| text[all[j].start..all[j].end].trim();
    let mut out = Vec::new();
    for j in 0..all.len() {
        let l = line(j);
        if !(l.starts_with("Dear ") && l.len() < 80 && l.ends_with([':', ','])) {
            continue;
        }
        let Some(d) = (j.saturating_sub(15)..j)
            .rev()
            .take_while(|&k| !line(k).starts_with("Dear "))
            .find(|&k| is_full_date_line(line(k)))
        else {
            continue;
        };
        let is_closing =
            |k: usize| CLOSINGS.iter().any(|c| line(k).starts_with(c)) && line(k).len() < 30;
        let mut closing = (j + 1..all.len())
            .take_while(|&k| !line(k).starts_with("Dear "))
            .find(|&k| is_closing(k));
        // "Best regards." then "Sincerely yours,": the last of them
        while let Some(k) = closing {
            match (k + 1..all.len()).find(|&x| !line(x).is_empty()) {
                Some(x) if is_closing(x) => closing = Some(x),
                _ => break,
            }
        }
        let closing = closing.map(|k| trimmed(text, all[k]));
        out.push(Letter {
            date: trimmed(text, all[d]),
            salutation: trimmed(text, all[j]),
            closing,
        });
    }
    out
}

/// Whether a line names a body an address block ends with ("Committee on
/// Appropriations", "United States Senate", "House of Representatives").
fn is_body_line(l: &str) -> bool {
    let first = l.split_whitespace().next().unwrap_or("");
    matches!(
        first,
        "Committee" | "Subcommittee" | "Select" | "Special" | "Permanent" | "Joint"
    ) && l.contains(" on ")
        || is_chamber_line(l)
}

/// Whether a line names a chamber of Congress, the last line of an address block.
fn is_chamber_line(l: &str) -> bool {
    matches!(
        l,
        "United States Senate"
            | "U.S. Senate"
            | "House of Representatives"
            | "U.S. House of Representatives"
            | "United States House of Representatives"
    )
}

/// Address blocks: runs of "The Honorable NAME" lines, each followed by its
/// title lines, then the body lines they share (GAO reports, letters to
/// Congress). Blank lines may separate the people of one block.
fn address_blocks(text: &str, all: &[Span]) -> Vec<AddressBlock> {
    let line = |j: usize| text[all[j].start..all[j].end].trim();
    fn honorable(l: &str) -> Option<&str> {
        l.strip_prefix("The Honorable ")
            .or_else(|| l.strip_prefix("Honorable "))
            .filter(|n| is_name_line(without_suffix(n.trim_end_matches(','))))
    }
    let mut out = Vec::new();
    let mut j = 0;
    while j < all.len() {
        if honorable(line(j)).is_none() {
            j += 1;
            continue;
        }
        let mut block = AddressBlock::default();
        while j < all.len() {
            let l = line(j);
            if let Some(name) = honorable(l) {
                let lead = all[j].start
                    + (text[all[j].start..all[j].end].len()
                        - text[all[j].start..all[j].end].trim_start().len());
                let start = lead + (l.len() - name.len());
                let name = name.trim_end_matches(',');
                block
                    .people
                    .push((Span::new(start, start + name.len()), Vec::new()));
                j += 1;
                continue;
            }
            if l.is_empty() {
                // a blank line goes on only to another person, or (the PDF's layout setting
                // lines apart: "The Honorable NAME" / blank / "Chairman" / blank / "The
                // Honorable …") to a person's first title line that another person or a body
                // line follows, or to the first body line
                let next_full = |from: usize| (from..all.len()).find(|&k| !line(k).is_empty());
                let untitled = block.people.last().is_some_and(|(_, t)| t.is_empty());
                let goes_on = |k: usize| match block.bodies.last() {
                    None => {
                        honorable(line(k)).is_some()
                            || untitled
                                && is_short_title_line(line(k))
                                && next_full(k + 1).is_some_and(|x| {
                                    honorable(line(x)).is_some() || is_body_line(line(x))
                                })
                            || is_body_line(line(k))
                    }
                    // "Committee on Science" / blank / "House of Representatives": the chamber
                    Some(b) => {
                        !is_chamber_line(text[b.start..b.end].trim()) && is_chamber_line(line(k))
                    }
                };
                match next_full(j + 1) {
                    Some(k) if goes_on(k) => {
                        j = k;
                        continue;
                    }
                    _ => break,
                }
            }
            if l.len() > 90
                || l.ends_with(['.', ':', ';'])
                || l.contains(|c: char| c.is_ascii_digit())
            {
                break;
            }
            let mut span = trimmed(text, all[j]);
            if is_body_line(l) {
                // a body's name wrapped onto the next line ("Subcommittee on Labor, Health and
                // Human Services, Education, and" / "Related Agencies")
                if let Some(n) = all.get(j + 1).map(|&n| trimmed(text, n)) {
                    let after = all.get(j + 2).map(|&a| text[a.start..a.end].trim());
                    if body_line_goes_on(l, &text[n.start..n.end], after) {
                        span.end = n.end;
                        j += 1;
                    }
                }
                block.bodies.push(span);
            } else if block.bodies.is_empty() {
                match block.people.last_mut() {
                    Some((_, titles)) if titles.len() < 3 => titles.push(span),
                    _ => break,
                }
            } else {
                break;
            }
            j += 1;
        }
        if !block.people.is_empty() {
            out.push(block);
        }
    }
    out
}

/// A title line of an address block standing alone: one to four capitalised
/// words, no body's name ("Chairman", "Ranking Member", "Vice Chair").
fn is_short_title_line(l: &str) -> bool {
    let words: Vec<&str> = l.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && !is_body_line(l)
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
        })
}

/// Whether `next` goes on with the body's name on line `l` of an address
/// block: a short line of capitalised words (and the small words of a name)
/// that is no body line itself, after a line that ends open ("…, and",
/// "… and Related", "…,") or before another body line.
fn body_line_goes_on(l: &str, next: &str, after: Option<&str>) -> bool {
    use crate::extract::words::OPEN_LINE_ENDS as OPEN_ENDS;
    let words: Vec<&str> = next.split_whitespace().collect();
    let last = l.split_whitespace().last().unwrap_or("");
    let chamber = !(l.starts_with("Committee")
        || l.starts_with("Subcommittee")
        || l.contains(" Committee on ")
        || l.contains(" Subcommittee on "));
    let open = l.ends_with(',') || last == "Related" || OPEN_ENDS.contains(last);
    !chamber
        && (1..=8).contains(&words.len())
        && !is_body_line(next)
        && !next.starts_with("The Honorable ")
        && !next.ends_with(['.', ':', ';'])
        && words.iter().all(|w| {
            (w.starts_with(|c: char| c.is_uppercase()) || OPEN_ENDS.contains(w))
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, ',' | '-' | '\'' | '\u{2019}'))
        })
        && (open || after.is_some_and(is_body_line))
}

/// Whether line `j` stands alone: the last line, or one before a blank line.
fn stands_alone(text: &str, all: &[Span], j: usize) -> bool {
    all.get(j + 1)
        .is_none_or(|n| text[n.start..n.end].trim().is_empty())
}

/// A line of at most three words with a digit: a date ("January 21, 2025").
fn is_date_line(line: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let words: Vec<&str> = line.trim_end_matches('.').split_whitespace().collect();
    words.len() <= 3
        && line.chars().any(|c| c.is_ascii_digit())
        // a month's name ("May 9, 2013", "Sept. 2020") or only figures ("2013-05-09"),
        // not a holiday's title with its year ("Mother's Day, 2025")
        && words.iter().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            !w.chars().any(char::is_alphabetic)
                || w.len() >= 3 && MONTHS.iter().any(|m| m.starts_with(w.as_str()))
        })
}

/// The line that holds the content of a header label standing alone on line
/// `i` ("FROM:", "SUBJECT:"): the first line after one or two blank lines,
/// when it is no label itself, no prose and no page furniture. None when the
/// line right below the label is not blank (the field's own loop reads it).
fn label_content_line(text: &str, all: &[Span], i: usize) -> Option<usize> {
    let blank = |k: usize| text[all[k].start..all[k].end].trim().is_empty();
    let mut k = i + 1;
    while k < all.len() && k <= i + 2 && blank(k) {
        k += 1;
    }
    if k == i + 1 || k >= all.len() || blank(k) {
        return None;
    }
    let u = trimmed(text, all[k]);
    let line = &text[u.start..u.end];
    (field_of(line).is_none()
        && !is_prose_line(line)
        && line.len() <= 160
        && line.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && line.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .then_some(k)
}

/// Whether a line reads as prose, not a heading or a field's value: six words
/// or more, at least half of them in lower case.
fn is_prose_line(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let lower_words = line
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_lowercase))
        .count();
    words >= 6 && lower_words * 2 >= words
}

/// Whether line `j`, after one blank line, goes on with the subject so far
/// (`SUBJECT: Review of Proposed United States Steel` / blank / `Corporation
/// Acquisition`, as wrapped text with doubled line breaks comes): a short
/// line standing alone, and either the subject so far ends with a word that
/// cannot end it ("… of the Council on") or the document's title holds both
/// parts in a row.
fn subject_continues(
    text: &str,
    all: &[Span],
    j: usize,
    so_far: Span,
    title: Option<Span>,
) -> bool {
    let Some(&next) = all.get(j) else {
        return false;
    };
    let u = trimmed(text, next);
    let line = &text[u.start..u.end];
    if !stands_alone(text, all, j)
        || line.is_empty()
        || line.len() > 100
        || line.ends_with(['.', ':', ';'])
        || field_of(line).is_some()
    {
        return false;
    }
    let words = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let subject = words(&text[so_far.start..so_far.end]);
    let dangling = subject
        .rsplit(' ')
        .next()
        .is_some_and(|w| DANGLING_WORDS.contains(w));
    dangling
        || title.is_some_and(|t| {
            words(&text[t.start..t.end]).contains(&format!("{subject} {}", words(line)))
        })
}

fn has_memo_number(line: &str) -> bool {
    let b = line.as_bytes();
    b.windows(8).any(|w| {
        w[0] == b'M'
            && w[1] == b'-'
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
            && w[4] == b'-'
            && w[5].is_ascii_digit()
            && w[6].is_ascii_digit()
    })
}

/// A line that is only a person's name: 2-5 words, each capitalized or an
/// initial, letters and `.-'` only ("L. Francis Cissna", "Jeh Charles Johnson").
/// A name without its generational suffix: "Frank Roe" for "Frank Roe, Jr.",
/// "Frank Roe Jr", "Frank Roe III".
fn without_suffix(name: &str) -> &str {
    for suffix in [
        ", Jr.", " Jr.", ", Jr", " Jr", ", Sr.", " Sr.", " III", " II", " IV",
    ] {
        if let Some(core) = name.strip_suffix(suffix) {
            return core;
        }
    }
    name
}

fn is_name_line(line: &str) -> bool {
    // (a nickname in quotes is a word of the name: "Robert C. “Bobby” Scott")
    let unquote = |w: &str| -> String {
        w.strip_prefix('\u{201c}')
            .and_then(|w| w.strip_suffix('\u{201d}'))
            .or_else(|| w.strip_prefix('"').and_then(|w| w.strip_suffix('"')))
            .filter(|w| !w.is_empty())
            .unwrap_or(w)
            .to_string()
    };
    let words: Vec<String> = line.split_whitespace().map(unquote).collect();
    (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
                && !super::mentions::is_title_word(w)
        })
        && !words.iter().all(|w| w.chars().all(|c| !c.is_lowercase()))
}

/// A line that is only a job title: at most 8 words, with a title head and
/// no sentence punctuation ("Director", "Acting Secretary", "Deputy Administrator, OIRA").
fn is_title_line(line: &str) -> bool {
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 8
        && !line.ends_with('.')
        && !line.contains(':')
        && words[0].starts_with(|c: char| c.is_uppercase())
        && words
            .iter()
            .any(|w| super::mentions::TITLE_HEADS.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_lines() {
        // (case, line, whether it is only a date)
        let cases: &[(&str, &str, bool)] = &[
            ("a month, day and year", "May 9, 2013", true),
            ("an abbreviated month", "Sept. 30, 2020", true),
            ("figures only", "2013-05-09", true),
            (
                "a holiday's title with its year",
                "Mother’s Day, 2025",
                false,
            ),
            ("an order's number", "Executive Order 14412", false),
        ];
        for (case, line, want) in cases {
            assert_eq!(is_date_line(line), *want, "{case}");
        }
    }

    #[test]
    fn subject_lines_wrapped_with_blank_lines() {
        // (case, text, the subject found)
        let cases: &[(&str, &str, &str)] = &[
            (
                "a dangling last word goes on",
                "date 2025-01-03\nMemorandum on Designations\n\nSUBJECT:   Designation of Officials of the Council on\n\n           Environmental Quality to Act as Chairman\n\nBy the authority vested in me as President by the Constitution and the\nlaws of the United States of America, it is hereby ordered:\n",
                "Designation of Officials of the Council on\n\n           Environmental Quality to Act as Chairman",
            ),
            (
                "the title holds both parts",
                "date 2025-04-07\nReview of Proposed United States Steel Corporation Acquisition\n\nSUBJECT:   Review of Proposed United States Steel\n\nCorporation Acquisition\n\nOn January 3, 2025, an order was issued that prohibited the\nacquisition.\n",
                "Review of Proposed United States Steel\n\nCorporation Acquisition",
            ),
            (
                "a heading after a complete subject does not",
                "date 2025-04-07\nA memo\n\nSUBJECT: Open Data Policy\n\nBackground\n\nInformation is a valuable national resource and a strategic asset to\nthe Federal Government.\n",
                "Open Data Policy",
            ),
        ];
        for (name, text, want) in cases {
            let got = field_texts(text, Field::Subject);
            assert_eq!(got.first(), Some(want), "{name}");
        }
    }

    /// The contents of a text's header fields of one kind, in order.
    fn field_texts(text: &str, field: Field) -> Vec<&str> {
        analyze(text)
            .fields
            .iter()
            .filter(|(f, _)| *f == field)
            .map(|(_, s)| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn titles_with_abbreviations() {
        // (name, text, the title line)
        let cases = [
            (
                "an abbreviation inside a report's title",
                "date 2026-03-18\nQuantum Computing: Updating the Strategy Could Promote U.S. Leadership\n\nReport: GAO-26-100001 | Published: 2026-03-18\n\nText of the report follows here.\n",
                Some("Quantum Computing: Updating the Strategy Could Promote U.S. Leadership"),
            ),
            (
                "an addressee's line is no title",
                "The Honorable Lonnie G. Roe III\n\nSecretary, Smithsonian Institution\n\nSubject: A Review\n\nDear Secretary Roe,\n",
                None,
            ),
            (
                "two sentences are no title",
                "date 2026-03-18\nThe agency met today. The board voted on the plan\n\nMore text.\n",
                None,
            ),
        ];
        for (name, text, want) in cases {
            let st = analyze(text);
            assert_eq!(st.title.map(|t| &text[t.start..t.end]), want, "{name}");
        }
    }

    #[test]
    fn field_labels_as_scans_and_layouts_write_them() {
        // (name, text, field, its contents)
        let cases = [
            (
                "a space before the colon",
                "Memorandum\n\nDate : FEB 26 2014\n\nFrom : Acting Assistant Secretary\n",
                Field::From,
                vec!["Acting Assistant Secretary"],
            ),
            (
                "an abbreviated subject label",
                "Memorandum\n\nsubj: Open Data Collection\n",
                Field::Subject,
                vec!["Open Data Collection"],
            ),
            (
                "a label run into the subject's line ends the subject",
                "Memorandum\n\nSubj: Open Data Collection (VAIQ 1) To: Under Secretaries\n",
                Field::Subject,
                vec!["Open Data Collection (VAIQ 1)"],
            ),
            (
                "… and starts its own field",
                "Memorandum\n\nSubj: Open Data Collection (VAIQ 1) To: Under Secretaries\n",
                Field::To,
                vec!["Under Secretaries"],
            ),
            (
                "memorandum to",
                "Agency\n\nMEMORANDUM TO: All Employees\n",
                Field::To,
                vec!["All Employees"],
            ),
        ];
        for (name, text, field, want) in cases {
            assert_eq!(field_texts(text, field), want, "{name}");
        }
    }

    #[test]
    fn fields_and_orders_in_running_text() {
        // a sentence's line ending "to:" opens no field, and its list stays out of the header
        let text = "MEMORANDUM FOR THE HEADS OF EXECUTIVE DEPARTMENTS AND AGENCIES\n\nThis memorandum sets out the principles that every agency shall apply to its work.\n\nSec. 2.  (a)  The Secretary shall take appropriate action\nto:\n\n(i)   seek the reversal of the rules; and\n";
        assert_eq!(
            field_texts(text, Field::To),
            vec!["THE HEADS OF EXECUTIVE DEPARTMENTS AND AGENCIES"]
        );
        // an order whose text opens with its formula (its title given with the document)
        let order = "By the authority vested in me as President by the Constitution and the\nlaws of the United States of America, it is hereby ordered:\n\nSection 1.  Purpose.  Text of the order.\n";
        assert!(analyze(order).is_memo);
        assert!(!analyze("Notes on the week\n\nThe agency met twice.\n").is_memo);
    }

    #[test]
    fn labels_alone_on_their_line() {
        // (name, text, field, its contents): pdftotext lays a directive's
        // header out as "LABEL:" / blank / content
        let directive = "Emergency Directive 99-01\nOriginal Release Date: March 2, 2021\n\nFROM:\n\nJane Q. Doe\nDirector, Office of Examples\n\nCC:\n\nJohn Roe\nDirector, Office of Budget\n\nSUBJECT:\n\nMitigate the Example Vulnerability from February\n2021 Updates\n\nThe agencies shall patch their systems within ten days of this directive.\n";
        let memo = "March 1, 2018\nM-99-01\nMEMORANDUM FOR THE HEADS OF EXECUTIVE DEPARTMENTS AND AGENCIES\nFROM:\n\nJane Q. Doe\nDirector\n\nSUBJECT:\n\nImplementation of the Example Act\n\nThe Example Act is a key component of this Administration's efforts.\n";
        let to_then_body = "Memo\n\nTo:\n\nUnder Secretaries and Other Key Officials\n1. In support of these efforts, this memorandum provides guidance regarding the data.\n";
        let cases: [(&str, &str, Field, &[&str]); 7] = [
            (
                "sender",
                directive,
                Field::From,
                &["Jane Q. Doe\nDirector, Office of Examples"],
            ),
            (
                "copy",
                directive,
                Field::Copy,
                &["John Roe\nDirector, Office of Budget"],
            ),
            (
                "subject over two lines",
                directive,
                Field::Subject,
                &["Mitigate the Example Vulnerability from February\n2021 Updates"],
            ),
            (
                "original release date",
                directive,
                Field::Date,
                &["March 2, 2021"],
            ),
            ("memo sender", memo, Field::From, &["Jane Q. Doe\nDirector"]),
            (
                "memo subject",
                memo,
                Field::Subject,
                &["Implementation of the Example Act"],
            ),
            (
                "a numbered paragraph ends the field",
                to_then_body,
                Field::To,
                &["Under Secretaries and Other Key Officials"],
            ),
        ];
        for (name, text, field, want) in cases {
            assert_eq!(field_texts(text, field), want.to_vec(), "{name}");
        }
        // a label right above another label has no content
        assert!(field_texts("Memo\n\nFROM:\n\nSUBJECT: Things\n", Field::From).is_empty());
        assert!(analyze(directive).is_memo);
    }

    #[test]
    fn copy_fields_end_the_sender() {
        // (name, text, the FROM field's content)
        let cases = [
            (
                "cc on its own line",
                "Directive 1\n\nFROM: Jane Doe\nSecretary\n\nCC: John Roe\nDirector, Office of Budget\n\nSUBJECT: Things\n",
                "Jane Doe\nSecretary",
            ),
            (
                "lower-case cc",
                "Memo\n\nFrom: Jane Doe, Director\ncc: John Roe\nSubject: Things\n",
                "Jane Doe, Director",
            ),
            (
                "copy to",
                "Memo\n\nFROM: Jane Doe\nCopy to: John Roe\n",
                "Jane Doe",
            ),
        ];
        for (name, text, want) in cases {
            assert_eq!(field_texts(text, Field::From), vec![want], "{name}");
            assert!(
                !field_texts(text, Field::Copy).is_empty(),
                "{name}: the copy field"
            );
        }
    }

    #[test]
    fn structures() {
        let memo = "date 2013-05-09\nM-13-13 — Memorandum for the Heads of Agencies\n\nFrom:\n\nJane Doe\nDirector\n\nJohn Roe\nCounsel\n\nSubject: Open Data Policy\n\nBody text that is long enough to be a paragraph of the memo itself and so on.\n";
        let st = analyze(memo);
        assert!(st.is_memo, "memo header");
        assert_eq!(
            st.title.map(|s| &memo[s.start..s.end]),
            Some("M-13-13 — Memorandum for the Heads of Agencies")
        );
        let fields: Vec<(Field, &str)> = st
            .fields
            .iter()
            .map(|(f, s)| (*f, &memo[s.start..s.end]))
            .collect();
        assert_eq!(
            fields,
            vec![
                (Field::From, "Jane Doe\nDirector\n\nJohn Roe\nCounsel"),
                (Field::Subject, "Open Data Policy")
            ]
        );

        let eo = "date 2021-01-20\nExecutive Order on Things\n\nBy the authority vested in me.\n\nJOSEPH R. BIDEN JR.\n\nTHE WHITE HOUSE,\nJanuary 20, 2021.";
        let st = analyze(eo);
        assert!(st.is_memo, "executive order title");
        assert_eq!(
            st.signature.map(|s| &eo[s.start..s.start + 19]),
            Some("JOSEPH R. BIDEN JR.")
        );

        // a release's headline about an order, or a statement on one, is no memo's title
        for release in [
            "date 2021-07-09\nFACT SHEET: President Roe Signs Executive Order on Tides\n\nToday, the President signed an order on tides.\n",
            "date 2021-07-09\nStatement by President Roe on the Executive Order on Tides\n\nToday I signed an order on tides.\n",
        ] {
            let st = analyze(release);
            assert!(!st.is_memo, "{release}");
        }
        // "Memorandum for the Secretary of X on Y" as the first line: the memo's title
        let pm = "date 2021-07-23\nMemorandum for the Secretary of State on the Delegation of Tide Authority\n\nBy the authority vested in me as President, I hereby delegate the functions.\n";
        let st = analyze(pm);
        assert!(st.is_memo, "a memorandum's title naming its addressee");
        assert!(st.fields.is_empty(), "no addressee field: {:?}", st.fields);
        let header = "date 2021-07-23\nMEMORANDUM FOR THE HEADS OF EXECUTIVE DEPARTMENTS AND AGENCIES\n\nSUBJECT: Tides\n\nText.\n";
        assert_eq!(analyze(header).fields.first().map(|f| f.0), Some(Field::To));
        let letter = "date 2021-07-09\nLetter to the Speaker of the House of Representatives on Tides\n\nDear Madam Speaker:\n\nI write on tides.\n";
        assert!(analyze(letter).is_memo, "a letter's title line");
        let long = format!(
            "date 2023-02-03\nLetters to the Speaker of the House of Representatives and the President of the Senate on the Continuation of the National Emergency with Respect to {}\n\nDear Mr. Speaker:\n\nI write on tides.\n",
            "the Widespread Tides and the Potential for a Deepening Flood in the Lowlands of the Coast and the Rivers of the Plain"
        );
        let st = analyze(&long);
        assert!(
            st.is_memo && st.title.is_some(),
            "a letter's title line of over 240 characters"
        );
        let fact_sheet = "date 2021-07-09\nFACT SHEET: Executive Order on Tides\n\nToday, the President signed an order on tides.\n";
        assert!(
            analyze(fact_sheet).is_memo,
            "a fact sheet named after its order"
        );

        let news =
            " date 2011-11-18 On Thursday, The New York Times broke the news that things happened.";
        let st = analyze(news);
        assert!(
            !st.is_memo && st.title.is_none(),
            "news article without a title line"
        );
    }

    #[test]
    fn title_case_signatures() {
        // (case, last lines of a memo, the signature's first line)
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "name then title",
                "Body text of the memo.\n\nL. Francis Cissna\nDirector\n",
                Some("L. Francis Cissna"),
            ),
            (
                "name then a title with its office",
                "Body text.\n\nJane Q. Doe\nDeputy Administrator, Office of Policy\n",
                Some("Jane Q. Doe"),
            ),
            (
                "a closing sentence is not a signature",
                "Body text.\n\nThank you for your attention.\nPlease contact the Director.\n",
                None,
            ),
            (
                "a byline without a title line",
                "Body text.\n\nKathryn Watson contributed reporting.\n",
                None,
            ),
        ];
        for (name, tail, want) in cases {
            let text = format!("date 2018-06-28\nPolicy Memorandum\n\nSUBJECT: Things\n\n{tail}");
            let st = analyze(&text);
            let got = st
                .signature
                .map(|s| text[s.start..s.end].lines().next().unwrap_or(""));
            assert_eq!(got, *want, "{name}");
        }
    }
}
