//! Web pages: parsed by html5ever (through `scraper`), the main content kept
//! and the page's furniture left out, in the spirit of Mozilla's Readability:
//!
//! - the content root is the page's `<main>` (or `role="main"`), else its
//!   only `<article>`, else the whole body;
//! - left out everywhere: `nav`, `aside`, `menu`, `form`, `dialog`,
//!   scripts, styles, frames and buttons; page-level `header` and `footer`
//!   (a `header` inside the article stays); ARIA landmarks and widgets
//!   (`navigation`, `banner`, `contentinfo`, `complementary`, `search`,
//!   `menu`, `dialog`, `alert`...); hidden elements; elements whose `class`
//!   or `id` names furniture (cookie banners, breadcrumbs, menus, sidebars,
//!   share bars, "related" boxes...), unless it also names content;
//! - lists, tables and blocks whose text is mostly links (link density over
//!   one half, under 200 characters of other text): menus and link farms.
//!
//! The title is `og:title`, else `<title>`; the date is the first of the
//! `article:published_time`, `DC.date`, `DC.date.issued`, `dcterms.date`,
//! `dcterms.issued`, `date` meta tags that holds an ISO date.

use std::collections::HashMap;
use std::sync::OnceLock;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use regex::Regex;
use scraper::{Html, Node};

use crate::model::Date;

/// What is read from a web page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HtmlPage {
    /// The main content as text: blocks separated by a blank line, list items
    /// and table rows by a line break, table cells by a tab.
    pub text: String,
    /// `og:title`, else `<title>`, spaces collapsed.
    pub title: Option<String>,
    /// The publication date from the page's meta tags.
    pub date: Option<Date>,
}

/// Reads a web page: its main content, title and date. Never fails:
/// malformed markup is read as browsers read it.
pub fn html_page(html: &str) -> HtmlPage {
    let doc = Html::parse_document(html);
    let (title, date) = meta(&doc);
    let root = content_root(&doc);
    let sizes = text_sizes(doc.tree.root());
    let mut text = render(root, &sizes);
    if text.is_empty() && root.id() != doc.tree.root().id() {
        text = render(doc.tree.root(), &sizes);
    }
    HtmlPage { text, title, date }
}

fn element_name<'a>(node: &NodeRef<'a, Node>) -> Option<&'a str> {
    node.value().as_element().map(|e| e.name())
}

fn meta(doc: &Html) -> (Option<String>, Option<Date>) {
    let mut title_tag = None;
    let mut og_title = None;
    let mut dates: Vec<(usize, Date)> = Vec::new();
    const DATE_KEYS: [&str; 6] = [
        "article:published_time",
        "dc.date",
        "dc.date.issued",
        "dcterms.date",
        "dcterms.issued",
        "date",
    ];
    for node in doc.tree.root().descendants() {
        let Some(e) = node.value().as_element() else {
            continue;
        };
        match e.name() {
            "title" if title_tag.is_none() => {
                let t: String = node
                    .descendants()
                    .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
                    .collect();
                title_tag = collapse(&t);
            }
            "meta" => {
                let key = e
                    .attr("property")
                    .or_else(|| e.attr("name"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let content = e.attr("content").unwrap_or("");
                if key == "og:title" && og_title.is_none() {
                    og_title = collapse(content);
                } else if let Some(rank) = DATE_KEYS.iter().position(|k| *k == key) {
                    let iso = content.trim().get(..10).map(|s| s.replace('/', "-"));
                    if let Some(d) = iso.as_deref().and_then(Date::parse_iso) {
                        dates.push((rank, d));
                    }
                }
            }
            _ => {}
        }
    }
    dates.sort_by_key(|(rank, _)| *rank);
    (og_title.or(title_tag), dates.first().map(|(_, d)| *d))
}

fn collapse(s: &str) -> Option<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

/// `<main>` or `role="main"`, else the only `<article>`, else the document.
fn content_root(doc: &Html) -> NodeRef<'_, Node> {
    let mut articles = Vec::new();
    for node in doc.tree.root().descendants() {
        let Some(e) = node.value().as_element() else {
            continue;
        };
        if e.name() == "main"
            || e.attr("role")
                .is_some_and(|r| r.eq_ignore_ascii_case("main"))
        {
            return node;
        }
        if e.name() == "article" {
            articles.push(node);
        }
    }
    match articles.as_slice() {
        [one] => *one,
        _ => doc.tree.root(),
    }
}

/// Characters of text and of link text under each element.
fn text_sizes(root: NodeRef<'_, Node>) -> HashMap<NodeId, (usize, usize)> {
    let mut sizes = HashMap::new();
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let mut in_link = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    if e.name() == "a" {
                        in_link += 1;
                    }
                    stack.push((0, 0));
                }
                Node::Text(t) => {
                    let n = t.chars().filter(|c| !c.is_whitespace()).count();
                    if let Some(top) = stack.last_mut() {
                        top.0 += n;
                        if in_link > 0 {
                            top.1 += n;
                        }
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if e.name() == "a" {
                        in_link = in_link.saturating_sub(1);
                    }
                    let mine = stack.pop().unwrap_or_default();
                    if let Some(parent) = stack.last_mut() {
                        parent.0 += mine.0;
                        parent.1 += mine.1;
                    }
                    sizes.insert(node.id(), mine);
                }
            }
        }
    }
    sizes
}

/// Class or id words that name page furniture, whatever else they say.
fn furniture_always() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"cookie|consent|gdpr|breadcrumb|skip-?link|skipnav|newsletter|subscribe|share|social|usa-banner|usa-nav|usa-footer|usa-identifier|site-header|site-footer|masthead|navbar|menu")
            .expect("a valid regular expression")
    })
}

/// Class or id words that name furniture unless content words are there too
/// (Readability's unlikely candidates).
fn furniture_maybe() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(^|[^a-z])(nav|navigation)([^a-z]|$)|-ad-|banner|combx|comment|community|disqus|extra|footer|header|legends|related|remark|replies|rss|shoutbox|sidebar|skyscraper|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|modal|toolbar|utility|alert")
            .expect("a valid regular expression")
    })
}

fn content_words() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"article|body|column|content|main|shadow|story|post|entry|text")
            .expect("a valid regular expression")
    })
}

/// Whether an element (and all it holds) is page furniture.
fn is_furniture(node: &NodeRef<'_, Node>, sizes: &HashMap<NodeId, (usize, usize)>) -> bool {
    let Some(e) = node.value().as_element() else {
        return false;
    };
    let name = e.name();
    if matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "iframe"
            | "svg"
            | "canvas"
            | "button"
            | "select"
            | "textarea"
            | "input"
            | "nav"
            | "aside"
            | "menu"
            | "form"
            | "dialog"
            | "object"
            | "embed"
            | "head"
    ) {
        return true;
    }
    if matches!(name, "header" | "footer") {
        let in_article = node.ancestors().any(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| matches!(e.name(), "article" | "main"))
        });
        if name == "footer" || !in_article {
            return true;
        }
    }
    if e.attr("hidden").is_some()
        || e.attr("aria-hidden")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
        || e.attr("style").is_some_and(|s| {
            let s = s.to_ascii_lowercase().replace(' ', "");
            s.contains("display:none") || s.contains("visibility:hidden")
        })
    {
        return true;
    }
    if let Some(role) = e.attr("role") {
        let role = role.to_ascii_lowercase();
        if matches!(
            role.as_str(),
            "navigation"
                | "banner"
                | "contentinfo"
                | "complementary"
                | "search"
                | "menu"
                | "menubar"
                | "dialog"
                | "alertdialog"
                | "alert"
                | "toolbar"
        ) {
            return true;
        }
    }
    if !matches!(name, "html" | "body" | "main" | "article") {
        let cues = format!(
            "{} {}",
            e.attr("class").unwrap_or(""),
            e.attr("id").unwrap_or("")
        )
        .to_ascii_lowercase();
        if !cues.trim().is_empty()
            && (furniture_always().is_match(&cues)
                || (furniture_maybe().is_match(&cues) && !content_words().is_match(&cues)))
        {
            return true;
        }
    }
    if matches!(
        name,
        "ul" | "ol" | "div" | "section" | "table" | "dl" | "p" | "span"
    ) {
        if let Some(&(text, links)) = sizes.get(&node.id()) {
            if text > 0 && links * 2 > text && text - links < 200 {
                return true;
            }
        }
    }
    false
}

/// The text of the content under `root`, furniture left out.
fn render(root: NodeRef<'_, Node>, sizes: &HashMap<NodeId, (usize, usize)>) -> String {
    let mut out = Text::default();
    let mut skip: Option<NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => out.push(t, out.pre > 0),
                    Node::Element(_) => {
                        if node.id() != root.id() && is_furniture(&node, sizes) {
                            skip = Some(node.id());
                            continue;
                        }
                        let name = element_name(&node).unwrap_or("");
                        match name {
                            "br" => out.newline(),
                            "pre" => {
                                out.pre += 1;
                                out.block(false);
                            }
                            "td" | "th" => out.cell(),
                            _ => out.open_block(name),
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skip == Some(node.id()) {
                    skip = None;
                    continue;
                }
                if skip.is_some() {
                    continue;
                }
                if let Some(name) = element_name(&node) {
                    if name == "pre" {
                        out.pre = out.pre.saturating_sub(1);
                        out.block(false);
                    } else {
                        out.open_block(name);
                    }
                }
            }
        }
    }
    out.finish()
}

/// Text being written, with block breaks and collapsed spaces.
#[derive(Default)]
struct Text {
    out: String,
    pre: usize,
}

impl Text {
    fn push(&mut self, raw: &str, pre: bool) {
        if pre {
            self.out.push_str(raw);
            return;
        }
        for c in raw.chars() {
            if c.is_whitespace() && c != '\u{a0}' {
                if !self.out.is_empty() && !self.out.ends_with([' ', '\n', '\t']) {
                    self.out.push(' ');
                }
            } else {
                self.out.push(c);
            }
        }
    }

    fn trim_spaces(&mut self) {
        let len = self.out.trim_end_matches([' ', '\t']).len();
        self.out.truncate(len);
    }

    fn newline(&mut self) {
        self.trim_spaces();
        self.out.push('\n');
    }

    fn cell(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with(['\n', ' ', '\t']) {
            self.out.push('\t');
        }
    }

    /// A break at the start or end of a block element.
    fn open_block(&mut self, name: &str) {
        match name {
            "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol" | "table"
            | "blockquote" | "section" | "article" | "header" | "main" | "figure" | "hr" | "dl"
            | "address" | "body" => self.block(true),
            "li" | "tr" | "dt" | "dd" | "caption" | "figcaption" => self.block(false),
            _ => {}
        }
    }

    /// Ends the current line; with `paragraph`, leaves one blank line.
    fn block(&mut self, paragraph: bool) {
        self.trim_spaces();
        if self.out.is_empty() {
            return;
        }
        let want = if paragraph { "\n\n" } else { "\n" };
        while !self.out.ends_with(want) && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    fn finish(self) -> String {
        self.out.trim().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_layout() {
        for (name, html, want) in [
            ("paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
            (
                "entities",
                "<p>A &amp; B &#8217;s &#x2014; &lt;x&gt; &</p>",
                "A & B ’s — <x> &",
            ),
            (
                "script and style dropped",
                "<script>var a = '<p>';</script><style>p{}</style><p>Text</p>",
                "Text",
            ),
            ("comments dropped", "a<!-- hidden <p> -->b", "ab"),
            (
                "br and li",
                "x<br>y<ul><li>one</li><li>two</li></ul>",
                "x\ny\n\none\ntwo",
            ),
            ("whitespace collapsed", "<div>  a \n\n  b  </div>", "a b"),
            ("pre kept", "<pre>a\n  b</pre>", "a\n  b"),
            ("table rows", "<table><tr><td>FROM:</td><td>Jane Doe</td></tr><tr><td>TO:</td><td>All</td></tr></table>", "FROM:\tJane Doe\nTO:\tAll"),
            ("unterminated", "<p>text <b", "text"),
        ] {
            assert_eq!(html_page(html).text, want, "{name}");
        }
    }

    #[test]
    fn furniture_is_left_out_and_meta_read() {
        let html = r#"<html><head><title>Memo | Agency</title>
            <meta property="og:title" content="The  Morton memo">
            <meta name="DC.date" content="2011-06-17"></head><body>
            <div class="usa-banner">An official website of the United States government</div>
            <header><a href="/">Department of Energy</a></header>
            <nav><ul><li><a href="/a">Bureau of Land Management</a></li></ul></nav>
            <div id="cookie-consent">We use cookies. <button>OK</button></div>
            <div class="content"><h1>Exercising discretion</h1>
            <p>The Director of U.S. Immigration and Customs Enforcement issued guidance.</p>
            <ul class="links"><li><a href="/1">Federal Aviation Administration</a></li><li><a href="/2">Peace Corps</a></li></ul>
            </div>
            <aside><h2>Related agencies</h2><p>Small Business Administration</p></aside>
            <div class="sidebar">National Park Service</div>
            <footer>Office of Inspector General | Privacy</footer></body></html>"#;
        let page = html_page(html);
        assert_eq!(
            page.text,
            "Exercising discretion\n\nThe Director of U.S. Immigration and Customs Enforcement issued guidance."
        );
        assert_eq!(page.title.as_deref(), Some("The Morton memo"));
        assert_eq!(page.date, Date::ymd(2011, 6, 17));
        // <main> is the content root; a header inside the article stays
        let page = html_page(
            "<title>T</title><p>Outside</p><main><article><header><h1>Head</h1></header><p>Body</p></article></main>",
        );
        assert_eq!(page.text, "Head\n\nBody");
        assert_eq!(page.title.as_deref(), Some("T"));
    }
}
