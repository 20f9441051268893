//! Recall families added after the pattern engine existed, that need more
//! than a token pattern (the surface form of a mention, the layout between
//! two mentions, the gazetteer's knowledge): each is justified by instances
//! across many documents of the perf corpus and has table-test rows.

use super::families::{is_whole_title, AGENTS};
use super::upper_first;
use super::{Ctx, FactObject};
use crate::extract::mentions::{class_key, is_head_title, is_title_word, Mention, TITLE_HEADS};
use crate::extract::text::TokKind;
use crate::extract::words::Words;
use crate::model::{EntityClass, Predicate, Span};

/// Whether a mention's surface text is an acronym: "HHS", "DHS", "S&T".
fn is_acronym(s: &str) -> bool {
    let n = s.chars().count();
    (2..=6).contains(&n)
        && s.chars().all(|c| c.is_ascii_uppercase() || c == '&')
        && s.chars().filter(char::is_ascii_uppercase).count() >= 2
}

/// A name written in capitals as a name: "Benson E. LEGG" -> "Benson E. Legg"
/// (words that have lower-case letters or are initials stay as they are).
fn caps_name(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            if w.chars().count() > 1 && !w.ends_with('.') && !w.chars().any(char::is_lowercase) {
                let mut c = w.chars();
                c.next()
                    .map_or_else(String::new, |f| f.to_string() + &c.as_str().to_lowercase())
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The initials of a name's capitalised words: "NSA" for "National Security Agency".
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(char::is_ascii_uppercase)
        .collect()
}

impl Ctx<'_> {
    /// Runs the families of this module.
    pub(super) fn recall_families(&mut self) {
        self.acronym_before_unit();
        self.nominated_to_be();
        self.title_of_place_before_name();
        // ("Senators A and B": data/rules/titles.toml, rel.person-plural-title)
        self.court_panels();
        self.court_clerks();
        self.research_authors();
        self.appeal_from_judges();
    }

    /// "said Secretary of Agriculture NAME", "Secretary of\nTransportation
    /// NAME", "Governor of Ohio NAME": a title whose body is named by a short
    /// form that is not a mention of its own, before a name. The title is the
    /// person's; a title that implies a department ("Secretary of Labor")
    /// gives membership and headship of it.
    fn title_of_place_before_name(&mut self) {
        let rule = "rel.person-title-of-place";
        for p in self.named(EntityClass::Person) {
            let (a, _) = self.toks[p];
            if a < 3 || self.has_job_title(p) {
                continue;
            }
            // the capitalised words of the body, back to "of" (one line break at most)
            let mut k = a;
            let mut breaks = 0;
            while k > 0 && a - k < 5 {
                let w = self.tok(k - 1);
                let gap =
                    &self.text[self.seg.tokens[k - 1].span.end..self.seg.tokens[k].span.start];
                breaks += gap.matches('\n').count();
                if breaks > 1 || self.seg.tokens[k - 1].kind != TokKind::Word {
                    break;
                }
                if w == "of" || !(w.starts_with(char::is_uppercase) || matches!(w, "the" | "and")) {
                    break;
                }
                if self.mentions_covering(k - 1).next().is_some() {
                    break;
                }
                k -= 1;
            }
            if k == a
                || k < 2
                || self.tok(k - 1) != "of"
                || !self.tok(k).starts_with(char::is_uppercase)
            {
                continue;
            }
            // the title: a head ("Secretary"), with its title words before it ("Deputy")
            let head = k - 2;
            if !TITLE_HEADS.contains(&self.tok(head))
                || self.mentions_covering(head).next().is_some()
            {
                continue;
            }
            let mut start = head;
            while start > 0
                && is_title_word(self.tok(start - 1))
                && self.tok(start - 1).starts_with(char::is_uppercase)
                && self.mentions_covering(start - 1).next().is_none()
            {
                start -= 1;
            }
            let tspan = Span::new(
                self.seg.tokens[start].span.start,
                self.seg.tokens[a - 1].span.end,
            );
            let title = self.norm_span(tspan);
            let ev = self.sentence_span(a);
            let agency = self.implied_agency(&title, tspan);
            self.role_facts(p, title, agency, ev, rule);
        }
    }

    /// Nominations sent to the Senate: "NAME, of STATE, to be Administrator of
    /// the X, vice NAME", "NAME, of STATE, a Career Member of the Senior
    /// Foreign Service, …, to be Ambassador …", "NAME, of STATE, to be a
    /// Member of the X Board", "NAME, of STATE, to be Chief Financial
    /// Officer, X": the title, membership of the body, and headship for a head
    /// title that is not one of several ("to be a Director of …").
    fn nominated_to_be(&mut self) {
        let rule = "person.nominated-to-be";
        for p in self.named(EntityClass::Person) {
            let (_, pe) = self.toks[p];
            let si = self.sent(p);
            let end = self.seg.sentences.get(si).map_or(0, |s| s.last);
            // ", of STATE," (a place of one to four capitalised words)
            if pe + 3 >= end || self.tok(pe) != "," || self.tok(pe + 1) != "of" {
                continue;
            }
            // ("of the District of Columbia", "of the Virgin Islands")
            let mut k = pe + 2;
            while k < end
                && k < pe + 8
                && (self.tok(k).starts_with(char::is_uppercase)
                    || matches!(self.tok(k), "the" | "of")
                        && self.tok(k + 1).starts_with(char::is_uppercase))
            {
                k += 1;
            }
            if k == pe + 2 || k >= end || self.tok(k) != "," {
                continue;
            }
            // (a clause about the nominee's service, up to "to be")
            let Some(to) = (k + 1..end.min(k + 30))
                .find(|&t| self.lower(t) == "to" && t + 1 < end && self.lower(t + 1) == "be")
            else {
                continue;
            };
            if to > k + 1 && self.tok(to - 1) != "," {
                continue;
            }
            let mut r = to + 2;
            let several = r < end && matches!(self.lower(r), "a" | "an");
            if several {
                r += 1;
            }
            if r >= end {
                continue;
            }
            let ev = self.sentence_span(pe);
            // "to be a Member of the X"
            if self.lower(r) == "member" && r + 1 < end && self.lower(r + 1) == "of" {
                if let Some(o) = self.body_at(r + 2) {
                    self.role_facts(p, "Member".to_string(), Some(o), ev, rule);
                }
                continue;
            }
            let Some((t, body, b)) = self.bio_role_at(r, end) else {
                continue;
            };
            let title = self.norm_span(t);
            if !is_whole_title(&title) {
                continue;
            }
            let t_end = self.seg.tokens.partition_point(|tok| tok.span.end <= t.end);
            // "Chief Financial Officer, National Aeronautics and Space Administration"
            let body = body.or_else(|| {
                (b + 1 < end && self.tok(b) == ",")
                    .then(|| self.mention_starting_at(b + 1, &AGENTS))
                    .flatten()
            });
            // (the head of the body the title names: "Director of the X", not
            // "Medical Director in the Regular Corps of X")
            // ("United States Director of the Asian Development Bank" represents the
            // country on the bank's board and does not head it)
            let heads = !several
                && !title.starts_with("United States")
                && !title.starts_with("U.S.")
                && t_end < end
                && matches!(self.tok(t_end), "of" | ",")
                && is_head_title(&title)
                && !title.contains(" of ")
                && !title.contains(" for ");
            self.fact(p, Predicate::JobTitle, FactObject::Text(title), ev, rule);
            if let Some(o) = body {
                self.fact(p, Predicate::MemberOf, FactObject::Mention(o), ev, rule);
                if heads {
                    self.fact(p, Predicate::HeadOf, FactObject::Mention(o), ev, rule);
                }
            }
        }
    }

    /// A court's panel and its opinion's author: "Before: BROWN and
    /// KAVANAUGH, Circuit Judges, and WILLIAMS, Senior Circuit Judge.",
    /// "Before NIEMEYER and DUNCAN, Circuit Judges, and Benson E. LEGG, United
    /// States District Judge …", "Howard, Chief Judge, Selya and Barron,
    /// Circuit Judges."; "SELYA, Circuit Judge." on a line of its own. Each
    /// judge gets the title and membership of the court the document names
    /// first (headship for a Chief Judge); names in capitals are written as
    /// names.
    fn court_panels(&mut self) {
        let rule = "person.court-panel";
        let n = self.seg.tokens.len();
        // the court a title belongs to: a circuit judge's is the court of
        // appeals the document names first, a district judge's the district
        // court, a justice's the supreme court (not the court appealed from)
        let courts: Vec<usize> = (0..self.mentions.len())
            .filter(|&m| {
                self.class(m) == EntityClass::Agency
                    && !self.mentions[m].anaphor
                    && self.mentions[m].span.start < 3000
            })
            .collect();
        let court_for = |ctx: &Self, title: &str| {
            let want: &[&str] = if title.contains("Circuit") || title == "Chief Judge" {
                &["Court of Appeals", "Circuit"]
            } else if title.contains("District") || title.contains("Magistrate") {
                &["District Court"]
            } else if title.contains("Justice") {
                &["Supreme Court"]
            } else {
                &["Court"]
            };
            // (by the canonical name: a heading in capitals, "UNITED STATES
            // TAX COURT", is the court too)
            courts
                .iter()
                .copied()
                .filter(|&m| {
                    let mm = &ctx.mentions[m];
                    let name = mm.canonical.as_deref().unwrap_or(&mm.name);
                    want.iter().any(|w| name.contains(w))
                })
                .min_by_key(|&m| ctx.mentions[m].span.start)
        };
        let line_start = |t: usize| {
            t == 0
                || self.text[self.seg.tokens[t - 1].span.end..self.seg.tokens[t].span.start]
                    .contains('\n')
        };
        let mut t = 0;
        while t < n {
            let panel = self.tok(t) == "Before" && line_start(t);
            // "SELYA, Circuit Judge." / "NIEMEYER, Circuit Judge:" alone on a line
            let author = !panel
                && line_start(t)
                && t + 1 < n
                && self.tok(t + 1) == ","
                && self.tok(t).len() > 2
                && self.tok(t).chars().all(|c| c.is_ascii_uppercase());
            if !panel && !author {
                t += 1;
                continue;
            }
            let mut k = if panel { t + 1 } else { t };
            if panel && k < n && self.tok(k) == ":" {
                k += 1;
            }
            let stop = (k..(k + 60).min(n))
                .find(|&u| self.tok(u) == "." && !self.is_initial(u))
                .unwrap_or((k + 60).min(n));
            let mut pending: Vec<Span> = Vec::new();
            let mut judges: Vec<(Span, String, bool)> = Vec::new();
            while k < stop {
                if let Some((title, after)) = self.judge_title_at(k, stop) {
                    k = after;
                    // "United States District Judge for the District of
                    // Maryland, sitting by designation": a visitor, titled only
                    let visiting = k < stop && self.lower(k) == "for";
                    for sp in pending.drain(..) {
                        judges.push((sp, title.clone(), visiting));
                    }
                    while k < stop && !matches!(self.tok(k), "," | "." | ":") {
                        k += 1;
                    }
                    continue;
                }
                if matches!(self.lower(k), "," | "and" | "&") {
                    k += 1;
                    continue;
                }
                // a name: up to four capitalised words or initials
                let from = k;
                while k < stop
                    && k < from + 4
                    && (self.tok(k).starts_with(char::is_uppercase) || self.is_initial(k))
                    && self.judge_title_at(k, stop).is_none()
                    && !matches!(self.tok(k), "," | "and")
                {
                    k += 1;
                }
                if k == from {
                    break;
                }
                let sp = Span::new(
                    self.seg.tokens[from].span.start,
                    self.seg.tokens[k - 1].span.end,
                );
                pending.push(sp);
            }
            if author && (judges.len() != 1 || !pending.is_empty()) {
                t += 1;
                continue;
            }
            let ev = Span::new(
                self.seg.tokens[t].span.start,
                self.seg.tokens[stop.min(n - 1)].span.end,
            );
            for (sp, title, visiting) in judges {
                let name = caps_name(&self.text[sp.start..sp.end]);
                if name.len() < 2 || name.split_whitespace().all(|w| w.len() < 2) {
                    continue;
                }
                let p = match self.starts.get(&sp.start).and_then(|v| {
                    v.iter().copied().find(|&m| {
                        self.class(m) == EntityClass::Person && self.mentions[m].span.end == sp.end
                    })
                }) {
                    Some(p) => p,
                    None => {
                        let mut m = Mention::new(sp, EntityClass::Person, name.clone(), rule, 60);
                        m.key = class_key(EntityClass::Person, &name);
                        self.add_mention(m)
                    }
                };
                let heads = title == "Chief Judge" || title == "Chief Justice";
                let court = court_for(self, &title).filter(|_| !visiting);
                self.fact(p, Predicate::JobTitle, FactObject::Text(title), ev, rule);
                if let Some(c) = court {
                    self.fact(p, Predicate::MemberOf, FactObject::Mention(c), ev, rule);
                    if heads {
                        self.fact(p, Predicate::HeadOf, FactObject::Mention(c), ev, rule);
                    }
                }
            }
            t = stop;
        }
    }

    /// Whether a line break stands before token `t` (or `t` is the first or
    /// past the last token).
    pub(super) fn line_break_before(&self, t: usize) -> bool {
        t == 0
            || t >= self.seg.tokens.len()
            || self.text[self.seg.tokens[t - 1].span.end..self.seg.tokens[t].span.start]
                .contains('\n')
    }

    /// A court's clerk under its heading or over its order: "Lyle W. Cayce" /
    /// "Clerk", "JOHN LEY" / "ACTING CLERK", "Jan Horbaly, Clerk",
    /// "Catherine Roe," / "Clerk of Court", "Penny Roe, Clerk, Court of X". The
    /// name opens a line and the title ends one (or a body named after a
    /// comma follows it). The clerk takes the title and membership of the body
    /// named after the title, else of the first court the document names
    /// near its top.
    fn court_clerks(&mut self) {
        let rule = "person.court-clerk";
        let n = self.seg.tokens.len();
        let court = (0..self.mentions.len())
            .filter(|&m| {
                self.class(m) == EntityClass::Agency
                    && !self.mentions[m].anaphor
                    && self.mentions[m].span.start < 3000
                    && self.mentions[m].name.contains("Court")
            })
            .min_by_key(|&m| self.mentions[m].span.start);
        for p in self.named(EntityClass::Person) {
            let (a, e) = self.toks[p];
            if !self.line_break_before(a) || e >= n {
                continue;
            }
            let mut k = e;
            if self.tok(k) == "," {
                k += 1;
            }
            let from = k;
            if k < n && self.lower(k) == "acting" {
                k += 1;
            }
            if k >= n || self.lower(k) != "clerk" {
                continue;
            }
            k += 1;
            // "Clerk of Court", "Clerk of the Court"
            if k + 1 < n && self.lower(k) == "of" && !self.line_break_before(k) {
                let c = if self.lower(k + 1) == "the" {
                    k + 2
                } else {
                    k + 1
                };
                if c < n && self.lower(c) == "court" {
                    k = c + 1;
                }
            }
            let title = (from..k)
                .map(|u| match self.lower(u) {
                    "of" | "the" => self.lower(u).to_string(),
                    w => upper_first(w),
                })
                .collect::<Vec<_>>()
                .join(" ");
            // the body after a comma, else the title must end its line
            let body = (k + 1 < n && self.tok(k) == ",")
                .then(|| self.mention_starting_at(k + 1, &[EntityClass::Agency]))
                .flatten();
            if body.is_none() && !self.line_break_before(k) && !(k < n && self.tok(k) == ".") {
                continue;
            }
            let Some(c) = body.or(court) else {
                continue;
            };
            let ev = Span::new(
                self.seg.tokens[a].span.start,
                self.seg.tokens[k - 1].span.end,
            );
            self.fact(p, Predicate::JobTitle, FactObject::Text(title), ev, rule);
            self.fact(p, Predicate::MemberOf, FactObject::Mention(c), ev, rule);
        }
    }

    /// The authors at the end of a Congressional Research Service product:
    /// "Valerie Roe" / "Specialist on Congress and the Legislative Process",
    /// "Andrew Roe, Specialist in Military Ground Forces", "Alexander Roe" /
    /// "Legislative Attorney": a name that opens a line, then a title that
    /// fills the rest of it or the next line (`research_staff_title_starts`).
    /// The author has the title and is a member of the service.
    fn research_authors(&mut self) {
        static STARTS: Words = Words::new("research_staff_title_starts");
        static MARKS: Words = Words::new("research_product_marks");
        let rule = "person.research-author";
        // (a product of the service: its footer, not a report citing it)
        if !MARKS.iter().any(|m| self.text.contains(m))
            && !self
                .text
                .lines()
                .any(|l| l.trim() == "Congressional Research Service")
        {
            return;
        }
        let Some(crs) = (0..self.mentions.len()).find(|&m| {
            self.class(m) == EntityClass::Agency
                && !self.mentions[m].anaphor
                && self.mentions[m]
                    .canonical
                    .as_deref()
                    .unwrap_or(&self.mentions[m].name)
                    == "Congressional Research Service"
        }) else {
            return;
        };
        let n = self.seg.tokens.len();
        for p in self.named(EntityClass::Person) {
            let (a, e) = self.toks[p];
            if !self.line_break_before(a) || e >= n {
                continue;
            }
            let from = if self.tok(e) == ","
                && !self.line_break_before(e)
                && !self.line_break_before(e + 1)
            {
                e + 1
            } else if self.line_break_before(e) {
                e
            } else {
                continue;
            };
            if from >= n || !STARTS.contains(&self.tok(from)) {
                continue;
            }
            // the title runs to the end of its line
            let mut k = from + 1;
            while k < n && !self.line_break_before(k) {
                k += 1;
            }
            let span = Span::new(
                self.seg.tokens[from].span.start,
                self.seg.tokens[k - 1].span.end,
            );
            let title = self.text[span.start..span.end].trim().to_string();
            let words = title.split_whitespace().count();
            if words > 10
                || title.ends_with(['.', ',', ';', ':'])
                || title.contains([',', '@', ';'])
                || title.chars().any(|c| c.is_ascii_digit())
                || !title
                    .split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase) || w.len() <= 3)
            {
                continue;
            }
            let ev = Span::new(self.seg.tokens[a].span.start, span.end);
            self.fact(p, Predicate::JobTitle, FactObject::Text(title), ev, rule);
            self.fact(p, Predicate::MemberOf, FactObject::Mention(crs), ev, rule);
        }
    }

    /// The judge of the court an appeal comes from, in the opinion's caption:
    /// "Appeal from the United States District Court for the Eastern District
    /// of Virginia" / "Claude Roe, Senior District Judge."; "Appealed from: X"
    /// / "Chief Judge NAME"; "Appeal from the Circuit Court of X County" / "No.
    /// …" / "Honorable NAME". A line opening "Appeal from" names the court;
    /// the first name within the next lines with a judge's title beside it
    /// (not a circuit judge's: the panel's) or "Honorable" before it is a
    /// member of that court, with the title as written.
    fn appeal_from_judges(&mut self) {
        let rule = "person.appeal-from-judge";
        let n = self.seg.tokens.len();
        for i in 0..n.saturating_sub(2) {
            if !matches!(self.lower(i), "appeal" | "appealed")
                || self.lower(i + 1) != "from"
                || !self.line_break_before(i)
            {
                continue;
            }
            let mut k = i + 2;
            while k < n && matches!(self.lower(k), ":" | "the") {
                k += 1;
            }
            let Some(court) = self.mention_starting_at(k, &[EntityClass::Agency]) else {
                continue;
            };
            let (_, ce) = self.toks[court];
            // the caption's next lines, up to the panel ("Before …")
            let mut lines = 0;
            let mut end = ce;
            while end < n && end < ce + 40 {
                if self.line_break_before(end) {
                    lines += 1;
                    if lines > 4 || self.tok(end) == "Before" {
                        break;
                    }
                }
                end += 1;
            }
            let people: Vec<usize> = self
                .named(EntityClass::Person)
                .into_iter()
                .filter(|&p| (ce..end).contains(&self.toks[p].0))
                .collect();
            let found = people.into_iter().find_map(|p| {
                let (a, e) = self.toks[p];
                // "NAME, Senior District Judge"
                if e + 1 < end && self.tok(e) == "," {
                    if let Some((title, _)) = self.judge_title_at(e + 1, end) {
                        return Some((p, Some(title)));
                    }
                }
                // "Chief Judge NAME"
                for u in a.saturating_sub(5)..a {
                    if u >= ce {
                        if let Some((title, after)) = self.judge_title_at(u, a) {
                            if after == a {
                                return Some((p, Some(title)));
                            }
                        }
                    }
                }
                // "Honorable NAME", "[Hon. NAME"
                let hon = (a >= 1 && matches!(self.tok(a - 1), "Honorable" | "Hon"))
                    || (a >= 2 && self.tok(a - 1) == "." && self.tok(a - 2) == "Hon");
                hon.then_some((p, None))
            });
            let Some((p, title)) = found else {
                continue;
            };
            if title.as_deref().is_some_and(|t| t.contains("Circuit")) {
                continue;
            }
            let ev = Span::new(
                self.seg.tokens[i].span.start,
                self.seg.tokens[self.toks[p].1 - 1].span.end,
            );
            if let Some(t) = title {
                self.fact(p, Predicate::JobTitle, FactObject::Text(t), ev, rule);
            }
            self.fact(p, Predicate::MemberOf, FactObject::Mention(court), ev, rule);
        }
    }

    /// A judge's title at token `k` ("Circuit Judges", "Senior Circuit
    /// Judge", "United States District Judge", "Chief Judge", "Justices"),
    /// in the singular, and the token after it.
    fn judge_title_at(&self, k: usize, stop: usize) -> Option<(String, usize)> {
        static QUALIFIERS: Words = Words::new("judge_qualifiers");
        let mut e = k;
        while e < stop && e < k + 5 && QUALIFIERS.contains(&self.tok(e)) {
            e += 1;
        }
        if e >= stop || !matches!(self.tok(e), "Judge" | "Judges" | "Justice" | "Justices") {
            return None;
        }
        let mut words: Vec<&str> = (k..e).map(|u| self.tok(u)).collect();
        words.push(self.tok(e).trim_end_matches('s'));
        Some((words.join(" "), e + 1))
    }

    /// Whether token `t` is the stop of an initial ("E." in "Benson E. LEGG").
    fn is_initial(&self, t: usize) -> bool {
        self.tok(t) == "."
            && t > 0
            && self.tok(t - 1).len() == 1
            && self.tok(t - 1).starts_with(char::is_uppercase)
    }

    /// "the HHS Office of Inspector General", "the DHS Science and Technology
    /// Directorate (S&T)": an agency's acronym written directly before
    /// another agency's full name (on one line) names the agency it belongs
    /// to. Not for an acronym before an acronym ("SBA IRS data-sharing"),
    /// before a department, or against what the gazetteer says.
    fn acronym_before_unit(&mut self) {
        for b in self.named(EntityClass::Agency) {
            let (bt, _) = self.toks[b];
            let Some(a) = self.mention_ending_before(bt, &[EntityClass::Agency]) else {
                continue;
            };
            let (sa, sb) = (self.mentions[a].span, self.mentions[b].span);
            let gap = self.text.get(sa.end..sb.start).unwrap_or("\n");
            let a_text = self.text.get(sa.start..sa.end).unwrap_or("");
            let b_text = self.text.get(sb.start..sb.end).unwrap_or("");
            let (ma, mb) = (&self.mentions[a], &self.mentions[b]);
            let b_name = mb.canonical.as_deref().unwrap_or(&mb.name);
            if gap != " "
                || !is_acronym(a_text)
                || !b_text.chars().any(char::is_lowercase)
                || b_text.split_whitespace().count() < 2
                || self.is_department(b)
                || ma.key == mb.key
                || self.sent(a) != self.sent(b)
                || initials(b_text) == a_text
            {
                continue;
            }
            let a_name = ma.canonical.as_deref().unwrap_or(&ma.name);
            // the gazetteer knows another parent, or the other way round
            if mb.parent.as_deref().is_some_and(|p| p != a_name)
                || ma.parent.as_deref() == Some(b_name)
            {
                continue;
            }
            let ev = self.sentence_span(bt);
            self.fact(
                b,
                Predicate::SubOrganizationOf,
                FactObject::Mention(a),
                ev,
                "org.acronym-before-unit",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::check;

    #[test]
    fn person_titles() {
        check(&[
            (
                "a cabinet title whose department is named by its short form",
                "date 2025-06-01\nA Release\n\n\u{201c}We are proud,\u{201d} said Secretary of Agriculture Brooke Roe. \u{201c}It takes too long,\u{201d} said Secretary of\nTransportation Sean P. Dorne.\n",
                &[
                    "Brooke Roe schema:jobTitle \"Secretary of Agriculture\"",
                    "Brooke Roe org:headOf Department of Agriculture",
                    "Sean P. Dorne schema:jobTitle \"Secretary of Transportation\"",
                    "Sean P. Dorne org:memberOf Department of Transportation",
                ],
                &[],
            ),
            (
                "a title of a place that is no agency",
                "date 2025-06-01\nA Release\n\nThe President met Governor of Ohio Mike Roe today.\n",
                &["Mike Roe schema:jobTitle \"Governor of Ohio\""],
                &[],
            ),
            (
                "a plural title before names",
                "date 2025-06-01\nA Release\n\nThank you to Representatives Mike Levy and Anne Bost for their work. Sens. Jon Ross (D-GA) and Ralph Warner (D-GA) voted.\n",
                &[
                    "Mike Levy schema:jobTitle \"Representative\"",
                    "Anne Bost schema:jobTitle \"Representative\"",
                    "Jon Ross schema:jobTitle \"Senator\"",
                    "Ralph Warner schema:jobTitle \"Senator\"",
                ],
                &[],
            ),
        ]);
    }

    #[test]
    fn address_block_with_a_suffixed_name() {
        check(&[(
            "two addressees of one committee, the second with \", Jr.\"",
            "date 2025-06-01\nA Report\n\nThe Honorable Brett Roe\nChairman\nThe Honorable Frank Dorne, Jr.\nRanking Member\nCommittee on Energy and Commerce\nHouse of Representatives\n\nWe are sending copies of this report.\n",
            &[
                "Brett Roe org:headOf House Committee on Energy and Commerce",
                "Frank Dorne Jr. schema:jobTitle \"Ranking Member\"",
                "Frank Dorne Jr. org:memberOf House Committee on Energy and Commerce",
                "House Committee on Energy and Commerce org:subOrganizationOf House of Representatives",
            ],
            &["Frank Dorne Jr. org:headOf House Committee on Energy and Commerce"],
        )]);
    }

    #[test]
    fn nominated_to_be() {
        check(&[
            (
                "a head of an agency, with the predecessor after \"vice\"",
                "date 2021-06-01\nNominations Sent to the Senate\n\n     Robin Roe Hale, of Utah, to be Administrator of the\nFederal Motor Carrier Safety Administration, vice Raymond Doe.\n",
                &[
                    "Robin Roe Hale schema:jobTitle \"Administrator\"",
                    "Robin Roe Hale org:headOf Federal Motor Carrier Safety Administration",
                    "Robin Roe Hale org:memberOf Federal Motor Carrier Safety Administration",
                ],
                &["Raymond Doe org:memberOf Federal Motor Carrier Safety Administration"],
            ),
            (
                "a nominee whose first name is a common word, with an apostrophe in the surname, from \"the District of Columbia\"",
                "date 2021-06-01\nNominations Sent to the Senate\n\n     Dawn Hale O’Dorne, of the District of Columbia, to be Assistant Secretary for Preparedness and Response, Department of Health and Human Services, vice Raymond Doe.\n",
                &[
                    "Dawn Hale O’Dorne schema:jobTitle \"Assistant Secretary for Preparedness and Response\"",
                    "Dawn Hale O’Dorne org:memberOf Department of Health and Human Services",
                ],
                &["Raymond Doe org:memberOf Department of Health and Human Services"],
            ),
            (
                "a country's director on a bank's board does not head the bank",
                "date 2021-06-01\nNominations Sent to the Senate\n\n     Robin Hale, of Utah, to be United States Director of the Asian Development Bank, vice Raymond Doe.\n",
                &["Robin Hale org:memberOf Asian Development Bank"],
                &["Robin Hale org:headOf Asian Development Bank"],
            ),
            (
                "a title, then the agency after a comma",
                "date 2021-06-01\nNominations Sent to the Senate\n\n     Margaret Vo Dorne, of Virginia, to be Chief Financial Officer,\nNational Aeronautics and Space Administration, vice Jeff Doe.\n",
                &[
                    "Margaret Vo Dorne schema:jobTitle \"Chief Financial Officer\"",
                    "Margaret Vo Dorne org:memberOf National Aeronautics and Space Administration",
                ],
                &["Margaret Vo Dorne org:headOf National Aeronautics and Space Administration"],
            ),
            (
                "a document that ends right after \"to be\" or the title",
                "date 2021-06-01\nNominations Sent to the Senate\n\n     Anne Roe, of New York, to be\n\n     Tom Dorne, of Ohio, to be Administrator",
                &[],
                &["Anne Roe schema:jobTitle \"Administrator\""],
            ),
            (
                "one of several: a member, a director",
                "date 2021-06-01\nNominations Sent to the Senate\n\n     Anne Roe, of New York, to be a Member of the National Labor Relations Board for the term of five years.\n\n     Tom Dorne, of New Jersey, to be a Director of the Appalachian Regional Commission for a term of five years.\n",
                &[
                    "Anne Roe org:memberOf National Labor Relations Board",
                    "Tom Dorne org:memberOf Appalachian Regional Commission",
                ],
                &["Tom Dorne org:headOf Appalachian Regional Commission"],
            ),
        ]);
    }

    #[test]
    fn court_clerks() {
        check(&[
            (
                "a clerk under the court's heading, in capitals and over an order",
                "IN THE UNITED STATES COURT OF APPEALS\nFOR THE ELEVENTH CIRCUIT\n\nFILED\nFEBRUARY 5, 2010\nJOHN ROE\nACTING CLERK\n\nThe appeal is dismissed.\n\nFor the Court:\nJane Dorne,\nClerk of Court\n",
                &[
                    "John Roe schema:jobTitle \"Acting Clerk\"",
                    "John Roe org:memberOf United States Court of Appeals for the Eleventh Circuit",
                    "Jane Dorne schema:jobTitle \"Clerk of Court\"",
                    "Jane Dorne org:memberOf United States Court of Appeals for the Eleventh Circuit",
                ],
                &[],
            ),
            (
                "a clerk of the body named after the title",
                "UNITED STATES COURT OF APPEALS\nFOR THE SIXTH CIRCUIT\n\nThe appeal is dismissed.\n\nMary Roe, Clerk, Court of Tide Claims\n",
                &["Mary Roe org:memberOf Court of Tide Claims"],
                &["Mary Roe org:memberOf United States Court of Appeals for the Sixth Circuit"],
            ),
            (
                "no court, or a clerk's office in a sentence",
                "date 2024-05-01\nA Notice\n\nJane Roe\nClerk\n\nPlease notify Jane Dorne, clerk of the board, of any change.\n",
                &[],
                &["Jane Roe schema:jobTitle \"Clerk\"", "Jane Dorne schema:jobTitle \"Clerk\""],
            ),
        ]);
    }

    #[test]
    fn research_authors() {
        check(&[
            (
                "the authors of a research product, title under or beside the name",
                "Tide Tables\nUpdated April 13, 2026\n\nCongressional Research Service\n\nThe tables are late.\n\nAuthor Information\nValerie Roe\nSpecialist on Congress and the Legislative Process\n\nAndrew Dorne, Specialist in Military Ground Forces\n",
                &[
                    "Valerie Roe schema:jobTitle \"Specialist on Congress and the Legislative Process\"",
                    "Valerie Roe org:memberOf Congressional Research Service",
                    "Andrew Dorne schema:jobTitle \"Specialist in Military Ground Forces\"",
                    "Andrew Dorne org:memberOf Congressional Research Service",
                ],
                &[],
            ),
            (
                "a sentence after the name",
                "Tide Tables\n\nCongressional Research Service\n\nThe tables are late, wrote\nAndrew Dorne\nSenior staff said it was late.\n",
                &[],
                &["Andrew Dorne org:memberOf Congressional Research Service"],
            ),
            (
                "a report that cites the service is none of its products",
                "Tide Tables\n\nThe Congressional Research Service wrote on tides.\n\nValerie Roe\nSpecialist on Tides\n\nAndrew Dorne, Acting Managing Director, tides@example.gov\n",
                &[],
                &[
                    "Valerie Roe org:memberOf Congressional Research Service",
                    "Andrew Dorne org:memberOf Congressional Research Service",
                ],
            ),
        ]);
    }

    #[test]
    fn appeal_from_judges() {
        check(&[
            (
                "the judge under the appeal line, title after or before the name, or Honorable",
                "United States Court of Appeals\nFor the Fourth Circuit\n\nAppeal from the United States District Court\nfor the Eastern District of Virginia, at Alexandria.\nClaude M. Roe, Senior District Judge.\n\nBefore NIEMEYER, Circuit Judge.\n",
                &[
                    "Claude M. Roe schema:jobTitle \"Senior District Judge\"",
                    "Claude M. Roe org:memberOf United States District Court for the Eastern District of Virginia",
                ],
                &["Niemeyer org:memberOf United States District Court for the Eastern District of Virginia"],
            ),
            (
                "Honorable before the name, a case number between",
                "In the Missouri Court of Appeals\nEastern District\n\nAppeal from the Circuit Court of\nSt. Charles County, Missouri\nNo. 1711-CC00064\nHonorable Deborah J. Roe\nFiled: January 19, 2021\n\nThe judgment is affirmed.\n",
                &["Deborah J. Roe org:memberOf Circuit Court of St. Charles County"],
                &[],
            ),
            (
                "only the panel after the appeal line",
                "United States Court of Appeals\nFor the Fifth Circuit\n\nAppeal from the United States District Court\nfor the Western District of Texas\nBefore Mary Roe, Circuit Judge, and Tom Dorne, Circuit Judge.\n",
                &[],
                &[
                    "Mary Roe org:memberOf United States District Court for the Western District of Texas",
                    "Tom Dorne org:memberOf United States District Court for the Western District of Texas",
                ],
            ),
        ]);
    }

    #[test]
    fn court_panels() {
        check(&[
            (
                "a panel in capitals, a senior judge and the opinion's author line",
                "United States Court of Appeals\nFor the Ninth Circuit\n\nAppeal from the United States District Court for the District of Oregon\n\nBefore: GOULD and PAEZ, Circuit Judges, and CLIFTON, Senior Circuit Judge.\n\nPAEZ, Circuit Judge:\n\nThe district court erred.",
                &[
                    "Gould schema:jobTitle \"Circuit Judge\"",
                    "Paez org:memberOf United States Court of Appeals for the Ninth Circuit",
                    "Clifton schema:jobTitle \"Senior Circuit Judge\"",
                    "Clifton org:memberOf United States Court of Appeals for the Ninth Circuit",
                ],
                &["Gould org:memberOf United States District Court for the District of Oregon"],
            ),
            (
                "a chief judge heads the court; a visiting district judge is titled only",
                "United States Court of Appeals\nFor the First Circuit\n\nBefore\nLynch, Chief Judge,\nKayatta, Circuit Judge, and Roe, United States District Judge for the District of Maine, sitting by designation.",
                &[
                    "Lynch org:headOf United States Court of Appeals for the First Circuit",
                    "Kayatta org:memberOf United States Court of Appeals for the First Circuit",
                    "Roe schema:jobTitle \"United States District Judge\"",
                ],
                &["Roe org:memberOf United States Court of Appeals for the First Circuit"],
            ),
            (
                "the opinion's author of a court whose heading is in capitals",
                "T.C. Memo. 2020-26\n\nUNITED STATES TAX COURT\n\nJANE ROE, Petitioner v. COMMISSIONER OF INTERNAL REVENUE, Respondent\n\nMEMORANDUM OPINION\n\nGUSTAFSON, Judge: The tides were late.\n",
                &["Gustafson org:memberOf United States Tax Court"],
                &[],
            ),
            (
                "'Before' in running text is no panel",
                "United States Court of Appeals\n\nBefore the hearing, Smith, Jones and Brown met with counsel.",
                &[],
                &["Smith schema:jobTitle \"Circuit Judge\""],
            ),
        ]);
    }

    #[test]
    fn acronym_before_unit() {
        check(&[
            (
                "an acronym before an office defined with its own acronym, in the middle of a sentence",
                "date 2024-05-01\nA Report\n\nSince 2019 the HHS Office of Tide Tables (OTT) has published charts.\n",
                &["Office of Tide Tables org:subOrganizationOf Department of Health and Human Services"],
                &[],
            ),
            (
                "an acronym before an office defined with its own acronym",
                "date 2024-05-01\nA Report\n\nThe DHS Science and Technology Directorate (S&T) is testing sensors.\n",
                &["Science and Technology Directorate org:subOrganizationOf Department of Homeland Security"],
                &[],
            ),
            (
                "an acronym before an acronym",
                "date 2024-05-01\nA Report\n\nThe Small Business Administration (SBA) and the Internal Revenue Service (IRS) met. The SBA IRS data-sharing process is slow.\n",
                &[],
                &["Internal Revenue Service org:subOrganizationOf Small Business Administration"],
            ),
            (
                "an abbreviation list: an acronym before its own expansion",
                "date 2024-05-01\nA Report\n\nAbbreviations\n\nNIST National Institute of Standards and Technology NSA National Security Agency\n",
                &[],
                &["National Security Agency org:subOrganizationOf National Institute of Standards and Technology"],
            ),
            (
                "a line break between them",
                "date 2024-05-01\nA Report\n\nThe figures were checked by the HHS\nOffice of Inspector General.\n",
                &[],
                &["Office of Inspector General org:subOrganizationOf Department of Health and Human Services"],
            ),
        ]);
    }
}
