//! Main-content scoring over the frame tree.
//!
//! 1. Aggregate text and link-text lengths bottom-up, hint flags top-down.
//! 2. Score container frames, readability-style: every paragraph-like block of 25+
//!    characters adds `1 + commas + min(len/100, 3)` to its container and a falling
//!    share to three more ancestors; a container's total gets a hint weight and is
//!    damped by its link density.
//! 3. The best container and its strong siblings form the content region.
//! 4. A block is content when it lies in the region, under no boilerplate hint
//!    *inside* the region, and is not mostly links.

use crate::hints;
use crate::parse::{Tag, Tree};
use crate::{BlockKind, PageKind};

/// Per-block decision and features.
#[derive(Debug, Clone, Default)]
pub(crate) struct BlockScore {
    pub is_content: bool,
    pub score: f32,
    pub link_density: f32,
    pub depth: u32,
    pub hint_flags: u32,
    pub in_main: bool,
    pub region_score: f32,
}

/// The classification of a whole page.
#[derive(Debug, Clone)]
pub(crate) struct Classification {
    pub blocks: Vec<BlockScore>,
    pub page_kind: PageKind,
}

fn commas(s: &str) -> u32 {
    s.chars()
        .filter(|&c| c == ',' || c == '，' || c == '、' || c == '،')
        .count() as u32
}

/// Hint weight of a candidate container.
fn weight(flags: u32) -> f32 {
    let mut w = 0.0;
    if flags & hints::BODY != 0 {
        w += 40.0;
    }
    if flags & (hints::CONTENT | hints::ARTICLE | hints::MAIN) != 0 {
        w += 15.0;
    }
    if flags & (hints::NEGATIVE & !hints::META) != 0 {
        w -= 25.0;
    }
    w
}

/// Tags whose text is a paragraph whose container is the parent.
fn paragraph_like(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::P
            | Tag::H(_)
            | Tag::Li
            | Tag::Pre
            | Tag::Td
            | Tag::Tr
            | Tag::Dd
            | Tag::Dt
            | Tag::Blockquote
            | Tag::Caption
            | Tag::Figcaption
    )
}

pub(crate) fn classify(tree: &Tree, title_in_content: bool, captions: bool) -> Classification {
    let frames = &tree.frames;
    let n = frames.len();
    let blocks = &tree.blocks;
    // Bottom-up aggregates and subtree ends (frames are in preorder).
    let mut agg_text: Vec<u64> = frames.iter().map(|f| u64::from(f.text_len)).collect();
    let mut agg_link: Vec<u64> = frames.iter().map(|f| u64::from(f.link_len)).collect();
    let mut end: Vec<u32> = (1..=n as u32).collect();
    for i in (1..n).rev() {
        let p = frames[i].parent as usize;
        agg_text[p] += agg_text[i];
        agg_link[p] += agg_link[i];
        end[p] = end[p].max(end[i]);
    }
    // Top-down inherited flags.
    let mut anc: Vec<u32> = Vec::with_capacity(n);
    for (i, f) in frames.iter().enumerate() {
        let pf = if i == 0 { 0 } else { anc[f.parent as usize] };
        anc.push(pf | f.flags);
    }
    // "Good" text: paragraph-like blocks of 25+ characters that are not mostly links.
    let mut agg_good = vec![0u64; n];
    for b in blocks {
        if b.text_len >= 25 && b.link_len * 2 <= b.text_len {
            agg_good[b.frame as usize] += u64::from(b.text_len);
        }
    }
    for i in (1..n).rev() {
        let p = frames[i].parent as usize;
        agg_good[p] += agg_good[i];
    }
    // Candidates under a boilerplate region (other than the page wrappers html/body)
    // are damped: a long comment thread must not outscore the article above it.
    // A negative name on a wrapper of the article (`content-sidebar-wrap`, `has-ads`)
    // does not count: only regions with no article-body or main marker inside do.
    let strong_neg = hints::NEGATIVE & !hints::META;
    let mut pos_desc = vec![false; n];
    for i in (0..n).rev() {
        let f = &frames[i];
        let marker = f.flags & (hints::BODY | hints::MAIN) != 0
            || (f.flags & hints::ARTICLE != 0 && f.flags & strong_neg == 0);
        if marker {
            pos_desc[i] = true;
        }
        if i > 0 && pos_desc[i] {
            pos_desc[f.parent as usize] = true;
        }
    }
    let mut anc_neg = vec![false; n];
    for (i, f) in frames.iter().enumerate().skip(1) {
        // Also a wrapper: a frame with most of the page's good text, unless it is
        // named as comments or related content (those can outweigh the article).
        let wrapper =
            agg_good[i] * 2 > agg_good[0] && f.flags & (hints::COMMENT | hints::RELATED) == 0;
        let own = f.flags & strong_neg != 0
            && !matches!(f.tag, Tag::Html | Tag::Body)
            && !pos_desc[i]
            && !wrapper;
        anc_neg[i] = anc_neg[f.parent as usize] || own;
    }
    // Candidate scores.
    let mut cand = vec![0f32; n];
    let mut touched = vec![false; n];
    for b in blocks {
        if b.text_len < 25 {
            continue;
        }
        let ld = b.link_len as f32 / b.text_len.max(1) as f32;
        if ld > 0.5 {
            continue;
        }
        let s = 1.0 + commas(&b.text) as f32 + (b.text_len as f32 / 100.0).min(3.0);
        let owner = b.frame as usize;
        let mut node = if paragraph_like(frames[owner].tag) {
            frames[owner].parent as usize
        } else {
            owner
        };
        for level in 0..4u32 {
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            cand[node] += s / div;
            touched[node] = true;
            if node == 0 {
                break;
            }
            node = frames[node].parent as usize;
        }
    }
    let mut finals = vec![f32::NEG_INFINITY; n];
    let mut best = None::<usize>;
    for i in 0..n {
        if !touched[i] {
            continue;
        }
        let ld = if agg_text[i] == 0 {
            0.0
        } else {
            agg_link[i] as f32 / agg_text[i] as f32
        };
        let w = weight(frames[i].flags);
        let damp = if anc_neg[i] { 0.25 } else { 1.0 };
        let f = (cand[i] + w) * (1.0 - ld) * damp;
        finals[i] = f;
        if best.is_none_or(|b| f > finals[b]) {
            best = Some(i);
        }
    }
    // Good text outside boilerplate regions.
    let mut clean = vec![0u64; n];
    for b in blocks {
        if b.text_len >= 25 && b.link_len * 2 <= b.text_len && !anc_neg[b.frame as usize] {
            clean[b.frame as usize] += u64::from(b.text_len);
        }
    }
    for i in (1..n).rev() {
        let p = frames[i].parent as usize;
        clean[p] += clean[i];
    }
    // Region roots: the best container, widened to ancestors while what they add is
    // mostly clean text (an article body split into several sibling sections), plus
    // sibling paragraphs.
    let mut roots: Vec<usize> = Vec::new();
    // Headline blocks (mostly a link, 15+ characters) per subtree, for list pages.
    let mut heads = vec![0u32; n];
    for b in blocks {
        if b.text_len >= 15 && b.link_len * 10 >= b.text_len * 6 {
            heads[b.frame as usize] += 1;
        }
    }
    for i in (1..n).rev() {
        let p = frames[i].parent as usize;
        heads[p] = heads[p].saturating_add(heads[i]);
    }
    let list_root = best.and_then(|b| find_list(frames, &end, &heads, &agg_text, &agg_link, b));
    match best {
        _ if list_root.is_some() => roots.extend(list_root),
        Some(mut top) if top != 0 => {
            loop {
                let p = frames[top].parent as usize;
                if p == 0 || matches!(frames[p].tag, Tag::Body | Tag::Html) {
                    break;
                }
                let add_clean = clean[p] - clean[top];
                let add_total = agg_text[p] - agg_text[top];
                if add_total == 0 || add_clean * 10 >= add_total * 6 {
                    top = p;
                } else {
                    break;
                }
            }
            let parent = frames[top].parent as usize;
            let mut i = parent + 1;
            while i < end[parent] as usize {
                if i == top {
                    roots.push(i);
                } else if frames[i].parent as usize == parent
                    && frames[i].flags & hints::NEGATIVE == 0
                {
                    let t = agg_text[i];
                    let ld = if t == 0 {
                        1.0
                    } else {
                        agg_link[i] as f32 / t as f32
                    };
                    if matches!(frames[i].tag, Tag::P)
                        && ((t > 80 && ld < 0.25) || (t > 0 && ld == 0.0))
                    {
                        roots.push(i);
                    }
                }
                i = end[i] as usize;
            }
        }
        _ => roots.push(0),
    }
    // Region membership and flags relative to the region root.
    let mut in_region = vec![false; n];
    let mut rel = vec![0u32; n];
    let mut region_of = vec![0f32; n];
    for &r in &roots {
        // A widened region carries the score of the container it grew from.
        let best_score = best.map_or(0.0, |b| finals[b].max(0.0));
        let rs = if finals[r].is_finite() {
            finals[r].max(best_score)
        } else {
            best_score
        };
        // A negative name on a frame holding half the region's good text is a
        // wrapper (page builders' `widget-container`), not a boilerplate box.
        let wrapper = agg_good[r] / 2;
        for i in r..end[r] as usize {
            in_region[i] = true;
            let is_wrapper = agg_good[i] > wrapper
                && agg_good[i] > 0
                && frames[i].flags & (hints::COMMENT | hints::RELATED) == 0;
            let mut own = if is_wrapper {
                frames[i].flags & !hints::NEGATIVE
            } else {
                frames[i].flags
            };
            // Bylines, dates and tag lists are short; a "meta" name on a frame with
            // real text is something else (`post-meta-wrapper`).
            if agg_good[i] >= 300 {
                own &= !hints::META;
            }
            rel[i] = if i == r {
                0
            } else {
                rel[frames[i].parent as usize] | own
            };
            region_of[i] = rs;
        }
    }
    let total = blocks.len().max(1) as f32;
    let mut out = Vec::with_capacity(blocks.len());
    for b in blocks.iter() {
        let f = b.frame as usize;
        let ld = if b.text_len == 0 {
            0.0
        } else {
            b.link_len as f32 / b.text_len as f32
        };
        let neg = rel[f] & hints::NEGATIVE != 0;
        let mut score = if in_region[f] { 1.0 } else { 0.0 };
        score -= ld;
        if neg {
            score -= 1.0;
        }
        out.push(BlockScore {
            is_content: score >= 0.5,
            score,
            link_density: ld,
            depth: frames[f].depth,
            hint_flags: anc[f],
            in_main: anc[f] & (hints::MAIN | hints::ARTICLE | hints::BODY) != 0,
            region_score: region_of[f],
        });
    }
    let _ = total;
    // Page kind.
    let content_chars: u64 = blocks
        .iter()
        .zip(&out)
        .filter(|(_, s)| s.is_content)
        .map(|(b, _)| u64::from(b.text_len))
        .sum();
    let mut headlines = 0usize;
    let mut paras = 0usize;
    let mut longest = 0u32;
    for (b, s) in blocks.iter().zip(&out) {
        let f = b.frame as usize;
        if !in_region[f] || rel[f] & hints::NEGATIVE != 0 {
            continue;
        }
        if s.link_density > 0.5 && b.text_len >= 20 {
            headlines += 1;
        } else if s.is_content {
            paras += 1;
            longest = longest.max(b.text_len);
        }
    }
    // The same text twice (gallery captions, tabbed teasers) is content once.
    let mut seen = std::collections::HashSet::new();
    for (b, s) in blocks.iter().zip(out.iter_mut()) {
        if s.is_content && b.text_len >= 50 && !seen.insert(b.text.as_str()) {
            s.is_content = false;
            s.score = s.score.min(0.0);
        }
        if !captions && s.is_content && b.kind == BlockKind::Caption {
            s.is_content = false;
            s.score = s.score.min(0.0);
        }
        // Copyright notices, "when using materials a link is required", breadcrumb
        // trails: the footer and header lines that sit inside content containers.
        if s.is_content && b.text_len < 250 && boilerplate_line(&b.text) {
            s.is_content = false;
            s.score = s.score.min(0.0);
        }
        // A bare date or number, or a short dateline, is metadata, not text.
        if s.is_content
            && b.kind != BlockKind::TableRow
            && (!b.text.chars().any(char::is_alphabetic) || dateline(&b.text))
        {
            s.is_content = false;
            s.score = s.score.min(0.0);
        }
        // A lone word that is not a heading or list item is a widget label
        // ("Advertisement", "Close", "Comments").
        if s.is_content
            && b.kind == BlockKind::Paragraph
            && b.text_len < 20
            && !b.text.contains(' ')
            && !b
                .text
                .chars()
                .any(|c| c.is_ascii_digit() || unspaced_script(c))
            && !b.text.ends_with(['.', '!', '?'])
        {
            s.is_content = false;
            s.score = s.score.min(0.0);
        }
    }
    // "You may also like", "Читайте также": what follows, while it is short and not
    // a sentence, is a related-links list inside the article container.
    let mut suppress = false;
    for (b, s) in blocks.iter().zip(out.iter_mut()) {
        if !s.is_content {
            continue;
        }
        if b.text_len <= 40 && related_trigger(&b.text) {
            suppress = true;
        } else if suppress
            && (b.text_len >= 120
                || matches!(b.kind, BlockKind::Heading { .. })
                || (b.text_len >= 40
                    && b.text.trim_end().ends_with(['.', '!', '?', ';', '»', '"'])))
        {
            suppress = false;
        }
        if suppress {
            s.is_content = false;
            s.score = s.score.min(0.0);
        }
    }
    // The page's <h1> just before the content is its title and belongs to it.
    if title_in_content {
        if let Some(first) = out.iter().position(|s| s.is_content) {
            let lo = first.saturating_sub(8);
            if let Some(h) = (lo..first)
                .rev()
                .find(|&i| blocks[i].kind == BlockKind::Heading { level: 1 })
            {
                let between_text: u32 = blocks[h + 1..first]
                    .iter()
                    .filter(|b| b.text_len >= 40)
                    .map(|b| b.text_len)
                    .sum();
                if between_text < 200 {
                    out[h].is_content = true;
                    out[h].score = out[h].score.max(0.5);
                }
            }
        }
    }
    // A heading with no content under it titles a dropped widget ("Most popular").
    let mut next_is_body = false;
    for (b, s) in blocks.iter().zip(out.iter_mut()).rev() {
        match b.kind {
            BlockKind::Heading { .. } => {
                if s.is_content && !next_is_body {
                    s.is_content = false;
                    s.score = s.score.min(0.0);
                }
                if s.is_content {
                    next_is_body = true;
                }
            }
            _ => {
                if s.is_content {
                    next_is_body = true;
                } else if b.text_len >= 25 {
                    next_is_body = false;
                }
            }
        }
    }
    let page_kind = if content_chars == 0 && headlines == 0 {
        PageKind::Empty
    } else if list_root.is_some() || (headlines >= 5 && headlines * 2 >= paras && longest < 600) {
        PageKind::List
    } else {
        PageKind::Article
    };
    if page_kind == PageKind::List {
        for (b, s) in blocks.iter().zip(out.iter_mut()) {
            let f = b.frame as usize;
            let item_own = hints::HEADER | hints::META;
            // Headline links of the list (the general rule dropped them as links).
            if in_region[f]
                && rel[f] & hints::NEGATIVE & !item_own == 0
                && b.text_len >= 20
                && s.link_density > 0.5
                && !s.is_content
                && !dateline(&b.text)
                && !boilerplate_line(&b.text)
                && !related_trigger(&b.text)
            {
                s.is_content = true;
                s.score = 0.5;
            }
        }
    }
    // Nothing left: a page that is only a list of links (documents, sections) is a
    // list of those links, taken from the frame holding most headline-link text
    // outside boilerplate regions; otherwise the page is empty.
    let page_kind = if out.iter().any(|s| s.is_content) {
        page_kind
    } else if link_list_fallback(tree, &anc_neg, &end, &mut out) {
        PageKind::List
    } else {
        PageKind::Empty
    };
    Classification {
        blocks: out,
        page_kind,
    }
}

/// Looks above the best container for a list of teasers: an ancestor with 4+
/// children of the same tag, most of which hold one to three headline links and
/// some other text. Returns the list's frame.
fn find_list(
    frames: &[crate::parse::Frame],
    end: &[u32],
    heads: &[u32],
    agg_text: &[u64],
    agg_link: &[u64],
    best: usize,
) -> Option<usize> {
    let mut x = best;
    for _ in 0..5 {
        let a = frames[x].parent as usize;
        if a == 0 || a == x {
            return None;
        }
        let tag = frames[x].tag;
        let (mut same, mut items) = (0u32, 0u32);
        let mut c = a + 1;
        let mut guard = 0;
        while c < end[a] as usize && guard < 10_000 {
            guard += 1;
            if frames[c].tag == tag {
                same += 1;
                if (1..=3).contains(&heads[c]) && agg_text[c] > agg_link[c] {
                    items += 1;
                }
            }
            c = end[c] as usize;
        }
        if items >= 4 && items * 10 >= same * 6 {
            return Some(a);
        }
        x = a;
    }
    None
}

/// A short block that is a date with at most a few words around it
/// ("30 листопада 2021", "Posted May 17, 2021 by X").
fn dateline(text: &str) -> bool {
    const LABELS: &[&str] = &[
        "published",
        "first published",
        "updated",
        "last updated",
        "posted",
        "date:",
        "опубликовано",
        "обновлено",
        "дата публикации",
        "дата:",
        "апублікавана",
        "опубліковано",
        "оновлено",
    ];
    if text.len() >= 120 {
        return false;
    }
    let has_date = || {
        crate::dates::find_in_text(text).is_some() || crate::dates::find_iso_in_text(text).is_some()
    };
    if text.len() < 60 && text.split_whitespace().count() <= 6 && has_date() {
        return true;
    }
    let lower = text.trim_start().to_lowercase();
    LABELS.iter().any(|l| lower.starts_with(l)) && has_date()
}

/// Phrases that introduce a list of related links, in the languages we serve.
fn related_trigger(text: &str) -> bool {
    const TRIGGERS: &[&str] = &[
        "you may also like",
        "you might also like",
        "related",
        "related articles",
        "related stories",
        "related news",
        "related posts",
        "read more",
        "read also",
        "see also",
        "more stories",
        "more news",
        "recommended",
        "recommended for you",
        "more from",
        "also read",
        "most read",
        "most popular",
        "trending",
        "читайте также",
        "смотрите также",
        "другие новости",
        "похожие новости",
        "по теме",
        "еще по теме",
        "ещё по теме",
        "последние новости",
        "чытайце таксама",
        "глядзіце таксама",
        "іншыя навіны",
        "читайте також",
        "дивіться також",
        "інші новини",
        "останні новини",
        // Popular / recommended boxes.
        "popular",
        "most viewed",
        "more like this",
        "more on this",
        "editor's picks",
        "top stories",
        "don't miss",
        "самые популярные",
        "популярное",
        "популярные материалы",
        "самое читаемое",
        "материалы по теме",
        "новости по теме",
        "вам может быть интересно",
        "рекомендуем",
        "найпопулярніше",
        "папулярнае",
        // Comment sections.
        "comments",
        "leave a reply",
        "leave a comment",
        "add comment",
        "комментарии",
        "отзывы",
        "добавить отзыв",
        "добавить комментарий",
        "оставить комментарий",
        "каментарыі",
        "коментарі",
    ];
    let t: String = text
        .trim()
        .trim_end_matches(['.', ':', '…', '!', ' '])
        .chars()
        .flat_map(char::to_lowercase)
        .collect();
    TRIGGERS.iter().any(|p| {
        t == *p
            || (t.starts_with(p) && t.len() <= p.len() + 12 && t[p.len()..].starts_with([' ', ':']))
    })
}

/// Scripts written without spaces between words (CJK, kana, Thai...), where a short
/// block without a space is still a sentence.
fn unspaced_script(c: char) -> bool {
    matches!(c, '\u{0E00}'..='\u{0EFF}' | '\u{1000}'..='\u{109F}' | '\u{3000}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// A footer or breadcrumb line, recognised by its wording.
fn boilerplate_line(text: &str) -> bool {
    const PHRASES: &[&str] = &[
        "all rights reserved",
        "все права защищены",
        "все права на материалы",
        "усе правы абаронены",
        "всі права захищені",
        "при использовании материалов",
        "при цитировании",
        "пры выкарыстанні матэрыялаў",
        "при використанні матеріалів",
        "alle rechte vorbehalten",
        "reading time",
        "min read",
        "время чтения",
        "час читання",
    ];
    // Promotions and tag lines, recognised by how they start.
    const STARTS: &[&str] = &[
        "subscribe to",
        "sign up for",
        "follow us",
        "like this story",
        "share this",
        "filed under",
        "tags:",
        "теги:",
        "метки:",
        "подпишитесь",
        "подписывайтесь",
        "следите за нами",
        "падпісвайцеся",
        "підписуйтеся",
    ];
    const HOME: &[&str] = &["home", "главная", "галоўная", "головна", "startseite"];
    // One automaton for all phrases, built once (14 substring searches per block,
    // each building its own searcher, were a visible share of the run time).
    static PHRASE_SET: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::OnceLock::new();
    let cut = text.char_indices().nth(250).map_or(text.len(), |(i, _)| i);
    let lower = text[..cut].to_lowercase();
    let phrase = || match PHRASE_SET.get_or_init(|| aho_corasick::AhoCorasick::new(PHRASES).ok()) {
        Some(ac) => ac.is_match(&lower),
        None => PHRASES.iter().any(|p| lower.contains(p)),
    };
    if text.contains(['©', 'ⓒ'])
        || lower.starts_with("(c) ")
        || lower.starts_with("copyright")
        || phrase()
        || (text.len() < 160 && STARTS.iter().any(|p| lower.starts_with(p)))
    {
        return true;
    }
    HOME.iter().any(|h| {
        lower.strip_prefix(h).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.starts_with(['»', '>', '/', '→', '|', '›', '\\'])
        })
    })
}

/// Marks the links of the page's main link list as content when nothing else is.
/// Returns whether it found one (three or more links of 20+ characters).
fn link_list_fallback(tree: &Tree, anc_neg: &[bool], end: &[u32], out: &mut [BlockScore]) -> bool {
    let frames = &tree.frames;
    let n = frames.len();
    let is_link = |b: &crate::parse::RawBlock| b.text_len >= 20 && b.link_len * 2 > b.text_len;
    let mut chars = vec![0u64; n];
    let mut count = vec![0u32; n];
    for b in &tree.blocks {
        let f = b.frame as usize;
        if is_link(b) && !anc_neg[f] && !boilerplate_line(&b.text) {
            chars[f] += u64::from(b.text_len);
            count[f] += 1;
        }
    }
    for i in (1..n).rev() {
        let p = frames[i].parent as usize;
        chars[p] += chars[i];
        count[p] += count[i];
    }
    let total = chars[0];
    if total == 0 {
        return false;
    }
    // The deepest frame that still holds most of the link text.
    let mut best = 0usize;
    for i in 1..n {
        if chars[i] * 10 >= total * 7 && count[i] >= 3 && frames[i].depth >= frames[best].depth {
            best = i;
        }
    }
    if count[best] < 3 {
        return false;
    }
    let range = best..end[best] as usize;
    let mut any = false;
    for (b, s) in tree.blocks.iter().zip(out.iter_mut()) {
        let f = b.frame as usize;
        if range.contains(&f)
            && !anc_neg[f]
            && b.text_len >= 20
            && !boilerplate_line(&b.text)
            && !dateline(&b.text)
        {
            s.is_content = true;
            s.score = 0.5;
            any = true;
        }
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footer_and_breadcrumb_lines() {
        assert!(boilerplate_line(
            "© 2019 Министерство здравоохранения Российской Федерации"
        ));
        assert!(boilerplate_line(
            "При использовании материалов ссылка на сайт обязательна."
        ));
        assert!(boilerplate_line("Главная » Противодействие коррупции"));
        assert!(boilerplate_line("Home > News"));
        assert!(!boilerplate_line(
            "Homeowners in the region received new broadband vouchers."
        ));
        assert!(!boilerplate_line(
            "Главная задача министерства — цифровая трансформация."
        ));
    }

    #[test]
    fn related_triggers_and_datelines() {
        assert!(related_trigger("Читайте также:"));
        assert!(related_trigger("You may also like..."));
        assert!(!related_trigger("Related to this, the ministry said"));
        assert!(dateline("30 листопада 2021"));
        assert!(dateline(
            "First Published: Tuesday, November 19, 2019 08:38 AM"
        ));
        assert!(dateline(
            "Опубликовано: 17.05.2021 10:00, обновлено 18.05.2021"
        ));
        assert!(boilerplate_line(
            "Subscribe to our newsletter for the latest updates."
        ));
        assert!(boilerplate_line("Время чтения: 3 минуты"));
        assert!(!boilerplate_line(
            "Subscribers to the new tariff get gigabit access in all district centres."
        ));
        assert!(!dateline(
            "On 17 May 2021 the ministry published the message of the ITU Secretary-General."
        ));
    }
}
