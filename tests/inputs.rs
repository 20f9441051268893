//! Real inputs: the PDF corpus in `../shared/pdf-corpus` (skipped with a
//! message when absent), and fixtures in `tests/fixtures`: a scanned memo
//! page (OCR), a Word memo and a saved agency web page.

use std::path::{Path, PathBuf};
use std::process::Command;

use memograph::input::{self, InputOptions, Kind};
use memograph::{Document, EntityClass, Extraction, Extractor, Object, Predicate};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn corpus() -> Option<PathBuf> {
    let dir = root().join("../shared/pdf-corpus");
    if dir.join("reference.tsv").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED: {} is absent (the shared PDF corpus); the corpus tests did not run",
            dir.display()
        );
        None
    }
}

fn no_ocr() -> InputOptions {
    InputOptions {
        ocr: false,
        ..Default::default()
    }
}

fn read(path: &Path, options: &InputOptions) -> memograph::Result<Document> {
    let bytes = std::fs::read(path).expect("fixture readable");
    input::decode_with(&path.to_string_lossy(), Kind::of(path), &bytes, options)
}

/// The default extractor's extraction of one document.
fn extract(doc: &Document) -> Extraction {
    Extractor::builder()
        .build()
        .expect("extractor")
        .extract(doc)
}

fn labels(ex: &Extraction, class: EntityClass) -> Vec<String> {
    ex.entities
        .iter()
        .filter(|e| e.class == class)
        .map(|e| e.label.clone())
        .collect()
}

fn all_labels(ex: &Extraction) -> Vec<String> {
    ex.entities
        .iter()
        .flat_map(|e| std::iter::once(e.label.clone()).chain(e.alt_labels.iter().cloned()))
        .collect()
}

/// Every file with a text layer is read with at least 90 % of the
/// non-space characters poppler's pdftotext (22.12) reads
/// (`tests/fixtures/pdftotext-nonspace.tsv`, counted from the same output as
/// the corpus's `reference.tsv`, control characters aside: pdftotext writes
/// glyphs without a Unicode mapping as bytes 0x01-0x1f) and at least 80 % of its characters with
/// spaces (`reference.tsv`: paragraphs joined on one line have fewer line
/// breaks); a scan is refused cleanly with OCR off.
#[test]
fn pdf_corpus_is_read_like_pdftotext() {
    let Some(dir) = corpus() else { return };
    let reference = std::fs::read_to_string(dir.join("reference.tsv")).expect("reference.tsv");
    let nonspace: std::collections::HashMap<String, usize> =
        std::fs::read_to_string(root().join("tests/fixtures/pdftotext-nonspace.tsv"))
            .expect("nonspace counts")
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .map(|(f, n)| (f.to_string(), n.trim().parse().expect("count")))
            .collect();
    let mut failures = Vec::new();
    let mut text_files = 0;
    for line in reference.lines().filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (file, chars, layer) = (cols[0], cols[2].parse::<usize>().expect("chars"), cols[3]);
        let result = read(&dir.join(file), &no_ocr());
        if layer != "yes" {
            match result {
                Err(e) if e.to_string().contains("without a text layer") => {}
                other => failures.push(format!("{file}: scan not refused cleanly: {other:?}")),
            }
            continue;
        }
        text_files += 1;
        match result {
            Ok(doc) => {
                let got = doc.text.chars().count();
                let solid = doc
                    .text
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .count();
                let want = nonspace[file];
                eprintln!(
                    "{file}\t{solid}/{want} non-space {:.3}\t{got}/{chars} all {:.3}",
                    solid as f64 / want as f64,
                    got as f64 / chars as f64
                );
                if (solid as f64) < 0.9 * want as f64 {
                    failures.push(format!(
                        "{file}: {solid} non-space characters, pdftotext {want}"
                    ));
                }
                if (got as f64) < 0.8 * chars as f64 {
                    failures.push(format!("{file}: {got} characters, pdftotext {chars}"));
                }
                if doc.text.contains("panicked") {
                    failures.push(format!("{file}: panic text in the document"));
                }
            }
            Err(e) => failures.push(format!("{file}: {e}")),
        }
    }
    assert_eq!(
        text_files, 55,
        "the corpus lists 55 files with a text layer"
    );
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Each CISA directive's `FROM:` header (or, when the signature is
/// unreadable, its letterhead) gives it a creator: the signer or the issuing
/// department, never a person or office on the `CC:` line.
#[test]
fn cisa_directives_get_their_creator_from_the_header() {
    let Some(dir) = corpus() else { return };
    let extractor = Extractor::builder().build().expect("extractor");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            (name.starts_with("cisa-bod-") || name.starts_with("cisa-ed-"))
                && name.ends_with(".pdf")
        })
        .collect();
    files.sort();
    assert_eq!(files.len(), 12);
    // who signed each directive (as the header block's FROM: names them)
    let signers = [
        "Johnson",
        "Johnso",
        "Nielsen",
        "Krebs",
        "Duke",
        "Wales",
        "Department of Homeland Security",
        "Cybersecurity and Infrastructure Security Agency",
    ];
    // BOD-17-01's text layer (pdftotext's too) reads the signature as
    // "FROM: Elaine C.": its letterhead's department issued it
    // who is only copied ("CC: NAME, Director, Office of Management and Budget")
    let copied = [
        "Donovan",
        "Mulvaney",
        "Vought",
        "Office of Management and Budget",
    ];
    let mut missing = Vec::new();
    for file in &files {
        let doc = read(file, &no_ocr()).unwrap_or_else(|e| panic!("{e}"));
        let ex = extractor.extract(&doc);
        let creators: Vec<&str> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::Creator)
            .filter_map(|r| match r.object {
                Object::Entity(i) => Some(ex.entities[i].label.as_str()),
                _ => None,
            })
            .collect();
        let found = creators
            .iter()
            .any(|c| signers.iter().any(|s| c.contains(s)));
        let copy = creators
            .iter()
            .any(|c| copied.iter().any(|s| c.contains(s)));
        if !found || copy {
            missing.push(format!("{}: creators {creators:?}", file.display()));
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

/// BOD-17-01 keeps its number, and its header fields stay in order.
#[test]
fn directive_header_block_in_reading_order() {
    let Some(dir) = corpus() else { return };
    let doc = read(&dir.join("cisa-bod-17-01.pdf"), &no_ocr()).expect("read");
    assert!(doc.text.contains("Binding Operational Directive BOD-17-01"));
    let at = |s: &str| {
        doc.text
            .find(s)
            .unwrap_or_else(|| panic!("{s:?} in {}", &doc.text[..600]))
    };
    assert!(at("FROM:") < at("CC:") && at("CC:") < at("SUBJECT:"));
    assert!(
        doc.text[at("SUBJECT:")..].starts_with("SUBJECT: Removal of Kaspersky-Branded Products")
    );
    // a running header of a multi-page Federal Register print is left out
    let eo = read(&dir.join("fr-eo-14144.pdf"), &no_ocr()).expect("read");
    assert!(
        eo.text.matches("Federal Register / Vol.").count() <= 1,
        "running header kept"
    );
}

/// A scanned memo page is read by OCR (Tesseract), its entities found and
/// `explain` says the facts come from OCR; without Tesseract the error says
/// how to install it.
#[test]
fn scanned_page_is_read_by_ocr() {
    let scan = root().join("tests/fixtures/scan-memo.pdf");
    let off = read(&scan, &no_ocr()).expect_err("OCR off").to_string();
    assert!(
        off.contains("without a text layer") && off.contains("--no-ocr"),
        "{off}"
    );
    if !input::ocr_available() {
        let e = read(&scan, &InputOptions::default())
            .expect_err("no tesseract")
            .to_string();
        assert!(e.contains("apt-get install tesseract-ocr"), "{e}");
        eprintln!("SKIPPED: tesseract or pdftoppm not installed; OCR itself not tested");
        return;
    }
    let doc = read(&scan, &InputOptions::default()).expect("OCR");
    assert!(doc.ocr);
    assert!(
        doc.text.contains("HOUSING AND URBAN DEVELOPMENT"),
        "{}",
        doc.text
    );
    let ex = extract(&doc);
    let people = labels(&ex, EntityClass::Person);
    assert!(people.iter().any(|p| p.contains("Kanovsky")), "{people:?}");
    let agencies = all_labels(&ex);
    assert!(
        agencies
            .iter()
            .any(|a| a == "Department of Housing and Urban Development"),
        "{agencies:?}"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_memograph"))
        .arg("explain")
        .arg(&scan)
        .output()
        .expect("run memograph");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("read by OCR"), "{stdout}");
}

/// A Word memo: paragraphs in order, the table one row a line, the header
/// before the body and the footer after it (its page number left out), the
/// core properties' title and date.
#[test]
fn docx_memo_is_read() {
    let doc = read(
        &root().join("tests/fixtures/memo.docx"),
        &InputOptions::default(),
    )
    .expect("docx");
    assert_eq!(
        doc.title.as_deref(),
        Some("M-16-99 Managing Federal Information")
    );
    assert_eq!(doc.date, memograph::Date::ymd(2016, 5, 9));
    assert!(
        doc.text
            .starts_with("EXECUTIVE OFFICE OF THE PRESIDENT\n\nMEMORANDUM FOR"),
        "{}",
        doc.text
    );
    assert!(
        doc.text
            .ends_with("will host the inventories.\n\nPeace Corps Liaison Office"),
        "{}",
        doc.text
    );
    assert!(
        doc.text
            .contains("\n\nAgency\tContact\n\nDepartment of Energy\tChief Data Officer\n\n"),
        "{}",
        doc.text
    );
    let at = |s: &str| doc.text.find(s).expect(s);
    assert!(at("FROM:") < at("SUBJECT:") && at("SUBJECT:") < at("This memorandum"));
    let ex = extract(&doc);
    let names = all_labels(&ex);
    for want in [
        "Department of Energy",
        "Environmental Protection Agency",
        "General Services Administration",
        "Office of Management and Budget",
        "Shaun Donovan",
    ] {
        assert!(names.iter().any(|n| n == want), "{want} not in {names:?}");
    }
}

/// A saved agency page: the article's entities, none of the banner's,
/// navigation's, cookie notice's, sidebar's or footer's.
#[test]
fn saved_page_yields_the_article_only() {
    let doc = read(
        &root().join("tests/fixtures/agency-page.html"),
        &InputOptions::default(),
    )
    .expect("html");
    assert_eq!(
        doc.title.as_deref(),
        Some("Secretary Announces Open Data Memo")
    );
    assert_eq!(doc.date, memograph::Date::ymd(2014, 3, 12));
    assert!(doc.text.starts_with("Secretary Announces Open Data Memo\n\nMarch 12, 2014\n\nWASHINGTON – Secretary of Commerce"), "{}", doc.text);
    let ex = extract(&doc);
    let names = all_labels(&ex);
    for want in [
        "National Institute of Standards and Technology",
        "International Trade Administration",
        "Office of Management and Budget",
    ] {
        assert!(names.iter().any(|n| n == want), "{want} not in {names:?}");
    }
    for furniture in [
        "U.S. Census Bureau",
        "National Oceanic and Atmospheric Administration",
        "Patent and Trademark Office",
        "National Archives and Records Administration",
        "Bureau of Economic Analysis",
        "Economic Development Administration",
        "Minority Business Development Agency",
        "Office of Inspector General",
        "Federal Trade Commission",
        "Small Business Administration",
        "Federal Bureau of Investigation",
    ] {
        assert!(
            !names.iter().any(|n| n.contains(furniture)),
            "{furniture} in {names:?}"
        );
        assert!(!doc.text.contains(furniture), "{furniture} in the text");
    }
}

/// A folder with a broken PDF, an unreadable Word file and good files: each
/// bad file is one error naming it, and no panic text reaches stderr.
#[test]
fn bad_files_are_reported_and_the_folder_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("a.txt"),
        "The Department of Energy issued it.",
    )
    .expect("write");
    std::fs::write(dir.path().join("b.pdf"), b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF").expect("write");
    std::fs::write(dir.path().join("c.docx"), b"PK\x03\x04 not really a zip").expect("write");
    std::fs::write(dir.path().join("d.txt"), "The Peace Corps replied.").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_memograph"))
        .args(["extract", "--format", "nquads", "--no-ocr"])
        .arg(dir.path())
        .output()
        .expect("run memograph");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("backtrace"),
        "{stderr}"
    );
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(
        lines[0].contains("b.pdf") && lines[1].contains("c.docx"),
        "{stderr}"
    );
    assert!(stdout.contains("Department of Energy") && stdout.contains("Peace Corps"));
}
