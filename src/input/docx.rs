//! Word (`.docx`): the body's paragraphs in order, tables one row a line
//! (cells separated by a tab), headers before the body and footers after it
//! (each distinct one once, set apart by a blank line), and the core
//! properties' title and creation date as the document's title and date.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::error::{Error, Result};
use crate::model::{Date, Document};

/// Largest XML part read (decompressed), against zip bombs.
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a `.docx` file into a document.
pub(super) fn docx_document(source: &str, bytes: &[u8]) -> Result<Document> {
    let err = |message: String| Error::Input {
        path: source.to_string(),
        message,
    };
    if bytes.is_empty() {
        return Err(err("empty file, skipped".into()));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        err(format!(
            "not a Word file (a .docx is a zip archive): {e}, skipped"
        ))
    })?;
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.to_string()))
        .collect();
    let part = |zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str| -> Result<Option<String>> {
        let file = match zip.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(err(format!("{name}: {e}"))),
        };
        let mut xml = String::new();
        file.take(MAX_PART_BYTES)
            .read_to_string(&mut xml)
            .map_err(|e| err(format!("{name}: {e}")))?;
        Ok(Some(xml))
    };
    let Some(body) = part(&mut zip, "word/document.xml")? else {
        return Err(err(
            "not a Word document (no word/document.xml in the archive), skipped".into(),
        ));
    };
    let body = blocks(&body).map_err(|m| err(format!("word/document.xml: {m}")))?;
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| (n.len(), n.clone()));
    let mut heads: Vec<String> = Vec::new();
    let mut feet: Vec<String> = Vec::new();
    for name in &sorted {
        let Some(rest) = name.strip_prefix("word/") else {
            continue;
        };
        let into = if rest.starts_with("header") && rest.ends_with(".xml") {
            &mut heads
        } else if rest.starts_with("footer") && rest.ends_with(".xml") {
            &mut feet
        } else {
            continue;
        };
        if let Some(xml) = part(&mut zip, name)? {
            let text = blocks(&xml)
                .map_err(|m| err(format!("{name}: {m}")))?
                .into_iter()
                .filter(|b| !super::pdf::is_page_number(b))
                .collect::<Vec<_>>()
                .join("\n");
            // page numbers and empty running heads are left out
            let text = text.trim();
            if !text.is_empty()
                && !text.bytes().all(|b| b.is_ascii_digit())
                && !into.iter().any(|t| t == text)
            {
                into.push(text.to_string());
            }
        }
    }
    let mut parts: Vec<String> = heads;
    parts.extend(body);
    parts.extend(feet);
    let text = parts.join("\n\n");
    if text.trim().is_empty() {
        return Err(err("Word document without text, skipped".into()));
    }
    let (title, date) = match part(&mut zip, "docProps/core.xml")? {
        Some(xml) => core_properties(&xml),
        None => (None, None),
    };
    Ok(Document {
        source: source.to_string(),
        title,
        date,
        text,
        ocr: false,
    })
}

/// The text blocks of a WordprocessingML part: each paragraph outside a
/// table, and each table row (cells joined by a tab).
fn blocks(xml: &str) -> std::result::Result<Vec<String>, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut para = String::new();
    let mut in_text = false;
    // open tables; the cells of the current row of the outermost one
    let mut tables = 0usize;
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("XML error at byte {}: {e}", reader.buffer_position()))?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"t" => in_text = true,
                b"tbl" => tables += 1,
                b"tab" => para.push('\t'),
                b"br" | b"cr" => para.push('\n'),
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                b"tab" => para.push('\t'),
                b"br" | b"cr" => para.push('\n'),
                _ => {}
            },
            Event::Text(t) if in_text => {
                let s = t.unescape().map_err(|e| format!("bad text: {e}"))?;
                para.push_str(&s);
            }
            Event::CData(t) if in_text => para.push_str(&String::from_utf8_lossy(&t)),
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" => {
                    let p = std::mem::take(&mut para);
                    let p = p.trim();
                    if p.is_empty() {
                        continue;
                    }
                    if tables > 0 {
                        if !cell.is_empty() {
                            cell.push(' ');
                        }
                        cell.push_str(p);
                    } else {
                        out.push(p.to_string());
                    }
                }
                b"tc" if tables == 1 => row.push(std::mem::take(&mut cell).replace('\t', " ")),
                b"tr" if tables == 1 => {
                    let r = std::mem::take(&mut row);
                    if r.iter().any(|c| !c.is_empty()) {
                        out.push(r.join("\t").trim().to_string());
                    }
                }
                b"tbl" => tables = tables.saturating_sub(1),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// The title (`dc:title`) and creation date (`dcterms:created`, else
/// `dcterms:modified`) of `docProps/core.xml`.
fn core_properties(xml: &str) -> (Option<String>, Option<Date>) {
    let mut reader = Reader::from_str(xml);
    let mut current = Vec::new();
    let (mut title, mut created, mut modified) = (None, None, None);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => current = e.local_name().as_ref().to_vec(),
            Ok(Event::End(_)) => current.clear(),
            Ok(Event::Text(t)) => {
                let Ok(s) = t.unescape() else { continue };
                let s = s.trim();
                match current.as_slice() {
                    b"title" if !s.is_empty() => {
                        title = Some(s.split_whitespace().collect::<Vec<_>>().join(" "))
                    }
                    b"created" => created = s.get(..10).and_then(Date::parse_iso),
                    b"modified" => modified = s.get(..10).and_then(Date::parse_iso),
                    _ => {}
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    (title, created.or(modified))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_tables_and_breaks() {
        let xml = r#"<w:document xmlns:w="x"><w:body>
            <w:p><w:r><w:t>MEMORANDUM FOR </w:t></w:r><w:r><w:t>ALL AGENCIES</w:t></w:r></w:p>
            <w:p/>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>FROM:</w:t></w:r></w:p></w:tc>
            <w:tc><w:p><w:r><w:t>Jane Doe</w:t></w:r></w:p><w:p><w:r><w:t>Director</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:t xml:space="preserve">A &amp; B</w:t><w:tab/><w:t>C</w:t><w:br/><w:t>D</w:t></w:r></w:p>
            <w:p><w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>
            </w:body></w:document>"#;
        assert_eq!(
            blocks(xml).unwrap(),
            [
                "MEMORANDUM FOR ALL AGENCIES",
                "FROM:\tJane Doe Director",
                "A & B\tC\nD"
            ]
        );
    }

    #[test]
    fn core_properties_title_and_date() {
        let xml = r#"<cp:coreProperties xmlns:cp="a" xmlns:dc="b" xmlns:dcterms="c">
            <dc:title>Open  Data Policy</dc:title>
            <dcterms:created xsi:type="dcterms:W3CDTF">2014-02-21T10:00:00Z</dcterms:created>
            <dcterms:modified>2015-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>"#;
        let (title, date) = core_properties(xml);
        assert_eq!(title.as_deref(), Some("Open Data Policy"));
        assert_eq!(date, Date::ymd(2014, 2, 21));
    }
}
