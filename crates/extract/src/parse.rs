//! Streaming pass: lol_html events into a compact frame tree and raw text blocks.
//!
//! Every element that can hold content gets a [`Frame`] (parent, tag, depth, hint
//! flags, own text and link-text lengths); frames are appended in document order, so a
//! parent's index is always below its children's and a subtree is a contiguous index
//! range. Text is buffered per text node, entity-decoded, whitespace-collapsed and
//! appended to the current block; block-level tags start a new block.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

use lol_html::html_content::{Element, TextChunk, TextType};
use lol_html::{
    DocumentContentHandlers, ElementContentHandlers, HtmlRewriter, MemorySettings, Selector,
};

use crate::hints;
use crate::BlockKind;

/// Tags the extractor tells apart. Everything else is `Other` (inline, transparent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    Root,
    Html,
    Head,
    Body,
    Title,
    Meta,
    Link,
    Script,
    Style,
    Skip,
    Textarea,
    Form,
    Nav,
    Footer,
    Header,
    Aside,
    Main,
    Article,
    Section,
    Div,
    P,
    H(u8),
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Blockquote,
    Pre,
    Table,
    TSection,
    Tr,
    Td,
    Caption,
    Figure,
    Figcaption,
    Br,
    Hr,
    A,
    Time,
    Block,
    Option,
    Other,
}

impl Tag {
    fn from_name(name: &str) -> Tag {
        match name {
            "html" => Tag::Html,
            "head" => Tag::Head,
            "body" => Tag::Body,
            "title" => Tag::Title,
            "meta" => Tag::Meta,
            "link" => Tag::Link,
            "script" => Tag::Script,
            "style" => Tag::Style,
            "noscript" | "template" | "svg" | "math" | "iframe" | "object" | "embed" | "canvas"
            | "audio" | "video" | "select" | "button" | "input" | "datalist" | "noembed"
            | "noframes" | "xmp" | "map" | "picture" | "source" | "track" | "param" => Tag::Skip,
            "option" | "optgroup" => Tag::Option,
            "textarea" => Tag::Textarea,
            "form" => Tag::Form,
            "nav" => Tag::Nav,
            "footer" => Tag::Footer,
            "header" => Tag::Header,
            "aside" => Tag::Aside,
            "main" => Tag::Main,
            "article" => Tag::Article,
            "section" => Tag::Section,
            "div" => Tag::Div,
            "p" => Tag::P,
            "h1" => Tag::H(1),
            "h2" => Tag::H(2),
            "h3" => Tag::H(3),
            "h4" => Tag::H(4),
            "h5" => Tag::H(5),
            "h6" => Tag::H(6),
            "ul" | "menu" | "dir" => Tag::Ul,
            "ol" => Tag::Ol,
            "li" => Tag::Li,
            "dl" => Tag::Dl,
            "dt" => Tag::Dt,
            "dd" => Tag::Dd,
            "blockquote" => Tag::Blockquote,
            "pre" | "listing" | "plaintext" => Tag::Pre,
            "table" => Tag::Table,
            "thead" | "tbody" | "tfoot" => Tag::TSection,
            "tr" => Tag::Tr,
            "td" | "th" => Tag::Td,
            "caption" => Tag::Caption,
            "figure" => Tag::Figure,
            "figcaption" => Tag::Figcaption,
            "br" => Tag::Br,
            "hr" => Tag::Hr,
            "a" => Tag::A,
            "time" => Tag::Time,
            "address" | "center" | "details" | "summary" | "fieldset" | "legend" | "dialog"
            | "hgroup" | "frameset" | "frame" => Tag::Block,
            _ => Tag::Other,
        }
    }

    /// Starting or ending this element ends the current block.
    pub(crate) fn is_block(self) -> bool {
        !matches!(
            self,
            Tag::A
                | Tag::Other
                | Tag::Td
                | Tag::Time
                | Tag::Meta
                | Tag::Link
                | Tag::Title
                | Tag::Option
        )
    }

    /// Opening this element closes an open `<p>` (HTML's implied end tags).
    fn closes_p(self) -> bool {
        matches!(
            self,
            Tag::Nav
                | Tag::Footer
                | Tag::Header
                | Tag::Aside
                | Tag::Main
                | Tag::Article
                | Tag::Section
                | Tag::Div
                | Tag::P
                | Tag::H(_)
                | Tag::Ul
                | Tag::Ol
                | Tag::Dl
                | Tag::Blockquote
                | Tag::Pre
                | Tag::Table
                | Tag::Figure
                | Tag::Figcaption
                | Tag::Hr
                | Tag::Block
                | Tag::Form
        )
    }
}

/// One element of the compact tree.
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    /// Parent frame index (the root's parent is itself).
    pub parent: u32,
    /// Depth in the tree, root = 0.
    pub depth: u32,
    /// The element kind.
    pub tag: Tag,
    /// Own hint flags (class, id, role, itemprop, tag semantics, hidden).
    pub flags: u32,
    /// Characters of text whose innermost block is this frame.
    pub text_len: u32,
    /// Of which inside links.
    pub link_len: u32,
    /// Nearest block-level ancestor-or-self.
    pub block_anc: u32,
}

/// A block of text as it came out of the stream.
#[derive(Debug, Clone)]
pub(crate) struct RawBlock {
    pub kind: BlockKind,
    pub text: String,
    /// Owning frame (innermost block-level element).
    pub frame: u32,
    pub text_len: u32,
    pub link_len: u32,
    /// Number of links that start in the block.
    pub n_links: u32,
}

/// Machine-readable metadata seen while streaming.
#[derive(Debug, Default, Clone)]
pub(crate) struct Head {
    pub title: Option<String>,
    pub html_lang: Option<String>,
    /// `(key, content)` from `<meta name|property|itemprop=key content=...>`, keys lowercased.
    pub metas: Vec<(String, String)>,
    pub canonical: Option<String>,
    /// JSON-LD script bodies.
    pub json_ld: Vec<String>,
    /// `<time datetime>` and `itemprop=datePublished|dateModified` values.
    pub times: Vec<TimeMark>,
}

/// What a machine-readable date on an element says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TimeKind {
    /// `<time datetime>`: some date, usually the publication.
    Time,
    /// `itemprop=datePublished`.
    Published,
    /// `itemprop=dateModified`.
    Modified,
}

/// A machine-readable date found on an element.
#[derive(Debug, Clone)]
pub(crate) struct TimeMark {
    /// The element's frame (kept for ranking dates by position).
    pub frame: u32,
    pub kind: TimeKind,
    pub value: String,
}

/// The parse result.
#[derive(Debug, Default)]
pub(crate) struct Tree {
    pub frames: Vec<Frame>,
    pub blocks: Vec<RawBlock>,
    pub head: Head,
    /// The parser stopped early (memory limit or a frame cap).
    pub truncated: bool,
}

/// Limits for one parse.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub max_memory: usize,
    pub max_frames: usize,
    pub textarea_documents: bool,
}

const MAX_META_VALUE: usize = 4096;
const MAX_JSON_LD: usize = 1 << 20;
const MAX_TITLE: usize = 4096;

struct State {
    tree: Tree,
    /// Open frames (indices into `tree.frames`).
    stack: Vec<u32>,
    /// Open skip elements (script, svg, iframe, button, ...).
    skip: u32,
    /// Open links, quotes, pre.
    in_link: u32,
    in_quote: u32,
    in_pre: u32,
    in_figure: u32,
    /// Raw (undecoded) text of the current text node.
    raw: String,
    /// The block being built.
    cur: String,
    cur_len: u32,
    cur_link: u32,
    cur_links: u32,
    cur_owner: u32,
    /// A pending separator: space between words, " | " between cells.
    pending_space: bool,
    pending_cell: bool,
    /// Special capture targets.
    capture: Capture,
    capture_buf: String,
    limits: Limits,
    nested: bool,
    class_cache: HashMap<String, u32, BuildHasherDefault<Fnv>>,
}

/// FNV-1a: a fast hash for short class strings (no DoS concern: the cache is
/// bounded and per page).
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Capture {
    None,
    Title,
    JsonLd,
    Textarea(u32),
}

impl State {
    fn new(limits: Limits, nested: bool) -> State {
        let root = Frame {
            parent: 0,
            depth: 0,
            tag: Tag::Root,
            flags: 0,
            text_len: 0,
            link_len: 0,
            block_anc: 0,
        };
        State {
            tree: Tree {
                frames: vec![root],
                ..Tree::default()
            },
            stack: vec![0],
            skip: 0,
            in_link: 0,
            in_quote: 0,
            in_pre: 0,
            in_figure: 0,
            raw: String::new(),
            cur: String::new(),
            cur_len: 0,
            cur_link: 0,
            cur_links: 0,
            cur_owner: 0,
            pending_space: false,
            pending_cell: false,
            capture: Capture::None,
            capture_buf: String::new(),
            limits,
            nested,
            class_cache: HashMap::default(),
        }
    }

    fn top(&self) -> u32 {
        self.stack.last().copied().unwrap_or(0)
    }

    /// Decodes the buffered text node and appends it to the current block.
    fn flush_text(&mut self) {
        if self.raw.is_empty() {
            return;
        }
        let raw = std::mem::take(&mut self.raw);
        let decoded: Cow<'_, str> = if raw.contains('&') {
            htmlize::unescape(raw.as_str())
        } else {
            Cow::Borrowed(raw.as_str())
        };
        let top = self.top();
        let owner = self.tree.frames[top as usize].block_anc;
        self.append(&decoded, owner);
        let mut raw = raw;
        raw.clear();
        self.raw = raw;
    }

    fn append(&mut self, text: &str, owner: u32) {
        let mut added = 0u32;
        if self.in_pre > 0 {
            if !text.is_empty() {
                if self.cur.is_empty() {
                    self.cur_owner = owner;
                }
                self.cur.push_str(text);
                added = text.chars().count() as u32;
            }
        } else {
            // Word by word: a whitespace run before a word becomes one pending space
            // (or the pending cell separator) once the block has text.
            let b = text.as_bytes();
            let mut i = 0;
            let mut ws_before = false;
            while i < b.len() {
                let w = ws_len(b, i);
                if w > 0 {
                    ws_before = true;
                    i += w;
                    continue;
                }
                let start = i;
                i += 1;
                while i < b.len() && ws_len(b, i) == 0 {
                    i += 1;
                }
                let word = &text[start..i];
                if ws_before && !self.cur.is_empty() {
                    self.pending_space = true;
                }
                ws_before = false;
                if self.cur.is_empty() {
                    self.cur_owner = owner;
                    self.pending_space = false;
                    self.pending_cell = false;
                } else if self.pending_cell {
                    self.cur.push_str(" | ");
                    self.pending_cell = false;
                    self.pending_space = false;
                } else if self.pending_space {
                    self.cur.push(' ');
                    self.pending_space = false;
                }
                self.cur.push_str(word);
                added += word.bytes().filter(|&c| c & 0xC0 != 0x80).count() as u32;
            }
            if ws_before && !self.cur.is_empty() {
                self.pending_space = true;
            }
        }
        if added == 0 {
            return;
        }
        self.cur_len += added;
        let f = &mut self.tree.frames[owner as usize];
        f.text_len = f.text_len.saturating_add(added);
        if self.in_link > 0 {
            self.cur_link += added;
            f.link_len = f.link_len.saturating_add(added);
        }
    }

    /// Ends the current block.
    fn flush_block(&mut self) {
        self.flush_text();
        self.pending_space = false;
        self.pending_cell = false;
        if self.cur.is_empty() {
            return;
        }
        let owner = self.cur_owner;
        let tag = self.tree.frames[owner as usize].tag;
        let kind = match tag {
            Tag::H(l) => BlockKind::Heading { level: l },
            Tag::Li | Tag::Dt | Tag::Dd => BlockKind::ListItem,
            Tag::Blockquote => BlockKind::Quote,
            Tag::Pre => BlockKind::Preformatted,
            Tag::Figcaption | Tag::Caption => BlockKind::Caption,
            Tag::Tr => BlockKind::TableRow,
            _ if self.in_pre > 0 => BlockKind::Preformatted,
            _ if self.in_figure > 0 => BlockKind::Caption,
            _ if self.in_quote > 0 => BlockKind::Quote,
            _ => BlockKind::Paragraph,
        };
        let kind = if kind == BlockKind::Paragraph && self.cur_len < 200 && credit_line(&self.cur) {
            BlockKind::Caption
        } else {
            kind
        };
        let text = if self.in_pre > 0 || kind == BlockKind::Preformatted {
            let t = self
                .cur
                .trim_matches(|c: char| c == '\n' || c == '\r')
                .to_string();
            self.cur.clear();
            t
        } else {
            // An exact-size copy; the buffer keeps its capacity for the next block.
            let t = self.cur.as_str().to_owned();
            self.cur.clear();
            t
        };
        self.tree.blocks.push(RawBlock {
            kind,
            text,
            frame: owner,
            text_len: self.cur_len,
            link_len: self.cur_link,
            n_links: self.cur_links,
        });
        self.cur_len = 0;
        self.cur_link = 0;
        self.cur_links = 0;
    }

    fn pop_one(&mut self) {
        if self.stack.len() <= 1 {
            return;
        }
        let idx = self.stack[self.stack.len() - 1] as usize;
        let tag = self.tree.frames[idx].tag;
        if tag.is_block() || self.tree.frames[idx].flags & hints::META != 0 {
            self.flush_block();
        } else {
            self.flush_text();
        }
        if let Capture::Textarea(t) = self.capture {
            if t as usize == idx {
                self.finish_textarea(idx as u32);
            }
        }
        if matches!(self.capture, Capture::Title | Capture::JsonLd)
            && matches!(tag, Tag::Title | Tag::Script)
        {
            self.finish_capture();
        }
        self.stack.pop();
        match tag {
            Tag::Script | Tag::Style | Tag::Skip | Tag::Option => {
                self.skip = self.skip.saturating_sub(1)
            }
            Tag::A => self.in_link = self.in_link.saturating_sub(1),
            Tag::Blockquote => self.in_quote = self.in_quote.saturating_sub(1),
            Tag::Pre => self.in_pre = self.in_pre.saturating_sub(1),
            Tag::Figure => self.in_figure = self.in_figure.saturating_sub(1),
            _ => {}
        }
    }

    /// Pops the frame at stack position `pos` and everything above it.
    fn close(&mut self, frame: u32, pos: usize) {
        if self.stack.get(pos).copied() != Some(frame) {
            return; // already closed implicitly
        }
        while self.stack.len() > pos {
            self.pop_one();
        }
    }

    /// HTML's implied end tags, for the elements lol_html does not report closed.
    fn implied_close(&mut self, tag: Tag) {
        let top_tag = |s: &State| s.tree.frames[s.top() as usize].tag;
        if tag.closes_p() && top_tag(self) == Tag::P {
            self.pop_one();
        }
        if let Tag::H(_) = tag {
            if matches!(top_tag(self), Tag::H(_)) {
                self.pop_one();
            }
        }
        let (targets, barriers): (&[Tag], &[Tag]) = match tag {
            Tag::Li => (&[Tag::Li], &[Tag::Ul, Tag::Ol, Tag::Table, Tag::Body]),
            Tag::Dt | Tag::Dd => (&[Tag::Dt, Tag::Dd], &[Tag::Dl, Tag::Table, Tag::Body]),
            Tag::Tr => (&[Tag::Tr], &[Tag::Table, Tag::TSection]),
            Tag::Td => (&[Tag::Td], &[Tag::Tr, Tag::Table]),
            Tag::TSection => (&[Tag::TSection], &[Tag::Table]),
            Tag::Option => (&[Tag::Option], &[Tag::Skip]),
            _ => return,
        };
        // Search a few levels down the stack for an open target before a barrier.
        let n = self.stack.len();
        for back in 1..n.min(24) {
            let t = self.tree.frames[self.stack[n - back] as usize].tag;
            if targets.contains(&t)
                || (matches!(tag, Tag::Tr | Tag::TSection) && matches!(t, Tag::Td | Tag::Tr))
            {
                if barriers.contains(&t) {
                    break;
                }
                if targets.contains(&t) || tag == Tag::TSection {
                    while self.stack.len() > n - back {
                        self.pop_one();
                    }
                    return;
                }
            }
            if barriers.contains(&t) {
                return;
            }
        }
    }

    fn finish_capture(&mut self) {
        let buf = std::mem::take(&mut self.capture_buf);
        match self.capture {
            Capture::Title if self.tree.head.title.is_none() => {
                let t = collapse(&htmlize::unescape(buf.as_str()));
                if !t.is_empty() {
                    self.tree.head.title = Some(t);
                }
            }
            Capture::JsonLd => self.tree.head.json_ld.push(buf),
            _ => {}
        }
        self.capture = Capture::None;
    }

    /// A `<textarea>` closed: if it holds a document, parse it into this tree.
    fn finish_textarea(&mut self, frame: u32) {
        self.capture = Capture::None;
        let buf = std::mem::take(&mut self.capture_buf);
        if buf.trim().is_empty() {
            return;
        }
        let decoded = htmlize::unescape(buf.as_str());
        self.flush_block();
        if !self.nested && self.limits.textarea_documents && looks_like_html(&decoded) {
            let inner = parse(&decoded, self.limits, true);
            self.graft(inner, frame);
        } else {
            let owner = frame;
            self.append(&decoded, owner);
            self.flush_block();
        }
    }

    /// Appends a nested tree under `at`.
    fn graft(&mut self, inner: Tree, at: u32) {
        let base = self.tree.frames.len() as u32;
        let depth0 = self.tree.frames[at as usize].depth;
        for (i, mut f) in inner.frames.into_iter().enumerate() {
            if i == 0 {
                // The nested root becomes a transparent child of the textarea.
                f.parent = at;
                f.block_anc = self.tree.frames[at as usize].block_anc;
                f.tag = Tag::Block;
            } else {
                f.parent += base;
                f.block_anc += base;
            }
            f.depth += depth0 + 1;
            self.tree.frames.push(f);
        }
        for mut b in inner.blocks {
            b.frame += base;
            self.tree.blocks.push(b);
        }
        let h = inner.head;
        if self.tree.head.title.is_none() {
            self.tree.head.title = h.title;
        }
        self.tree.head.metas.extend(h.metas);
        self.tree.head.json_ld.extend(h.json_ld);
        self.tree
            .head
            .times
            .extend(h.times.into_iter().map(|t| TimeMark {
                frame: t.frame + base,
                ..t
            }));
    }

    fn on_element(&mut self, el: &Src<'_, '_, '_, '_>) -> Option<(u32, usize)> {
        // Inside svg, math, select, object ... nothing reaches the output: no frames
        // (inline SVG icons are thousands of elements on some pages).
        if self.skip > 0 {
            return None;
        }
        let tag = el.tag();
        if tag.is_block() || tag == Tag::Td {
            self.implied_close(tag);
        }
        if tag.is_block() {
            self.flush_block();
        } else {
            self.flush_text();
        }
        match tag {
            Tag::Meta => {
                self.on_meta(el);
                return None;
            }
            Tag::Link => {
                if self.tree.head.canonical.is_none() {
                    if let Some(rel) = el.get("rel") {
                        if rel
                            .split_ascii_whitespace()
                            .any(|r| r.eq_ignore_ascii_case("canonical"))
                        {
                            self.tree.head.canonical = el
                                .get("href")
                                .map(|h| collapse(&htmlize::unescape_attribute(h)));
                        }
                    }
                }
                return None;
            }
            Tag::Html if self.tree.head.html_lang.is_none() => {
                self.tree.head.html_lang = el
                    .get("lang")
                    .or_else(|| el.get("xml:lang"))
                    .map(|l| l.trim().to_string())
                    .filter(|l| !l.is_empty());
            }
            // A cell continues the row's block with a separator.
            Tag::Td if !self.cur.is_empty() => self.pending_cell = true,
            _ => {}
        }
        let can_have_content = el.el.can_have_content();
        if !can_have_content {
            if tag == Tag::Br || tag == Tag::Hr {
                let in_row = matches!(
                    self.tree.frames[self.tree.frames[self.top() as usize].block_anc as usize].tag,
                    Tag::Tr
                );
                if in_row {
                    self.pending_space = true;
                } else if self.in_pre > 0 {
                    self.append_pre_newline();
                } else {
                    self.flush_block();
                }
            }
            return None;
        }
        if self.tree.frames.len() >= self.limits.max_frames {
            self.tree.truncated = true;
            return None;
        }
        // Hints.
        let has_attrs = !el.el.attributes().is_empty();
        let mut flags = match tag {
            Tag::Nav => hints::NAV,
            Tag::Footer => hints::FOOTER,
            Tag::Header => hints::HEADER,
            Tag::Aside => hints::SIDEBAR,
            Tag::Main => hints::MAIN,
            Tag::Article => hints::ARTICLE,
            Tag::Form => hints::FORM,
            _ => 0,
        };
        if has_attrs {
            flags |= self.attr_flags(el);
        }
        if tag == Tag::Time && has_attrs {
            if let Some(dt) = el.get("datetime") {
                let frame = self.tree.frames.len() as u32;
                self.tree.head.times.push(TimeMark {
                    frame,
                    kind: TimeKind::Time,
                    value: dt.into_owned(),
                });
            }
        }
        // A date, byline or tag list in an inline element is its own block (list
        // items often glue "03.11.2021" to the headline link with no space).
        if !tag.is_block() && flags & hints::META != 0 {
            self.flush_block();
        }
        let parent = self.top();
        let pf = &self.tree.frames[parent as usize];
        let depth = pf.depth.saturating_add(1);
        let idx = self.tree.frames.len() as u32;
        let block_anc = if tag.is_block() { idx } else { pf.block_anc };
        self.tree.frames.push(Frame {
            parent,
            depth,
            tag,
            flags,
            text_len: 0,
            link_len: 0,
            block_anc,
        });
        let pos = self.stack.len();
        self.stack.push(idx);
        match tag {
            Tag::Script => {
                self.skip += 1;
                let ld = el
                    .get("type")
                    .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"));
                if ld {
                    self.capture = Capture::JsonLd;
                    self.capture_buf.clear();
                }
            }
            Tag::Style | Tag::Skip | Tag::Option => self.skip += 1,
            Tag::Title if self.skip == 0 => {
                self.capture = Capture::Title;
                self.capture_buf.clear();
            }
            Tag::Textarea if self.skip == 0 => {
                self.capture = Capture::Textarea(idx);
                self.capture_buf.clear();
            }
            Tag::A => {
                self.in_link += 1;
                self.cur_links += 1;
            }
            Tag::Blockquote => self.in_quote += 1,
            Tag::Pre => self.in_pre += 1,
            Tag::Figure => self.in_figure += 1,
            _ => {}
        }
        Some((idx, pos))
    }

    /// Hint flags from class, id, role, itemprop and hiding attributes.
    fn attr_flags(&mut self, el: &Src<'_, '_, '_, '_>) -> u32 {
        let a = el.hint_attrs();
        let mut flags = 0;
        if let Some(c) = &a.class {
            flags |= self.classify_cached(c);
        }
        if let Some(c) = &a.id {
            flags |= hints::classify(c);
        }
        if let Some(r) = &a.role {
            flags |= hints::role(r);
        }
        if let Some(p) = &a.itemprop {
            let p = p.to_ascii_lowercase();
            if p.contains("articlebody") || p == "text" || p.contains("reviewbody") {
                flags |= hints::BODY;
            }
            if p.contains("datepublished") || p.contains("datemodified") {
                let v = a.content.or(a.datetime);
                if let Some(value) = v {
                    let frame = self.tree.frames.len() as u32;
                    let kind = if p.contains("datepublished") {
                        TimeKind::Published
                    } else {
                        TimeKind::Modified
                    };
                    self.tree.head.times.push(TimeMark {
                        frame,
                        kind,
                        value: value.into_owned(),
                    });
                }
            }
        }
        if a.hidden || a.aria_hidden.is_some_and(|v| v.trim() == "true") {
            flags |= hints::HIDDEN;
        }
        if let Some(st) = &a.style {
            if contains_ci(st, "none") || contains_ci(st, "hidden") {
                let compact: String = st
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .map(|c| c.to_ascii_lowercase())
                    .collect();
                if compact.contains("display:none") || compact.contains("visibility:hidden") {
                    flags |= hints::HIDDEN;
                }
            }
        }
        flags
    }

    /// Class attributes repeat across a page (every menu item, every paragraph of a
    /// CMS): classify each distinct value once.
    fn classify_cached(&mut self, class: &str) -> u32 {
        if let Some(&f) = self.class_cache.get(class) {
            return f;
        }
        let f = hints::classify(class);
        if self.class_cache.len() < 8192 && class.len() <= 256 {
            self.class_cache.insert(class.to_string(), f);
        }
        f
    }

    fn append_pre_newline(&mut self) {
        if !self.cur.is_empty() {
            self.flush_text();
            self.cur.push('\n');
        }
    }

    fn on_meta(&mut self, el: &Src<'_, '_, '_, '_>) {
        let key = el
            .get("property")
            .or_else(|| el.get("name"))
            .or_else(|| el.get("itemprop"))
            .or_else(|| el.get("http-equiv"));
        let (Some(key), Some(content)) = (key, el.get("content")) else {
            return;
        };
        if self.tree.head.metas.len() >= 256 || content.len() > MAX_META_VALUE {
            return;
        }
        let content = collapse(&htmlize::unescape_attribute(content));
        self.tree
            .head
            .metas
            .push((key.trim().to_ascii_lowercase(), content));
    }

    fn on_text(&mut self, t: &TextChunk<'_>) {
        match self.capture {
            Capture::Title if t.text_type() == TextType::RCData => {
                if self.capture_buf.len() < MAX_TITLE {
                    self.capture_buf.push_str(t.as_str());
                }
                if t.last_in_text_node() {
                    self.finish_capture();
                }
                return;
            }
            Capture::JsonLd => {
                if self.capture_buf.len() < MAX_JSON_LD {
                    self.capture_buf.push_str(t.as_str());
                }
                return;
            }
            Capture::Textarea(_) => {
                self.capture_buf.push_str(t.as_str());
                return;
            }
            _ => {}
        }
        if self.skip > 0 || t.text_type() != TextType::Data && t.text_type() != TextType::PlainText
        {
            return;
        }
        let s = t.as_str();
        if !s.is_empty() {
            self.raw.push_str(s);
        }
        if t.last_in_text_node() {
            self.flush_text();
        }
    }

    fn finish(mut self) -> Tree {
        while self.stack.len() > 1 {
            self.pop_one();
        }
        if let Capture::Textarea(f) = self.capture {
            self.finish_textarea(f);
        }
        self.flush_block();
        self.tree
    }
}

/// The byte length of the whitespace character (`char::is_whitespace`) at `b[i]`, or 0.
/// `b` is valid UTF-8 and `i` a character start or a continuation byte (never
/// whitespace).
#[inline]
fn ws_len(b: &[u8], i: usize) -> usize {
    match b[i] {
        b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' => 1,
        0xC2 if matches!(b.get(i + 1), Some(0x85 | 0xA0)) => 2,
        lead @ (0xE1..=0xE3) => {
            let (Some(&b1), Some(&b2)) = (b.get(i + 1), b.get(i + 2)) else {
                return 0;
            };
            let c =
                (u32::from(lead & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
            if char::from_u32(c).is_some_and(char::is_whitespace) {
                3
            } else {
                0
            }
        }
        _ => 0,
    }
}

/// A photo credit or caption line: "Photo: …", "Фото: …", "© Agency", "(Image: …)".
fn credit_line(text: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "photo:",
        "photo by",
        "photos:",
        "photograph:",
        "image:",
        "images:",
        "picture:",
        "credit:",
        "credits:",
        "foto:",
        "фото:",
        "фото -",
        "фото –",
        "фото —",
        "фота:",
        "фото з",
        "©",
        "(c)",
        "(photo",
        "(image",
    ];
    // Every prefix starts with one of these (lowercased) characters.
    let first = text.chars().next().and_then(|c| c.to_lowercase().next());
    if matches!(first, Some('p' | 'i' | 'c' | 'f' | 'ф' | '©' | '(')) {
        let head: String = text.chars().take(14).flat_map(char::to_lowercase).collect();
        if PREFIXES.iter().any(|p| head.starts_with(p)) {
            return true;
        }
    }
    let t = text.trim_end();
    t.ends_with(')')
        && t.rfind('(').is_some_and(|i| {
            let inner = t[i + 1..].to_lowercase();
            inner.starts_with("image:")
                || inner.starts_with("photo:")
                || inner.starts_with("фото:")
                || inner.contains("getty images")
        })
}

/// Collapses HTML whitespace runs into single spaces and trims.
pub(crate) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Does this textarea content look like an HTML document or fragment with text?
fn looks_like_html(s: &str) -> bool {
    let mut cut = s.len().min(4096);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &s[..cut];
    let lower = head.to_ascii_lowercase();
    [
        "<html",
        "<body",
        "<p",
        "<div",
        "<br",
        "<table",
        "<span",
        "<!doctype",
    ]
    .iter()
    .any(|t| lower.contains(t))
}

/// Raw values of the attributes that carry hints.
#[derive(Default)]
struct HintAttrs<'h> {
    class: Option<Cow<'h, str>>,
    id: Option<Cow<'h, str>>,
    role: Option<Cow<'h, str>>,
    itemprop: Option<Cow<'h, str>>,
    content: Option<Cow<'h, str>>,
    datetime: Option<Cow<'h, str>>,
    aria_hidden: Option<Cow<'h, str>>,
    style: Option<Cow<'h, str>>,
    hidden: bool,
}

/// ASCII case-insensitive substring test.
fn contains_ci(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// A start tag read without allocating: its name and attribute names and values are
/// slices of the source text at the byte ranges lol_html reports (the input is fed as
/// UTF-8, so they index `html`). lol_html's own getters allocate a `String` for every
/// name looked up and every value returned; they remain the fallback for a range that
/// does not fit the text.
struct Src<'e, 'x, 'y, 'h> {
    el: &'e Element<'x, 'y>,
    html: &'h str,
}

impl<'x, 'h> Src<'_, 'x, '_, 'h> {
    /// The element kind, from the raw tag name.
    fn tag(&self) -> Tag {
        let range = self.el.source_location().bytes();
        let bytes = self.html.as_bytes();
        if range.end <= bytes.len() && bytes.get(range.start) == Some(&b'<') {
            let raw = &bytes[range.start + 1..range.end];
            let n = raw
                .iter()
                .position(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'))
                .unwrap_or(raw.len());
            let mut buf = [0u8; 16];
            if n > buf.len() {
                // No tag the extractor tells apart has a name this long.
                return Tag::Other;
            }
            if n > 0 {
                for (d, s) in buf.iter_mut().zip(&raw[..n]) {
                    *d = s.to_ascii_lowercase();
                }
                if let Ok(name) = std::str::from_utf8(&buf[..n]) {
                    return Tag::from_name(name);
                }
            }
        }
        Tag::from_name(&self.el.tag_name())
    }

    /// The raw (entity-encoded) value of attribute `name` (lowercase ASCII), as
    /// lol_html's `get_attribute` gives it.
    fn get(&self, name: &str) -> Option<Cow<'h, str>> {
        Some(self.value(self.find(name)?))
    }

    /// The raw (entity-encoded) value of attribute `a`: a slice of the source text when
    /// its range fits, else lol_html's own copy.
    fn value(&self, a: &lol_html::html_content::Attribute<'x>) -> Cow<'h, str> {
        match a
            .value_source_location()
            .and_then(|l| self.html.get(l.bytes()))
        {
            Some(v) => Cow::Borrowed(v),
            None => Cow::Owned(a.value()),
        }
    }

    /// The name of attribute `a`: a slice of the source text when its range fits, else
    /// lol_html's own (lowercased) copy.
    fn name(&self, a: &lol_html::html_content::Attribute<'x>) -> Cow<'h, str> {
        match a
            .name_source_location()
            .and_then(|l| self.html.get(l.bytes()))
        {
            Some(n) => Cow::Borrowed(n),
            None => Cow::Owned(a.name()),
        }
    }

    /// The attributes [`State::attr_flags`] reads, in one pass over the attribute
    /// list (the first of duplicates wins, as with `get`).
    fn hint_attrs(&self) -> HintAttrs<'h> {
        let mut h = HintAttrs::default();
        for a in self.el.attributes() {
            let name = self.name(a);
            let slot = match name.len() {
                2 if name.eq_ignore_ascii_case("id") => &mut h.id,
                4 if name.eq_ignore_ascii_case("role") => &mut h.role,
                5 if name.eq_ignore_ascii_case("class") => &mut h.class,
                5 if name.eq_ignore_ascii_case("style") => &mut h.style,
                6 if name.eq_ignore_ascii_case("hidden") => {
                    h.hidden = true;
                    continue;
                }
                7 if name.eq_ignore_ascii_case("content") => &mut h.content,
                8 if name.eq_ignore_ascii_case("itemprop") => &mut h.itemprop,
                8 if name.eq_ignore_ascii_case("datetime") => &mut h.datetime,
                11 if name.eq_ignore_ascii_case("aria-hidden") => &mut h.aria_hidden,
                _ => continue,
            };
            if slot.is_none() {
                *slot = Some(self.value(a));
            }
        }
        h
    }

    #[cfg(test)]
    fn has(&self, name: &str) -> bool {
        self.find(name).is_some()
    }

    fn find(&self, name: &str) -> Option<&lol_html::html_content::Attribute<'x>> {
        self.el
            .attributes()
            .iter()
            .find(|a| self.name(a).eq_ignore_ascii_case(name))
    }
}

/// The selector every element handler uses, parsed once per process.
fn any_selector() -> &'static Selector {
    static SEL: std::sync::OnceLock<Selector> = std::sync::OnceLock::new();
    SEL.get_or_init(|| "*".parse().unwrap_or_else(|_| unreachable_selector()))
}

#[cold]
fn unreachable_selector() -> Selector {
    // "*" is a valid selector; this path exists only so the code has no panic.
    "html".parse().unwrap_or_else(|_| unreachable_selector())
}

/// Parses UTF-8 HTML into a frame tree and raw blocks. Never fails: on a parser error
/// (memory limit) the part read so far is returned with `truncated` set.
pub(crate) fn parse(html: &str, limits: Limits, nested: bool) -> Tree {
    parse_chunked(html, limits, nested, 1 << 20)
}

/// [`parse`] with the input fed to lol_html in `chunk`-byte pieces (which may split
/// tags, entities and UTF-8 sequences): the result must not depend on `chunk`.
fn parse_chunked(html: &str, limits: Limits, nested: bool, chunk: usize) -> Tree {
    let state = Rc::new(RefCell::new(State::new(limits, nested)));
    let st_el = Rc::clone(&state);
    let st_text = Rc::clone(&state);
    let el_handlers = ElementContentHandlers::default().element(move |el: &mut Element<'_, '_>| {
        let opened = st_el.borrow_mut().on_element(&Src { el, html });
        if let Some((idx, pos)) = opened {
            if let Some(handlers) = el.end_tag_handlers() {
                let st = Rc::clone(&st_el);
                handlers.push(Box::new(move |_end| {
                    st.borrow_mut().close(idx, pos);
                    Ok(())
                }));
            }
        }
        Ok(())
    });
    let doc_handlers = DocumentContentHandlers::default().text(move |t: &mut TextChunk<'_>| {
        st_text.borrow_mut().on_text(t);
        Ok(())
    });
    let settings = lol_html::Settings::new()
        .append_element_content_handler((Cow::Borrowed(any_selector()), el_handlers))
        .append_document_content_handler(doc_handlers)
        .with_strict(false)
        .with_memory_settings(
            MemorySettings::new()
                .with_max_allowed_memory_usage(limits.max_memory)
                .with_preallocated_parsing_buffer_size(16 * 1024),
        );
    let failed = {
        let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
        let mut failed = false;
        // Feed in slices so a memory-limit error loses little.
        for chunk in html.as_bytes().chunks(chunk.max(1)) {
            if rewriter.write(chunk).is_err() {
                failed = true;
                break;
            }
        }
        if failed {
            drop(rewriter);
            true
        } else {
            rewriter.end().is_err()
        }
    };
    // The handlers hold the other references; dropping the rewriter frees them.
    let state = match Rc::try_unwrap(state) {
        Ok(cell) => cell.into_inner(),
        Err(rc) => {
            // End-tag handlers of unclosed elements keep clones alive until the
            // rewriter is dropped, which happened above; fall back to taking the state.
            let mut s = rc.borrow_mut();
            let limits = s.limits;
            std::mem::replace(&mut *s, State::new(limits, nested))
        }
    };
    let mut tree = state.finish();
    tree.truncated |= failed;
    tree
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const LIMITS: Limits = Limits {
        max_memory: 64 << 20,
        max_frames: 100_000,
        textarea_documents: true,
    };

    fn blocks(t: &Tree) -> Vec<(String, u32, u32)> {
        t.blocks
            .iter()
            .map(|b| (b.text.clone(), b.frame, b.link_len))
            .collect()
    }

    const PAGE: &str = "<html lang=ru><head><title>Т&amp;Т</title></head><body><div class=\"article-body\">\
        <p>Министерство&nbsp;связи &laquo;тест&raquo; <a href=/x>ссылка</a> конец.</p><ul><li>один<li>два</ul>\
        <table><tr><td>a<td>b</table><textarea>&lt;p&gt;Документ в поле&lt;/p&gt;</textarea>\
        <script>var x = '<p>';</script><pre>  code\n  block</pre></div></body></html>";

    #[test]
    fn blocks_and_kinds() {
        let t = parse(PAGE, LIMITS, false);
        let texts: Vec<&str> = t.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Министерство связи «тест» ссылка конец.",
                "один",
                "два",
                "a | b",
                "Документ в поле",
                "  code\n  block"
            ]
        );
        assert_eq!(t.head.title.as_deref(), Some("Т&Т"));
        assert_eq!(t.blocks[0].link_len, 6);
    }

    /// The zero-copy reads agree with lol_html's allocating getters.
    #[test]
    fn src_matches_lol_html() {
        let html = "<DIV Class=\"a &amp; b\" id=x ID=y data-x='1' hidden><Span STYLE = \"display: none\" \
            role=navigation/><a href=/x?a=1&b=2 title=\"Заголовок\">x</a><my-very-long-custom-element-name a=b>\
            <H2 itemprop=headline>t</H2><img src=x alt>";
        let names = [
            "class", "id", "data-x", "hidden", "style", "role", "href", "title", "a", "itemprop",
            "src", "alt", "missing",
        ];
        let seen = RefCell::new(0);
        let handlers = ElementContentHandlers::default().element(|el: &mut Element<'_, '_>| {
            let src = Src { el, html };
            assert_eq!(src.tag(), Tag::from_name(&el.tag_name()));
            for n in names {
                assert_eq!(src.get(n).map(Cow::into_owned), el.get_attribute(n), "{n}");
                assert_eq!(src.has(n), el.has_attribute(n), "{n}");
            }
            let h = src.hint_attrs();
            let own = |v: Option<Cow<'_, str>>| v.map(Cow::into_owned);
            assert_eq!(own(h.class), el.get_attribute("class"));
            assert_eq!(own(h.id), el.get_attribute("id"));
            assert_eq!(own(h.role), el.get_attribute("role"));
            assert_eq!(own(h.style), el.get_attribute("style"));
            assert_eq!(own(h.itemprop), el.get_attribute("itemprop"));
            assert_eq!(h.hidden, el.has_attribute("hidden"));
            *seen.borrow_mut() += 1;
            Ok(())
        });
        let settings = lol_html::Settings::new()
            .append_element_content_handler((Cow::Borrowed(any_selector()), handlers));
        let mut rw = HtmlRewriter::new(settings, |_: &[u8]| {});
        for chunk in html.as_bytes().chunks(7) {
            rw.write(chunk).unwrap();
        }
        rw.end().unwrap();
        assert_eq!(*seen.borrow(), 6);
    }

    /// The word-by-word whitespace collapsing gives what a char-by-char loop over
    /// `char::is_whitespace` gives, across text nodes.
    fn collapse_ref(parts: &[String]) -> (String, u32) {
        let (mut out, mut pending, mut n) = (String::new(), false, 0);
        for part in parts {
            for c in part.chars() {
                if c.is_whitespace() {
                    pending |= !out.is_empty();
                    continue;
                }
                if pending {
                    out.push(' ');
                    pending = false;
                }
                out.push(c);
                n += 1;
            }
        }
        (out, n)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]
        #[test]
        fn append_collapses_like_chars(parts in proptest::collection::vec(
            "[a-zЖж \t\n\r\u{b}\u{c}\u{85}\u{a0}\u{1680}\u{2003}\u{2028}\u{202f}\u{3000}\u{2014}\u{20ac}«\u{3001}]{0,12}", 0..5)) {
            let mut st = State::new(LIMITS, false);
            for p in &parts {
                st.append(p, 0);
            }
            let (want, n) = collapse_ref(&parts);
            prop_assert_eq!(&st.cur, &want);
            prop_assert_eq!(st.cur_len, n);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
        /// A failing chunk size is saved under proptest-regressions/ and replayed first.
        #[test]
        fn chunk_size_does_not_matter(chunk in 1usize..64) {
            let whole = parse(PAGE, LIMITS, false);
            let parts = parse_chunked(PAGE, LIMITS, false, chunk);
            prop_assert_eq!(blocks(&whole), blocks(&parts));
            prop_assert_eq!(whole.frames.len(), parts.frames.len());
            prop_assert_eq!(whole.head.title, parts.head.title);
        }
    }
}
