//! OCR for scans: each page rendered to an image by poppler's `pdftoppm` and
//! read by Tesseract's command line (`tesseract`), both external programs
//! found on the `PATH`.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::error::{Error, Result};

/// Resolution of the page images given to Tesseract.
const DPI: &str = "300";

/// How to install what OCR needs.
pub const INSTALL_HINT: &str = "install Tesseract and poppler's tools (Debian/Ubuntu: `apt-get install tesseract-ocr poppler-utils`; macOS: `brew install tesseract poppler`), or pass --no-ocr to skip scans";

/// Whether a program runs (`NAME -v` exits, whatever its status).
fn available(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// Whether OCR can run here (`tesseract` and `pdftoppm` on the `PATH`).
pub fn ocr_available() -> bool {
    available("tesseract", "--version") && available("pdftoppm", "-v")
}

/// The OCR text of every page of a PDF, pages separated by a blank line.
pub(super) fn ocr_pdf(source: &str, bytes: &[u8]) -> Result<String> {
    let err = |message: String| Error::Input {
        path: source.to_string(),
        message,
    };
    if !available("tesseract", "--version") {
        return Err(err(format!(
            "PDF without a text layer (a scan?), skipped: OCR needs Tesseract, which is not installed: {INSTALL_HINT}"
        )));
    }
    if !available("pdftoppm", "-v") {
        return Err(err(format!(
            "PDF without a text layer (a scan?), skipped: OCR needs poppler's `pdftoppm` to render its pages, which is not installed: {INSTALL_HINT}"
        )));
    }
    let dir = tempfile::tempdir().map_err(|e| err(format!("OCR: no temporary folder: {e}")))?;
    let pdf = dir.path().join("in.pdf");
    std::fs::write(&pdf, bytes).map_err(|e| err(format!("OCR: writing a temporary copy: {e}")))?;
    let out = Command::new("pdftoppm")
        .args(["-r", DPI, "-gray", "-png"])
        .arg(&pdf)
        .arg(dir.path().join("page"))
        .stdin(Stdio::null())
        .output()
        .map_err(|e| err(format!("OCR: running pdftoppm: {e}")))?;
    if !out.status.success() {
        return Err(err(format!(
            "OCR: pdftoppm could not render the pages: {}",
            first_line(&out.stderr)
        )));
    }
    let mut images: Vec<_> = std::fs::read_dir(dir.path())
        .map_err(|e| err(format!("OCR: {e}")))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "png"))
        .collect();
    // page-1.png ... page-10.png: pdftoppm pads the numbers, so names sort
    images.sort();
    let mut pages = Vec::with_capacity(images.len());
    for (i, image) in images.iter().enumerate() {
        pages.push(ocr_image(image).map_err(|m| err(format!("OCR of page {}: {m}", i + 1)))?);
    }
    let text = super::pdf::join_pages(&pages);
    if text.trim().is_empty() {
        return Err(err(
            "PDF without a text layer, and OCR found no text in it, skipped".into(),
        ));
    }
    Ok(text)
}

/// Tesseract's text of one image.
fn ocr_image(image: &Path) -> std::result::Result<String, String> {
    let out = Command::new("tesseract")
        .arg(image)
        .arg("stdout")
        .args(["-l", "eng"])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("running tesseract: {e}"))?;
    if !out.status.success() {
        return Err(format!("tesseract failed: {}", first_line(&out.stderr)));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    // Tesseract ends a page with a form feed; lines of a paragraph are kept
    Ok(text.replace('\u{c}', "\n"))
}

fn first_line(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("(no message)")
        .trim()
        .to_string()
}
