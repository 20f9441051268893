//! Stage 1: tokens and sentences, with byte spans into the document text.
//!
//! Sentence splitting survives abbreviations (U.S., Sec., No., Jr., E.O.,
//! Pub. L., Inc.), initials, footnote markers, headings, numbered lists and
//! hard-wrapped lines.

use crate::extract::words::{Words, OPEN_LINE_ENDS};
use crate::model::Span;

/// The kind of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (and digits, hyphens, apostrophes, inner dots) starting with a letter.
    Word,
    /// Starting with a digit (`2003`, `21st`, `13-13`).
    Number,
    /// A possessive `'s` split off its word.
    Possessive,
    /// Any other single character.
    Punct,
}

/// A token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokKind,
}

/// Words that open a sentence after a firm's abbreviated suffix ("Inc. She …").
static SENTENCE_OPENERS: Words = Words::new("sentence_openers");
static OPEN_NAME_WORDS: Words = Words::new("open_name_words");

/// Abbreviations whose trailing period does not end a sentence.
static ABBREVIATIONS: Words = Words::new("abbreviations");

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The largest character boundary of `text` at or before byte `at` (for a
/// window over a text's head that must not cut a character).
pub fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        if !is_word_char(c) {
            out.push(Token {
                span: Span::new(i, i + c.len_utf8()),
                kind: TokKind::Punct,
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if is_word_char(d) {
                end = j + d.len_utf8();
                iter.next();
                continue;
            }
            // inner joiners: - ‐ ‑ ' ’ . & / followed by a word char
            if matches!(
                d,
                '-' | '\u{2010}' | '\u{2011}' | '\'' | '\u{2018}' | '\u{2019}' | '.' | '&' | '/'
            ) {
                let next = text[j + d.len_utf8()..].chars().next();
                if next.is_some_and(is_word_char) {
                    // possessive 's at the end of a word: split it off
                    if matches!(d, '\'' | '\u{2019}') {
                        let rest = &text[j + d.len_utf8()..];
                        if (rest.starts_with('s') || rest.starts_with('S'))
                            && !rest[1..].chars().next().is_some_and(is_word_char)
                        {
                            break;
                        }
                    }
                    if d == '/' && !text[i..j].chars().all(|c| c.is_uppercase()) {
                        break;
                    }
                    // "Intelligence.On …": a sentence's end without its space (not
                    // "Data.gov", "U.S", "M.Phil")
                    if d == '.'
                        && next.is_some_and(char::is_uppercase)
                        && text[i..j].chars().count() > 3
                        && text[i..j].chars().skip(1).all(char::is_lowercase)
                    {
                        break;
                    }
                    iter.next();
                    continue;
                }
                // a final dot of dotted initials: U.S. E.O.
                if d == '.'
                    && text[i..j].contains('.')
                    && text[i..j]
                        .split('.')
                        .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
                {
                    end = j + 1;
                    iter.next();
                }
            }
            break;
        }
        // a single capital letter with a period is an initial: "M."
        if end == i + c.len_utf8() && c.is_uppercase() && text[end..].starts_with('.') {
            end += 1;
            while iter.peek().is_some_and(|&(j, _)| j < end) {
                iter.next();
            }
        }
        // "St. Francis College", "Mt. Vernon": a place's abbreviated first word
        // keeps its dot before a capitalized word
        if matches!(&text[i..end], "St" | "Ste" | "Mt" | "Ft")
            && text[end..].starts_with(". ")
            && text[end + 2..].starts_with(char::is_uppercase)
        {
            end += 1;
            while iter.peek().is_some_and(|&(j, _)| j < end) {
                iter.next();
            }
        }
        let kind = if c.is_ascii_digit() {
            TokKind::Number
        } else {
            TokKind::Word
        };
        out.push(Token {
            span: Span::new(i, end),
            kind,
        });
        // possessive
        if end < bytes.len() {
            let rest = &text[end..];
            for apo in ["'s", "\u{2019}s", "'S"] {
                if let Some(after) = rest.strip_prefix(apo) {
                    if !after.chars().next().is_some_and(is_word_char) {
                        let len = apo.len();
                        out.push(Token {
                            span: Span::new(end, end + len),
                            kind: TokKind::Possessive,
                        });
                        while iter.peek().is_some_and(|&(j, _)| j < end + len) {
                            iter.next();
                        }
                        break;
                    }
                }
            }
        }
    }
    out
}

/// A sentence: a token range and its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Its span in the text (trimmed).
    pub span: Span,
    /// First token index.
    pub first: usize,
    /// One past the last token index.
    pub last: usize,
}

/// Tokens and sentences of a text.
#[derive(Debug, Clone)]
pub struct Segmented {
    /// All tokens.
    pub tokens: Vec<Token>,
    /// All sentences, in order, covering every token.
    pub sentences: Vec<Sentence>,
    /// For each token, the index of its sentence.
    pub sentence_of: Vec<usize>,
}

fn is_abbreviation(tok: &str) -> bool {
    if tok.contains('.') {
        return true; // U.S, E.O (dotted initials keep their final dot inside the token already)
    }
    if tok.chars().count() == 1 && tok.chars().all(|c| c.is_uppercase()) {
        return true; // an initial
    }
    ABBREVIATIONS.iter().any(|a| {
        a.eq_ignore_ascii_case(tok)
            && (a.chars().next().is_some_and(|c| c.is_lowercase()) || tok == *a)
    })
}

/// Line facts used for breaking: a line that ends a block (short line, heading, list item).
fn line_break_is_boundary(text: &str, nl: usize) -> bool {
    let line_start = text[..nl].rfind('\n').map_or(0, |p| p + 1);
    let line = text[line_start..nl].trim();
    let next_start = nl + 1;
    let next_end = text[next_start..]
        .find('\n')
        .map_or(text.len(), |p| next_start + p);
    let next = text[next_start..next_end].trim();
    if line.is_empty() || next.is_empty() {
        return true;
    }
    let first = next.chars().next().unwrap_or(' ');
    let last_word = line.rsplit(' ').next().unwrap_or(line);
    // (the next line goes on with a capitalised word that opens no sentence)
    let capital_goes_on = first.is_uppercase()
        && next
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| !SENTENCE_OPENERS.contains(w));
    // "… an Assistant United States Attorney in the U.S.\nAttorney’s Office …",
    // "… said Mr.\nSullivan": a long line ending with an abbreviation's dot goes on,
    // as it would within a line (not before a sentence's opener: "… the U.S.\nThe …")
    let abbreviated = line.ends_with('.') && line.chars().count() >= 48 && capital_goes_on && {
        let stem = last_word.trim_end_matches('.');
        stem.chars().count() >= 2 && !last_word.ends_with("..") && is_abbreviation(stem)
    };
    if line.ends_with([':', '.', '?', '!', ';']) && !line.ends_with("..") && !abbreviated {
        return true;
    }
    // "(a) …", "(12) …": an enumerated item (not "(USDA, DOE, …": a list
    // wrapped one word to a line)
    let enumerator = next.starts_with('(')
        && next[1..]
            .find(')')
            .is_some_and(|close| close <= 4 && !next[1..=close].contains(','));
    if enumerator
        || next.starts_with('[')
        || next.starts_with('•')
        || next.starts_with("- ")
        || next.starts_with("* ")
    {
        return true;
    }
    if first.is_ascii_digit()
        && next
            .split_whitespace()
            .next()
            .is_some_and(|w| w.ends_with('.') || w.ends_with(')'))
    {
        return true;
    }
    // short lines (headings, header blocks, signature lines) end their block
    let short = line.chars().count() < 48;
    let ends_open = line.ends_with([',', '-', '('])
        || OPEN_LINE_ENDS.contains(last_word)
        // ("The Department of Homeland" / "Security": an adjective leaves a name
        // open, unless a sentence starts on the next line)
        || OPEN_NAME_WORDS.contains(last_word) && capital_goes_on;
    // "… suspended payment to the White House" / "Task Force on …": a line of
    // running prose (a lower-case word other than a connector in it) that ends
    // with a capitalised word goes on with the next line's capital, as a name
    // wrapped in a narrow column would (headings, address and signature lines
    // hold capitalised words and connectors only)
    let prose_goes_on = capital_goes_on
        && last_word.chars().next().is_some_and(char::is_uppercase)
        && line.split(' ').any(|w| {
            w.chars().count() >= 3
                && w.chars().all(char::is_lowercase)
                && !OPEN_LINE_ENDS.contains(w)
        });
    // (a line going on in lower case continues the sentence: "DOW" / "including …")
    short
        && !ends_open
        && !prose_goes_on
        && !first.is_lowercase()
        && (!capital_goes_on || !attribution_tail(line, next))
        && !link_fragment(text, line_start, line, next)
}

/// "… customers in the Low-Income Home Energy" / "Assistance" / "Program" /
/// "(LIHEAP). The platform …": a web page's link text set on lines of its own
/// inside a sentence. The short line follows a long line of prose that ends
/// with no stop (so the sentence goes on into it), and the next line is short
/// too or opens with a parenthesis; a long next line may open a new paragraph
/// ("… nominee for the District of" / "Ohio" / "Jane Roe is an attorney …").
fn link_fragment(text: &str, line_start: usize, line: &str, next: &str) -> bool {
    if line_start == 0 || line.ends_with([',', ';', ':', '.', '?', '!', '\u{201d}', '"']) {
        return false;
    }
    let next_goes_on = next.chars().count() < 48 || next.starts_with('(');
    if !next_goes_on || next.starts_with("- ") || next.starts_with("* ") {
        return false;
    }
    // the lines before, back to a long one: short fragments, then running prose
    let mut end = line_start - 1;
    for _ in 0..3 {
        let start = text[..end].rfind('\n').map_or(0, |p| p + 1);
        let prev = text[start..end].trim();
        if prev.is_empty()
            || prev.ends_with([':', '.', '?', '!', ';', '\u{201d}', '"'])
            || prev.starts_with("- ") && prev.chars().count() < 48
        {
            return false;
        }
        if prev.chars().count() >= 48 {
            return prev.split(' ').any(|w| {
                w.chars().count() >= 3
                    && w.chars().all(char::is_lowercase)
                    && !OPEN_LINE_ENDS.contains(w)
            });
        }
        if start == 0 {
            return false;
        }
        end = start - 1;
    }
    false
}

/// "Energy Secretary Chris" / "Wright:" / "“…”", "Renewable Fuels" / "Association: “…":
/// a quote's attribution line wrapped before its last name words. The next line is at
/// most three capitalised words and a colon, then nothing or the quote's opening mark;
/// the line itself holds no colon (not "SUBJECT: …" / "Key Facts:") and is no
/// capitals-only heading.
fn attribution_tail(line: &str, next: &str) -> bool {
    let Some((head, rest)) = next.split_once(':') else {
        return false;
    };
    let rest = rest.trim_start();
    let words: Vec<&str> = head.split_whitespace().collect();
    let heading = line.chars().any(char::is_alphabetic)
        && !line.chars().any(char::is_lowercase)
        && head.chars().any(char::is_lowercase);
    (rest.is_empty() || rest.starts_with(['\u{201c}', '"']))
        && (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '\'' | '\u{2019}'))
        })
        && !line.contains(':')
        && !heading
}

/// The U.S. Code's footnote references: a narrow no-break space, a space, a
/// number of one or two digits and a space ("Longshore\u{202f} 1 Harbor Workers’
/// Compensation Act", "Committee on Government\u{202f} 4 Affairs"). They are no
/// part of the words around them: the text with each one blanked (as many ASCII
/// spaces as it has bytes, so that every span stays where it was), or `None`
/// when the text has none.
pub fn blank_footnote_marks(text: &str) -> Option<String> {
    const MARK: &str = "\u{202f} ";
    if !text.contains(MARK) {
        return None;
    }
    let mut out = text.as_bytes().to_vec();
    let mut changed = false;
    for (i, _) in text.match_indices(MARK) {
        let rest = &text.as_bytes()[i + MARK.len()..];
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if (1..=2).contains(&digits) && rest.get(digits) == Some(&b' ') {
            out[i..i + MARK.len() + digits].fill(b' ');
            changed = true;
        }
    }
    // (only whole characters were blanked: the mark's own and ASCII digits)
    changed.then(|| String::from_utf8(out).unwrap_or_else(|_| text.to_string()))
}

/// Splits text into sentences.
pub fn segment(text: &str) -> Segmented {
    let tokens = tokenize(text);
    let mut sentences = Vec::new();
    let mut start_tok = 0;
    let n = tokens.len();
    let push = |sentences: &mut Vec<Sentence>, first: usize, last: usize| {
        if first < last {
            sentences.push(Sentence {
                span: Span::new(tokens[first].span.start, tokens[last - 1].span.end),
                first,
                last,
            });
        }
    };
    for i in 0..n {
        let t = tokens[i];
        // a break in the whitespace before the next token?
        if i + 1 < n {
            let gap = &text[t.span.end..tokens[i + 1].span.start];
            if let Some(nl) = gap.find('\n') {
                let newlines = gap.matches('\n').count();
                if newlines >= 2 || line_break_is_boundary(text, t.span.end + nl) {
                    push(&mut sentences, start_tok, i + 1);
                    start_tok = i + 1;
                    continue;
                }
            }
        }
        if t.kind != TokKind::Punct {
            continue;
        }
        let c = &text[t.span.start..t.span.end];
        if !matches!(c, "." | "?" | "!") {
            continue;
        }
        if c == "." && i > start_tok {
            let prev = tokens[i - 1];
            // (but "Globex Inc. She joined …": a firm's suffix before a pronoun
            // or an article ends the sentence)
            let firm_end = matches!(
                &text[prev.span.start..prev.span.end],
                "Inc" | "Corp" | "Ltd" | "Co"
            ) && tokens
                .get(i + 1)
                .is_some_and(|nx| SENTENCE_OPENERS.contains(&text[nx.span.start..nx.span.end]));
            if prev.span.end == t.span.start
                && prev.kind == TokKind::Word
                && is_abbreviation(&text[prev.span.start..prev.span.end])
                && !firm_end
            {
                continue;
            }
        }
        // closing quotes/brackets and footnote markers stay with the sentence
        let mut j = i + 1;
        while j < n {
            let s = &text[tokens[j].span.start..tokens[j].span.end];
            if matches!(s, "\"" | "\u{201d}" | "\u{2019}" | "'" | ")") {
                j += 1;
            } else if s == "["
                && j + 2 < n
                && &text[tokens[j + 2].span.start..tokens[j + 2].span.end] == "]"
            {
                j += 3;
            } else {
                break;
            }
        }
        if j >= n {
            continue;
        }
        let next = &text[tokens[j].span.start..];
        let nc = next.chars().next().unwrap_or(' ');
        if !(nc.is_uppercase()
            || nc.is_ascii_digit()
            || matches!(nc, '"' | '\u{201c}' | '(' | '[' | '\u{2018}'))
        {
            continue;
        }
        if tokens[j].span.start == tokens[j - 1].span.end {
            continue; // no space: "Data.gov", "3.5"
        }
        push(&mut sentences, start_tok, j);
        start_tok = j;
    }
    push(&mut sentences, start_tok, n);
    let mut sentence_of = vec![0; n];
    for (si, s) in sentences.iter().enumerate() {
        for slot in &mut sentence_of[s.first..s.last] {
            *slot = si;
        }
    }
    Segmented {
        tokens,
        sentences,
        sentence_of,
    }
}

impl Segmented {
    /// The text of token `i`.
    pub fn tok<'a>(&self, text: &'a str, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .map_or("", |t| &text[t.span.start..t.span.end])
    }
    /// The index of the first token starting at or after byte `pos`.
    pub fn token_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footnote_marks_are_blanked_in_place() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "a U.S. Code footnote inside a name",
                "the Longshore\u{202f} 1 Harbor Workers’ Act",
                Some("the Longshore      Harbor Workers’ Act"),
            ),
            (
                "after a section number",
                "section 226\u{202f} 12 of title 5",
                Some("section 226       of title 5"),
            ),
            (
                "a number of three digits is no footnote",
                "the Route\u{202f} 100 Commission",
                None,
            ),
            (
                "a number glued to a word is no footnote",
                "a\u{202f} 1st step",
                None,
            ),
            ("no mark at all", "Fox 8 News", None),
        ];
        for (name, text, want) in cases {
            let got = blank_footnote_marks(text);
            assert_eq!(got.as_deref(), *want, "{name}");
            if let Some(g) = &got {
                assert_eq!(g.len(), text.len(), "{name}: spans stay");
            }
        }
    }

    fn sentences(text: &str) -> Vec<&str> {
        segment(text)
            .sentences
            .iter()
            .map(|s| &text[s.span.start..s.span.end])
            .collect()
    }

    #[test]
    fn sentence_splitting() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("plain", "One thing. Two things.", &["One thing.", "Two things."]),
            ("us abbreviation", "The U.S. Department of State acts. It did.", &["The U.S. Department of State acts.", "It did."]),
            ("initials", "Sylvia M. Burwell signed it. Then more.", &["Sylvia M. Burwell signed it.", "Then more."]),
            ("section abbreviation", "See Sec. 2 of the Act. Next.", &["See Sec. 2 of the Act.", "Next."]),
            ("pub l", "Pub. L. No. 107-347 applies. Yes.", &["Pub. L. No. 107-347 applies.", "Yes."]),
            ("month abbreviation", "Issued (Jan. 21, 2009), available online. Next.", &["Issued (Jan. 21, 2009), available online.", "Next."]),
            ("footnote marker", "It said so. [4] In addition, more.", &["It said so. [4]", "In addition, more."]),
            ("heading lines", "Sec. 2.  Revocation.  The order is revoked.", &["Sec. 2.", "Revocation.", "The order is revoked."]),
            ("blank line", "Heading\n\nBody text here.", &["Heading", "Body text here."]),
            ("hard wrap", "This sentence is wrapped at seventy-two columns and it goes on\nto the next line.", &["This sentence is wrapped at seventy-two columns and it goes on\nto the next line."]),
            ("header block", "From:\n\nJane Doe\nDirector\n\nSubject: X", &["From:", "Jane Doe", "Director", "Subject: X"]),
            ("list items", "shall:\n(a) do one;\n(b) do two.", &["shall:", "(a) do one;", "(b) do two."]),
            ("signature", "JOSEPH R. BIDEN JR.\n\nTHE WHITE HOUSE,\nJanuary 20, 2021.", &["JOSEPH R. BIDEN JR.", "THE WHITE HOUSE,\nJanuary 20, 2021."]),
            ("an abbreviation at a wrapped line's end", "Jane Roe has been an Assistant Attorney in the U.S.\nAttorney’s Office for the District of Utah. He said so to Mr.\nRoe, who was in the U.S.\nThe end.", &["Jane Roe has been an Assistant Attorney in the U.S.\nAttorney’s Office for the District of Utah.", "He said so to Mr.\nRoe, who was in the U.S.", "The end."]),
            ("an adjective at a short line's end", "- The Department of Homeland\n    Security said so.\nHeading Federal\nThe text.", &["- The Department of Homeland\n    Security said so.", "Heading Federal", "The text."]),
            ("an attribution wrapped before its last name", "Energy Secretary Jane\nRoe:\n“We did it.”\nAcme Fuels\nAssociation: “Good.”", &["Energy Secretary Jane\nRoe:", "“We did it.”", "Acme Fuels\nAssociation: “Good.”"]),
            ("link text on lines of its own", "The platform will serve customers in the Low-Income Home Energy\n    Assistance\n    Program\n    (LIHEAP). It helps.\nDistrict of\nOhio\nJane Roe is an attorney at the firm of Roe and Doe in Ohio.", &["The platform will serve customers in the Low-Income Home Energy\n    Assistance\n    Program\n    (LIHEAP).", "It helps.", "District of\nOhio", "Jane Roe is an attorney at the firm of Roe and Doe in Ohio."]),
            ("a heading before a label line", "SUBJECT: Jobs Memo\nKey Facts:\nGROWTH\nKey Facts:\nText here.", &["SUBJECT: Jobs Memo", "Key Facts:", "GROWTH", "Key Facts:", "Text here."]),
            ("firm suffix before a pronoun", "She worked at Globex Inc. She left. Roe Co. Ltd. agreed.", &["She worked at Globex Inc.", "She left.", "Roe Co. Ltd. agreed."]),
        ];
        for (name, text, want) in cases {
            assert_eq!(sentences(text), *want, "{name}");
        }
    }

    #[test]
    fn tokens() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("dotted initials", "U.S. law", &["U.S.", "law"]),
            ("possessive", "ICE’s agents", &["ICE", "’s", "agents"]),
            (
                "hyphen number",
                "M-13-13 and A-130",
                &["M-13-13", "and", "A-130"],
            ),
            ("domain", "Data.gov.", &["Data.gov", "."]),
            (
                "an abbreviated saint keeps its dot",
                "St. Francis College",
                &["St.", "Francis", "College"],
            ),
            (
                "a sentence's end without its space",
                "on Intelligence.On Monday",
                &["on", "Intelligence", ".", "On", "Monday"],
            ),
            (
                "now-defunct",
                "the now-defunct INS",
                &["the", "now-defunct", "INS"],
            ),
            (
                "an okina written as a left quote",
                "Kaiali\u{2018}i Kahele",
                &["Kaiali\u{2018}i", "Kahele"],
            ),
            (
                "unicode hyphen",
                "Winston\u{2010}Salem State",
                &["Winston\u{2010}Salem", "State"],
            ),
        ];
        for (name, text, want) in cases {
            let got: Vec<&str> = tokenize(text)
                .iter()
                .map(|t| &text[t.span.start..t.span.end])
                .collect();
            assert_eq!(got, *want, "{name}");
        }
    }
}
