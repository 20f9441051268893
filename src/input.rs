//! Reading inputs: paths (files, folders, `-` for standard input) turned into
//! [`Document`]s, one at a time.
//!
//! [`Documents`] is a streaming iterator: it holds at most one document (and,
//! for JSON Lines, one line) in memory, so a corpus of any size can be read.
//!
//! | input | how it is read |
//! |---|---|
//! | folder | recursively, children in sorted (byte-wise) name order; hidden entries (`.name`) skipped |
//! | `.txt`, `.md`, `.markdown`, `.text`, other names | UTF-8 text; a first line `date YYYY-MM-DD` sets the date |
//! | `.html`, `.htm`, `.xhtml` | the main content (see [`html`]: navigation, sidebars, footers and banners left out); `og:title` or `<title>` and the meta date; offsets refer to the text |
//! | `.pdf` | the text layer (`unpdf`), running headers, footers and page numbers left out (see [`pdf`]); a scan is read by OCR when Tesseract is installed (see [`ocr`]), unless [`InputOptions::ocr`] is off |
//! | `.docx` | paragraphs, tables one row a line, headers and footers apart; core properties' title and date (see [`docx`]) |
//! | `.jsonl`, `.ndjson` | one document per line: `{"id", "title", "date", "text"}` (a title's twice-escaped characters such as `\u2019` are read, its white space runs one space); a bad line is an error naming `FILE:LINE`, the other lines go on |
//! | `-` | standard input, as text |
//!
//! Bad inputs are yielded as `Err` items and the iterator goes on with the
//! next input: missing paths, empty files, binary files (a NUL byte), invalid
//! UTF-8 (error with the byte offset of the first invalid byte), and documents
//! over [`InputOptions::max_document_bytes`] (64 MiB by default).

use std::cell::{Cell, RefCell};
use std::collections::{HashSet, VecDeque};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::model::{header_date, Date, Document};

mod docx;
pub mod html;
pub mod ocr;
mod pdf;

pub use html::{html_page, HtmlPage};
pub use ocr::ocr_available;

/// The default limit on one document's size: 64 MiB.
pub const MAX_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;

/// How inputs are read.
#[derive(Debug, Clone)]
pub struct InputOptions {
    /// Overrides every document's date (`--date`).
    pub date: Option<Date>,
    /// Larger documents (files, JSON Lines rows, standard input) are rejected.
    pub max_document_bytes: usize,
    /// Scans (PDFs without a text layer) are read by OCR (on by default; `--no-ocr`).
    pub ocr: bool,
}

impl Default for InputOptions {
    fn default() -> Self {
        Self {
            date: None,
            max_document_bytes: MAX_DOCUMENT_BYTES,
            ocr: true,
        }
    }
}

/// How a file is read, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Plain text (also Markdown, and any unknown extension that is not binary).
    Text,
    /// HTML: the main content of the page (see [`html`]).
    Html,
    /// PDF, through its text layer (or OCR for a scan).
    Pdf,
    /// Word (Office Open XML).
    Docx,
    /// JSON Lines, one document per line.
    JsonLines,
}

impl Kind {
    /// The kind of a path, by its (case-insensitive) extension.
    pub fn of(path: &Path) -> Self {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" | "xhtml" => Self::Html,
            "pdf" => Self::Pdf,
            "docx" => Self::Docx,
            "jsonl" | "ndjson" => Self::JsonLines,
            _ => Self::Text,
        }
    }
}

/// The input bytes a [`Documents`] iterator has read so far, readable from
/// any thread (for progress bars; compare with [`total_bytes`]).
#[derive(Debug, Clone, Default)]
pub struct BytesRead(Arc<AtomicU64>);

impl BytesRead {
    /// The bytes read so far.
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }

    fn add(&self, n: u64) {
        self.0.fetch_add(n, Ordering::Relaxed);
    }
}

/// A reader that counts what it reads into a [`BytesRead`].
struct Counting<R> {
    inner: R,
    read: BytesRead,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.add(n as u64);
        Ok(n)
    }
}

/// The total size in bytes of the files [`documents`] would read from
/// `paths` (folders walked the same way), or `None` when one input is
/// standard input. Paths that cannot be read count 0 (the reader reports them).
pub fn total_bytes<I, P>(paths: I) -> Option<u64>
where
    I: IntoIterator<Item = P>,
    P: Into<PathBuf>,
{
    let mut stack: Vec<PathBuf> = paths.into_iter().map(Into::into).collect();
    if stack.iter().any(|p| p.as_os_str() == "-") {
        return None;
    }
    let mut seen_dirs = HashSet::new();
    let mut total = 0u64;
    while let Some(path) = stack.pop() {
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if !meta.is_dir() {
            total += meta.len();
            continue;
        }
        // a folder that cannot be listed counts 0 (the reader reports it)
        let children = visible_children(&path, &mut seen_dirs).unwrap_or_default();
        stack.extend(children.into_iter().map(|name| path.join(name)));
    }
    Some(total)
}

/// Reads `paths` as documents, streaming. See the module documentation.
pub fn documents<I, P>(paths: I, options: InputOptions) -> Documents
where
    I: IntoIterator<Item = P>,
    P: Into<PathBuf>,
{
    Documents {
        queue: paths
            .into_iter()
            .map(|p| Pending {
                path: p.into(),
                top: true,
            })
            .collect(),
        lines: None,
        options,
        seen_dirs: HashSet::new(),
        read: BytesRead::default(),
    }
}

#[derive(Debug)]
struct Pending {
    path: PathBuf,
    /// Given by the user (rather than found in a folder).
    top: bool,
}

/// The current JSON Lines file.
struct Lines {
    source: String,
    reader: Box<dyn BufRead + Send>,
    line: usize,
    done: bool,
}

impl std::fmt::Debug for Lines {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lines")
            .field("source", &self.source)
            .field("line", &self.line)
            .finish()
    }
}

/// A streaming iterator of documents (or of the errors of bad inputs). See [`documents`].
#[derive(Debug)]
pub struct Documents {
    queue: VecDeque<Pending>,
    lines: Option<Lines>,
    options: InputOptions,
    seen_dirs: HashSet<PathBuf>,
    read: BytesRead,
}

impl Iterator for Documents {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(lines) = &mut self.lines {
                match next_row(lines, &self.options) {
                    Some(item) => return Some(item.map(|d| self.with_date(d))),
                    None => self.lines = None,
                }
            }
            let Pending { path, top } = self.queue.pop_front()?;
            if path.as_os_str() == "-" && top {
                return Some(read_stdin(&self.options).map(|d| self.with_date(d)));
            }
            let meta = match std::fs::metadata(&path) {
                Ok(m) => m,
                Err(source) => return Some(Err(Error::Io { path, source })),
            };
            if meta.is_dir() {
                if let Err(e) = self.expand(&path) {
                    return Some(Err(e));
                }
                continue;
            }
            let source = path.to_string_lossy().into_owned();
            if Kind::of(&path) == Kind::JsonLines {
                match File::open(&path) {
                    Ok(f) => {
                        self.lines = Some(Lines {
                            source,
                            reader: Box::new(BufReader::with_capacity(
                                1 << 16,
                                Counting {
                                    inner: f,
                                    read: self.read.clone(),
                                },
                            )),
                            line: 0,
                            done: false,
                        })
                    }
                    Err(source) => return Some(Err(Error::Io { path, source })),
                }
                continue;
            }
            self.read.add(meta.len());
            if meta.len() > self.options.max_document_bytes as u64 {
                return Some(Err(too_big(
                    &source,
                    meta.len(),
                    self.options.max_document_bytes,
                )));
            }
            let item = std::fs::read(&path)
                .map_err(|e| Error::Io {
                    path: path.clone(),
                    source: e,
                })
                .and_then(|bytes| decode_with(&source, Kind::of(&path), &bytes, &self.options));
            return Some(item.map(|d| self.with_date(d)));
        }
    }
}

impl Documents {
    /// A handle on the input bytes read so far, for progress reports.
    pub fn bytes_read(&self) -> BytesRead {
        self.read.clone()
    }

    fn with_date(&self, mut doc: Document) -> Document {
        if let Some(date) = self.options.date {
            doc.date = Some(date);
        }
        doc
    }

    /// Queues a folder's children (sorted, hidden ones skipped) in front of the queue.
    fn expand(&mut self, dir: &Path) -> Result<()> {
        let children = visible_children(dir, &mut self.seen_dirs).map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        for name in children.into_iter().rev() {
            self.queue.push_front(Pending {
                path: dir.join(name),
                top: false,
            });
        }
        Ok(())
    }
}

/// The names of a folder's children that are read (hidden ones, `.name`,
/// skipped), in sorted byte-wise order; none when the real folder was already
/// visited (symbolic links may form loops).
fn visible_children(
    dir: &Path,
    seen_dirs: &mut HashSet<PathBuf>,
) -> std::io::Result<Vec<std::ffi::OsString>> {
    if !seen_dirs.insert(std::fs::canonicalize(dir)?) {
        return Ok(Vec::new());
    }
    let mut children = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let name = entry?.file_name();
        if !name.to_string_lossy().starts_with('.') {
            children.push(name);
        }
    }
    children.sort();
    Ok(children)
}

fn too_big(source: &str, len: u64, max: usize) -> Error {
    Error::Input {
        path: source.to_string(),
        message: format!(
            "document is {len} bytes, over the limit of {max} bytes per document ({} MiB); split it, or use JSON Lines with one document per line",
            max / (1024 * 1024)
        ),
    }
}

/// Decodes the bytes of one file (not JSON Lines) into a document, with the
/// default [`InputOptions`] (OCR on).
pub fn decode(source: &str, kind: Kind, bytes: &[u8]) -> Result<Document> {
    decode_with(source, kind, bytes, &InputOptions::default())
}

/// Decodes the bytes of one file (not JSON Lines) into a document.
pub fn decode_with(
    source: &str,
    kind: Kind,
    bytes: &[u8],
    options: &InputOptions,
) -> Result<Document> {
    let err = |message: String| Error::Input {
        path: source.to_string(),
        message,
    };
    match kind {
        Kind::Pdf => return pdf::pdf_document(source, bytes, options),
        Kind::Docx => {
            return guarded(|| docx::docx_document(source, bytes)).map_err(|m| {
                err(format!(
                    "unreadable Word file ({}), skipped",
                    reader_failed(&m)
                ))
            })?
        }
        _ => {}
    }
    let text = decode_text(source, bytes)?;
    match kind {
        Kind::Html => {
            let page = guarded(|| html_page(&text)).map_err(|m| {
                err(format!(
                    "unreadable HTML page ({}), skipped",
                    reader_failed(&m)
                ))
            })?;
            if page.text.trim().is_empty() {
                return Err(err("HTML page without text, skipped".into()));
            }
            let date = page.date.or_else(|| header_date(&page.text));
            Ok(Document {
                source: source.to_string(),
                title: page.title,
                date,
                text: page.text,
                ocr: false,
            })
        }
        _ => Ok(Document::from_text(source, text)),
    }
}

thread_local! {
    /// How many [`guarded`] calls are running on this thread.
    static GUARDED: Cell<u32> = const { Cell::new(0) };
    /// The last panic caught on this thread inside [`guarded`], with its location.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `work` (a third-party reader, or the extractor on one document),
/// turning a panic into its one-line description ("message at file:line").
/// The panic's own message and backtrace are not printed when
/// [`quiet_reader_panics`] was called.
pub(crate) fn guarded<T>(work: impl FnOnce() -> T) -> std::result::Result<T, String> {
    GUARDED.with(|g| g.set(g.get() + 1));
    LAST_PANIC.with(|p| p.borrow_mut().take());
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
    GUARDED.with(|g| g.set(g.get().saturating_sub(1)));
    result.map_err(|payload| {
        LAST_PANIC
            .with(|p| p.borrow_mut().take())
            .unwrap_or_else(|| panic_message(payload.as_ref()))
    })
}

/// The first line of a panic's payload, when it is a string.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    what.lines().next().unwrap_or("").trim().to_string()
}

/// The error text for a reader that panicked, from [`guarded`]'s description.
pub(crate) fn reader_failed(what: &str) -> String {
    if what.is_empty() {
        "the reader failed on it".to_string()
    } else {
        format!("the reader failed on it: {what}")
    }
}

/// Installs (once) a panic hook that keeps quiet about panics inside
/// [`guarded`] work (third-party readers: PDF, HTML, Word parsers; and the
/// extractor on one document), which become one error line naming the file
/// instead; any other panic is reported by the previous hook. For programs:
/// the library itself never installs it.
pub fn quiet_reader_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if GUARDED.with(Cell::get) > 0 {
                let mut what = panic_message(info.payload());
                if let Some(at) = info.location() {
                    what = format!("{what} (at {}:{})", at.file(), at.line());
                }
                LAST_PANIC.with(|p| *p.borrow_mut() = Some(what));
                return;
            }
            previous(info);
        }));
    });
}

/// Checks and decodes text bytes: not empty, no NUL byte, valid UTF-8 (a BOM is dropped).
pub fn decode_text(source: &str, bytes: &[u8]) -> Result<String> {
    let err = |message: String| Error::Input {
        path: source.to_string(),
        message,
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(err("empty file, skipped".into()));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(err(format!(
            "binary file (NUL byte at byte offset {at}), skipped"
        )));
    }
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(err(format!(
            "invalid UTF-8 at byte offset {}; memograph reads UTF-8 only (convert it first, e.g. `iconv -f latin1 -t utf-8`), skipped",
            e.valid_up_to()
        ))),
    }
}

fn read_stdin(options: &InputOptions) -> Result<Document> {
    let mut bytes = Vec::new();
    let limit = options.max_document_bytes as u64 + 1;
    std::io::stdin()
        .lock()
        .take(limit)
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io {
            path: PathBuf::from("-"),
            source,
        })?;
    if bytes.len() as u64 >= limit {
        return Err(too_big("-", bytes.len() as u64, options.max_document_bytes));
    }
    decode("-", Kind::Text, &bytes)
}

/// One JSON Lines row.
#[derive(Debug, serde::Deserialize)]
struct Row {
    id: Option<serde_json::Value>,
    title: Option<String>,
    date: Option<String>,
    text: String,
}

/// The next document (or bad row) of a JSON Lines file; `None` at its end.
fn next_row(lines: &mut Lines, options: &InputOptions) -> Option<Result<Document>> {
    if lines.done {
        return None;
    }
    let mut buf = Vec::new();
    loop {
        buf.clear();
        lines.line += 1;
        let at = format!("{}:{}", lines.source, lines.line);
        let err = |message: String| Error::Input {
            path: at.clone(),
            message,
        };
        let limit = options.max_document_bytes as u64 + 1;
        match (&mut lines.reader).take(limit).read_until(b'\n', &mut buf) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(e) => {
                lines.done = true;
                return Some(Err(Error::Io {
                    path: PathBuf::from(&lines.source),
                    source: e,
                }));
            }
        }
        if buf.len() as u64 >= limit && buf.last() != Some(&b'\n') {
            // Skip the rest of the over-long line without holding it.
            let mut skipped = buf.len() as u64;
            while let Ok(chunk) = lines.reader.fill_buf() {
                if chunk.is_empty() {
                    break;
                }
                match chunk.iter().position(|&b| b == b'\n') {
                    Some(i) => {
                        skipped += i as u64;
                        lines.reader.consume(i + 1);
                        break;
                    }
                    None => {
                        let n = chunk.len();
                        skipped += n as u64;
                        lines.reader.consume(n);
                    }
                }
            }
            return Some(Err(too_big(&at, skipped, options.max_document_bytes)));
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let row: Row = match serde_json::from_slice(&buf) {
            Ok(r) => r,
            Err(e) => return Some(Err(err(format!("bad JSON Lines row: {e}")))),
        };
        let date = match row.date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            None => None,
            Some(d) => match Date::parse_iso(d) {
                Some(date) => Some(date),
                None => {
                    return Some(Err(err(format!(
                        "bad date {d:?} (expected YYYY, YYYY-MM or YYYY-MM-DD)"
                    ))))
                }
            },
        };
        if row.text.trim().is_empty() {
            return Some(Err(err("empty text, skipped".into())));
        }
        let id = match row.id {
            Some(serde_json::Value::String(s)) if !s.is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => format!("line-{}", lines.line),
        };
        let mut doc = Document::from_text(format!("{}#{id}", lines.source), row.text);
        // (scraped titles may carry twice-escaped characters: "Nation\\u2019s")
        doc.title = row
            .title
            .map(|t| crate::extract::resolve::printed_words(&t))
            .filter(|t| !t.is_empty());
        if date.is_some() {
            doc.date = date;
        }
        return Some(Ok(doc));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn guarded_work_turns_a_panic_into_one_line() {
        quiet_reader_panics();
        assert_eq!(guarded(|| 7), Ok(7));
        let what = guarded(|| -> u8 { panic!("boom\nsecond line") }).unwrap_err();
        assert!(what.starts_with("boom (at src/input.rs:"), "{what}");
        assert!(!what.contains("second line"), "{what}");
        // the next guarded call does not see the earlier panic
        assert_eq!(guarded(|| "ok"), Ok("ok"));
        assert_eq!(reader_failed(""), "the reader failed on it");
        assert_eq!(reader_failed("x"), "the reader failed on it: x");
    }

    #[test]
    fn text_decoding_errors() {
        for (name, bytes, want) in [
            ("empty", &b""[..], "empty file"),
            ("whitespace only", &b" \n\t"[..], "empty file"),
            ("binary", &b"abc\0def"[..], "NUL byte at byte offset 3"),
            (
                "invalid utf-8",
                &b"caf\xe9 au lait"[..],
                "invalid UTF-8 at byte offset 3",
            ),
        ] {
            let e = decode_text("f.txt", bytes).expect_err(name).to_string();
            assert!(e.contains(want) && e.starts_with("f.txt: "), "{name}: {e}");
        }
        assert_eq!(
            decode_text("f", "\u{feff}hi".as_bytes()).unwrap(),
            "hi",
            "BOM dropped"
        );
    }

    #[test]
    fn kinds() {
        for (path, kind) in [
            ("a.txt", Kind::Text),
            ("a.MD", Kind::Text),
            ("a.HTM", Kind::Html),
            ("a.html", Kind::Html),
            ("x/a.pdf", Kind::Pdf),
            ("memo.DOCX", Kind::Docx),
            ("a.jsonl", Kind::JsonLines),
            ("README", Kind::Text),
        ] {
            assert_eq!(Kind::of(Path::new(path)), kind, "{path}");
        }
    }

    #[test]
    fn folders_are_walked_in_sorted_order_and_bad_files_reported() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("sub")).unwrap();
        std::fs::write(d.join("b.txt"), "date 2020-01-02 Bee").unwrap();
        std::fs::write(d.join("a.md"), "Ay").unwrap();
        std::fs::write(d.join("sub/c.html"), "<title>T</title><p>Sea &amp; sky</p>").unwrap();
        std::fs::write(d.join("empty.txt"), "").unwrap();
        std::fs::write(d.join("logo.png"), b"\x89PNG\0\0").unwrap();
        std::fs::write(d.join(".hidden.txt"), "secret").unwrap();
        let mut rows = std::fs::File::create(d.join("z.jsonl")).unwrap();
        writeln!(
            rows,
            r#"{{"id": "r1", "title": "Row\\u2019s  \\u2060one", "date": "2019-05", "text": "first"}}"#
        )
        .unwrap();
        writeln!(rows, "not json").unwrap();
        writeln!(rows).unwrap();
        writeln!(rows, r#"{{"text": "third"}}"#).unwrap();
        drop(rows);
        let mut reader = documents([d], InputOptions::default());
        let read = reader.bytes_read();
        assert_eq!(read.get(), 0);
        let got: Vec<_> = reader.by_ref().collect();
        // Progress: every byte of every visible file was read, hidden ones not.
        let total = total_bytes([d]).unwrap();
        assert_eq!(read.get(), total);
        assert_eq!(total, dir_size(d) - "secret".len() as u64);
        assert_eq!(total_bytes([d.to_path_buf(), PathBuf::from("-")]), None);
        let show: Vec<String> = got
            .iter()
            .map(|r| match r {
                Ok(doc) => format!(
                    "ok {} {:?}",
                    doc.source
                        .strip_prefix(&*d.to_string_lossy())
                        .unwrap_or(&doc.source),
                    doc.text
                ),
                Err(e) => format!("err {}", e.to_string().replace(&*d.to_string_lossy(), "")),
            })
            .collect();
        let want = [
            "ok /a.md \"Ay\"",
            "ok /b.txt \"date 2020-01-02 Bee\"",
            "err /empty.txt: empty file, skipped",
            "err /logo.png: binary file (NUL byte at byte offset 4), skipped",
            "ok /sub/c.html \"Sea & sky\"",
            "ok /z.jsonl#r1 \"first\"",
            "err /z.jsonl:2: bad JSON Lines row",
            "ok /z.jsonl#line-4 \"third\"",
        ];
        assert_eq!(show.len(), want.len(), "{show:#?}");
        for (g, w) in show.iter().zip(want) {
            assert!(g.starts_with(w), "got {g:?}, want {w:?}");
        }
        let docs: Vec<Document> = got.into_iter().filter_map(|r| r.ok()).collect();
        assert_eq!(docs[1].date, Date::ymd(2020, 1, 2));
        assert_eq!(docs[2].title.as_deref(), Some("T"));
        // (a scraped title's twice-escaped characters are read, invisible ones dropped)
        assert_eq!(docs[3].title.as_deref(), Some("Row\u{2019}s one"));
        assert_eq!(docs[3].date, Date::ym(2019, 5));
    }

    /// The size of every file under `dir`, hidden or not.
    fn dir_size(dir: &Path) -> u64 {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                if e.file_type().unwrap().is_dir() {
                    dir_size(&e.path())
                } else {
                    e.metadata().unwrap().len()
                }
            })
            .sum()
    }

    #[test]
    fn date_override_and_limits() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a.txt");
        std::fs::write(&f, "date 2020-01-02 text").unwrap();
        let date = Date::ymd(2001, 9, 11);
        let docs: Vec<_> = documents(
            [&f],
            InputOptions {
                date,
                ..Default::default()
            },
        )
        .collect();
        assert_eq!(docs[0].as_ref().unwrap().date, date);

        let small = InputOptions {
            max_document_bytes: 10,
            ..Default::default()
        };
        let big = dir.path().join("big.txt");
        std::fs::write(&big, "x".repeat(11)).unwrap();
        let e = documents([&big], small)
            .next()
            .unwrap()
            .unwrap_err()
            .to_string();
        assert!(e.contains("over the limit of 10 bytes"), "{e}");

        let rows = dir.path().join("r.jsonl");
        std::fs::write(
            &rows,
            format!(
                "{{\"text\": \"{}\"}}\n{{\"text\": \"ok\"}}\n",
                "y".repeat(50)
            ),
        )
        .unwrap();
        let lines = InputOptions {
            max_document_bytes: 16,
            ..Default::default()
        };
        let got: Vec<_> = documents([&rows], lines).collect();
        assert!(
            got[0]
                .as_ref()
                .unwrap_err()
                .to_string()
                .contains("r.jsonl:1: document is"),
            "{got:?}"
        );
        assert_eq!(
            got[1].as_ref().unwrap().text,
            "ok",
            "the line after an over-long one is read"
        );
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn missing_path_is_an_error_and_the_rest_go_on() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("g.txt");
        std::fs::write(&good, "good").unwrap();
        let got: Vec<_> =
            documents([dir.path().join("nope.txt"), good], InputOptions::default()).collect();
        assert!(got[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("nope.txt"));
        assert_eq!(got[1].as_ref().unwrap().text, "good");
    }

    /// A one-page PDF whose page content stream is `content` (Helvetica as F1).
    fn pdf(content: &str) -> Vec<u8> {
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
            format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_string(),
        ];
        let mut out = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, o) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
        }
        let xref = out.len();
        out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
        for off in offsets {
            out.extend(format!("{off:010} 00000 n \n").as_bytes());
        }
        out.extend(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .as_bytes(),
        );
        out
    }

    #[test]
    fn pdf_text_layer_is_read_and_a_scan_is_an_error() {
        let doc = decode(
            "memo.pdf",
            Kind::Pdf,
            &pdf("BT /F1 24 Tf 72 700 Td (Department of Homeland Security) Tj ET"),
        )
        .unwrap();
        assert!(
            doc.text.contains("Department of Homeland Security"),
            "{:?}",
            doc.text
        );
        let e = decode("scan.pdf", Kind::Pdf, &pdf("0 0 100 100 re f"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("scan.pdf: PDF without a text layer"), "{e}");
        let no_ocr = InputOptions {
            ocr: false,
            ..Default::default()
        };
        let e = decode_with("scan.pdf", Kind::Pdf, &pdf("0 0 100 100 re f"), &no_ocr)
            .unwrap_err()
            .to_string();
        assert!(e.contains("OCR is off (--no-ocr)"), "{e}");
        // bytes before the header (a stray line) are skipped, as poppler does
        let mut late = b"%%EOF\r\n".to_vec();
        late.extend(pdf("BT /F1 24 Tf 72 700 Td (Late header) Tj ET"));
        assert!(decode("late.pdf", Kind::Pdf, &late)
            .unwrap()
            .text
            .contains("Late header"));
    }

    #[test]
    fn pdf_without_text_is_an_error() {
        let e = decode("scan.pdf", Kind::Pdf, b"%PDF-1.4 garbage")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("scan.pdf: "), "{e}");
    }
}
