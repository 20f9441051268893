//! PDF: the text layer through `unpdf` (pure Rust, MIT), page by page, with
//! running headers, footers and bare page numbers left out; a PDF without a
//! text layer (a scan) is read by OCR when Tesseract is installed (see
//! [`super::ocr`]).

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::model::Document;

use super::{guarded, reader_failed, InputOptions};

/// Average non-space characters a page below which a PDF is taken for a scan.
const SCAN_CHARS_PER_PAGE: usize = 20;

/// Reads a PDF's text (or, for a scan, its OCR text) into a document.
pub(super) fn pdf_document(source: &str, bytes: &[u8], options: &InputOptions) -> Result<Document> {
    let err = |message: String| Error::Input {
        path: source.to_string(),
        message,
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(err("empty file, skipped".into()));
    }
    // Some producers put bytes before the header (a stray `%%EOF` line, two
    // bytes of a mail gateway): readers such as poppler accept a header
    // within the first kilobyte, and so does this one.
    let head = &bytes[..bytes.len().min(1024)];
    let start = head.windows(5).position(|w| w == b"%PDF-").ok_or_else(|| {
        err("not a PDF (no `%PDF-` header in its first kilobyte), skipped".into())
    })?;
    let bytes = &bytes[start..];
    let pages = guarded(|| read_pages(bytes))
        .map_err(|m| err(format!("unreadable PDF ({}), skipped", reader_failed(&m))))?
        .map_err(|m| err(format!("unreadable PDF: {m}, skipped")))?;
    let chars: usize = pages
        .iter()
        .map(|p| p.chars().filter(|c| !c.is_whitespace()).count())
        .sum();
    if chars < SCAN_CHARS_PER_PAGE * pages.len().max(1) {
        if !options.ocr {
            return Err(err(
                "PDF without a text layer (a scan?), skipped: OCR is off (--no-ocr)".into(),
            ));
        }
        let text = super::ocr::ocr_pdf(source, bytes)?;
        let mut doc = Document::from_text(source, text);
        doc.date = None;
        doc.ocr = true;
        return Ok(doc);
    }
    let text = split_header_fields(&join_pages(&pages));
    let mut doc = Document::from_text(source, text);
    // a PDF's text never carries memograph's `date` header line
    doc.date = None;
    Ok(doc)
}

/// The text of each page, in page order.
fn read_pages(bytes: &[u8]) -> std::result::Result<Vec<String>, String> {
    let doc = unpdf::parse_bytes(bytes).map_err(|e| e.to_string())?;
    let mut pages = Vec::with_capacity(doc.pages.len());
    for n in 1..=doc.page_count() {
        let options = unpdf::render::RenderOptions::default().with_page_list(vec![n]);
        let text = unpdf::render::to_text(&doc, &options).map_err(|e| e.to_string())?;
        pages.push(text);
    }
    Ok(pages)
}

/// Puts each memo header field (`FROM:`, `CC:`, `SUBJECT:`...) on its own
/// line when the reader ran a header block together into one line.
fn split_header_fields(text: &str) -> String {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"[ \t]+((?:FROM|CC|SUBJECT|SUBJ|TO|THROUGH|DATE|ATTN|REF):[ \t])")
            .expect("a valid regular expression")
    });
    re.replace_all(text, "\n$1").into_owned()
}

/// Joins pages with a blank line, leaving out running headers and footers
/// (a first or last line of a page that, digits aside, recurs at the top or
/// bottom of other pages) and bare page numbers (`3`, `- 3 -`, `Page 3 of 9`).
pub(super) fn join_pages(pages: &[String]) -> String {
    let lines: Vec<Vec<&str>> = pages
        .iter()
        .map(|p| p.lines().filter(|l| !l.trim().is_empty()).collect())
        .collect();
    // how many pages each normalised edge line (two lines at each end) is
    // on, and whether its digits change from page to page (a folio)
    let mut seen: HashMap<String, (usize, Option<&str>, bool)> = HashMap::new();
    for page in &lines {
        let mut keys: Vec<(String, &str)> =
            edges(page).map(|(_, l)| (normalise(l), l.trim())).collect();
        keys.sort();
        keys.dedup_by(|a, b| a.0 == b.0);
        for (k, raw) in keys {
            let entry = seen.entry(k).or_insert((0, None, false));
            entry.0 += 1;
            match entry.1 {
                None => entry.1 = Some(raw),
                Some(first) if first != raw => entry.2 = true,
                Some(_) => {}
            }
        }
    }
    // on three pages or more, or on two with a changing number: a repeated
    // caption on the two pages of a short order is text, not a running head
    let repeated = |line: &str| {
        let k = normalise(line);
        !k.is_empty()
            && seen
                .get(&k)
                .is_some_and(|&(n, _, varies)| n >= 3 || (n >= 2 && varies))
    };
    let mut out = String::new();
    for (page, text) in lines.iter().zip(pages) {
        let drop: Vec<&str> = edges(page)
            .filter(|(_, l)| is_page_number(l) || repeated(l))
            .map(|(_, l)| l)
            .collect();
        // the page without its dropped lines, its other line breaks kept
        let mut kept = String::new();
        let mut dropped = 0;
        for line in text.lines() {
            // an edge line is dropped once (by pointer: the same text may recur)
            if dropped < drop.len() && drop.iter().any(|d| std::ptr::eq(*d, line)) {
                dropped += 1;
                continue;
            }
            kept.push_str(line.trim_end());
            kept.push('\n');
        }
        let mut page_text = String::with_capacity(kept.len());
        for (i, part) in kept.split("\n\n").enumerate() {
            let part = part.trim_matches('\n');
            if part.is_empty() {
                continue;
            }
            if i > 0 && !page_text.is_empty() {
                page_text.push_str("\n\n");
            }
            page_text.push_str(part);
        }
        if page_text.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&page_text);
    }
    out
}

/// The first two and last two lines of a page, with their indexes.
fn edges<'a>(page: &'a [&'a str]) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    let n = page.len();
    page.iter()
        .enumerate()
        .filter(move |(i, _)| *i < 2 || *i + 2 >= n)
        .map(|(i, l)| (i, *l))
}

/// A line's key for comparing running heads: lowercase, digits as `#`,
/// spaces collapsed; long lines (a paragraph) never match.
fn normalise(line: &str) -> String {
    let line = line.trim();
    if line.chars().count() > 120 {
        return String::new();
    }
    let mut out = String::new();
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| {
            if c.is_ascii_digit() {
                '#'
            } else {
                c.to_ascii_lowercase()
            }
        }));
    }
    // a line of digits alone is a page number, not a running head
    if out.chars().all(|c| matches!(c, '#' | ' ' | '-')) {
        return String::new();
    }
    out
}

/// `3`, `- 3 -`, `iv`, `Page 3`, `Page 3 of 9`, `3 of 9`.
pub(super) fn is_page_number(line: &str) -> bool {
    let l = line
        .trim()
        .trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let l = l
        .strip_prefix("Page ")
        .or_else(|| l.strip_prefix("page "))
        .or_else(|| l.strip_prefix("PAGE "))
        .unwrap_or(l)
        .trim();
    let number = |s: &str| {
        let s = s.trim();
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            || (!s.is_empty()
                && s.len() <= 5
                && s.bytes()
                    .all(|b| b"ivxlc".contains(&b.to_ascii_lowercase())))
    };
    match l.split_once(" of ") {
        Some((a, b)) => number(a) && number(b),
        None => number(l),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_heads_and_page_numbers_are_left_out() {
        let pages = [
            "Federal Register / Vol. 90 / 2577\n\nBody one.\n\n1".to_string(),
            "Federal Register / Vol. 90 / 2578\n\nBody two.\n\nPage 2 of 3".to_string(),
            "Federal Register / Vol. 90 / 2579\n\nBody three.\n\n- 3 -".to_string(),
        ];
        assert_eq!(join_pages(&pages), "Body one.\n\nBody two.\n\nBody three.");
        // a line that recurs only in the middle of pages is kept
        let pages = [
            "Top\n\nSame\n\nA\n\nB\n\nEnd one".to_string(),
            "Head\n\nX\n\nSame\n\nC\n\nD\n\nEnd two".to_string(),
        ];
        assert!(
            join_pages(&pages).contains("Same\n\nA"),
            "{}",
            join_pages(&pages)
        );
        // the same caption atop both pages of a two-page order is kept
        let pages = [
            "United States Court of Appeals\n\nOne.".to_string(),
            "United States Court of Appeals\n\nTwo.".to_string(),
        ];
        assert_eq!(join_pages(&pages).matches("Court of Appeals").count(), 2);
    }

    #[test]
    fn header_fields_get_their_own_lines() {
        assert_eq!(
            split_header_fields(
                "FROM:\tJeh Johnson Secretary CC:\tShaun Donovan SUBJECT:\tReporting"
            ),
            "FROM:\tJeh Johnson Secretary\nCC:\tShaun Donovan\nSUBJECT:\tReporting"
        );
        assert_eq!(split_header_fields("sent TO: x"), "sent\nTO: x");
        assert_eq!(
            split_header_fields("a ratio 2:1 to: b"),
            "a ratio 2:1 to: b"
        );
    }

    #[test]
    fn page_numbers() {
        for l in ["3", "- 3 -", "Page 3", "Page 3 of 9", "iv", "12 of 30"] {
            assert!(is_page_number(l), "{l}");
        }
        for l in ["FROM:", "Section 3", "Page three", "3 U.S.C. 301"] {
            assert!(!is_page_number(l), "{l}");
        }
    }
}
