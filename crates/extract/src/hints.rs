//! Class/id/role hint tokens: the words web developers use to name page regions.
//!
//! An attribute value is split into words at non-alphanumerics and camelCase
//! boundaries (`mainNav`, `post-footer`, `sidebar_widget`), each word is looked up, and
//! the result is a bit set. Matching is per word, never per substring, so `canvas` is
//! not `nav` and `download` is not `ad`.

/// Navigation: menus, navbars, skip links, pagination, language switchers.
pub(crate) const NAV: u32 = 1;
/// Page header or footer, copyright, contacts in the footer.
pub(crate) const FOOTER: u32 = 1 << 1;
/// Breadcrumbs.
pub(crate) const CRUMB: u32 = 1 << 2;
/// Share bars, social links, print/e-mail tools.
pub(crate) const SHARE: u32 = 1 << 3;
/// Comments and comment forms.
pub(crate) const COMMENT: u32 = 1 << 4;
/// Related, recommended, popular, "latest news" lists.
pub(crate) const RELATED: u32 = 1 << 5;
/// Sidebars, widgets, asides.
pub(crate) const SIDEBAR: u32 = 1 << 6;
/// Cookie and consent banners, pop-ups, modals.
pub(crate) const COOKIE: u32 = 1 << 7;
/// Ads, promos, banners, sponsored content, newsletter sign-ups.
pub(crate) const AD: u32 = 1 << 8;
/// Bylines, dates, tags and other article metadata.
pub(crate) const META: u32 = 1 << 9;
/// Hidden by attribute or inline style.
pub(crate) const HIDDEN: u32 = 1 << 10;
/// Site header, masthead, logo.
pub(crate) const HEADER: u32 = 1 << 11;
/// A `<form>`: field labels, captchas, submit texts.
pub(crate) const FORM: u32 = 1 << 12;
/// Positive: article, content, post, entry, story, text.
pub(crate) const CONTENT: u32 = 1 << 16;
/// Strong positive: `itemprop=articleBody`, `article-body`, `entry-content`, ...
pub(crate) const BODY: u32 = 1 << 17;
/// `<main>` or `role=main`.
pub(crate) const MAIN: u32 = 1 << 18;
/// `<article>` or `role=article`.
pub(crate) const ARTICLE: u32 = 1 << 19;

/// All negative flags.
pub(crate) const NEGATIVE: u32 = NAV
    | FOOTER
    | CRUMB
    | SHARE
    | COMMENT
    | RELATED
    | SIDEBAR
    | COOKIE
    | AD
    | META
    | HIDDEN
    | HEADER
    | FORM;
/// All positive flags.
#[allow(dead_code)]
pub(crate) const POSITIVE: u32 = CONTENT | BODY | MAIN | ARTICLE;

/// Names of the flags, for `Features::hints`.
pub(crate) const NAMES: &[(u32, &str)] = &[
    (NAV, "nav"),
    (FOOTER, "footer"),
    (CRUMB, "breadcrumb"),
    (SHARE, "share"),
    (COMMENT, "comment"),
    (RELATED, "related"),
    (SIDEBAR, "sidebar"),
    (COOKIE, "cookie"),
    (AD, "ad"),
    (META, "meta"),
    (HIDDEN, "hidden"),
    (HEADER, "header"),
    (FORM, "form"),
    (CONTENT, "content"),
    (BODY, "body"),
    (MAIN, "main"),
    (ARTICLE, "article"),
];

/// The flag names set in `flags`.
pub(crate) fn names(flags: u32) -> Vec<&'static str> {
    NAMES
        .iter()
        .filter(|(f, _)| flags & f != 0)
        .map(|&(_, n)| n)
        .collect()
}

/// Looks one lowercase word up.
fn word_flag(w: &[u8]) -> u32 {
    match w {
        b"nav" | b"navbar" | b"navigation" | b"navi" | b"menu" | b"menus" | b"mainmenu"
        | b"submenu" | b"topmenu" | b"megamenu" | b"dropdown" | b"skip" | b"skiplink"
        | b"skiplinks" | b"pagination" | b"pager" | b"paging" | b"prevnext" | b"lang"
        | b"langs" | b"language" | b"languages" | b"switcher" | b"toc" | b"sitemap" | b"tabs"
        | b"jump" | b"jumplinks" | b"accessibility" | b"a11y" => NAV,
        b"footer" | b"foot" | b"copyright" | b"copyrights" | b"colophon" | b"bottom"
        | b"disclaimer" | b"legal" => FOOTER,
        b"breadcrumb" | b"breadcrumbs" | b"crumbs" | b"crumb" | b"pathway" => CRUMB,
        b"share" | b"sharing" | b"shares" | b"sharebar" | b"social" | b"socials"
        | b"sociallinks" | b"socialshare" | b"addthis" | b"pluso" | b"uptolike" | b"likes"
        | b"print" | b"email" | b"follow" | b"rss" | b"tools" | b"toolbar" | b"actions"
        | b"bookmarks" | b"bookmark" => SHARE,
        b"comment" | b"comments" | b"commentlist" | b"disqus" | b"respond" | b"reply"
        | b"replies" | b"discussion" | b"feedback" | b"reviews" => COMMENT,
        b"related" | b"recommended" | b"recommend" | b"recommendations" | b"recirc"
        | b"popular" | b"trending" | b"latest" | b"more" | b"readmore" | b"teaser" | b"teasers"
        | b"outbrain" | b"taboola" | b"next" | b"prev" | b"previous" | b"also" | b"suggested"
        | b"similar" | b"newsfeed" | b"headlines" | b"mostread" | b"most" => RELATED,
        b"sidebar" | b"side" | b"aside" | b"rail" | b"sidebox" | b"complementary" | b"rightcol"
        | b"leftcol" => SIDEBAR,
        b"cookie" | b"cookies" | b"consent" | b"gdpr" | b"popup" | b"modal" | b"overlay"
        | b"notice" | b"banner" | b"alert" | b"dialog" | b"lightbox" => COOKIE,
        b"ad" | b"ads" | b"adv" | b"advert" | b"adverts" | b"advertisement" | b"advertising"
        | b"promo" | b"promos" | b"promotion" | b"sponsor" | b"sponsored" | b"newsletter"
        | b"subscribe" | b"subscription" | b"signup" | b"donate" | b"paywall" | b"marketing"
        | b"commercial" | b"dfp" | b"gpt" | b"partner" | b"partners" | b"banners" | b"poll"
        | b"vote" | b"voting" | b"counter" | b"counters" | b"login" | b"register" | b"auth"
        | b"search" => AD,
        b"byline" | b"author" | b"authors" | b"dateline" | b"meta" | b"tags" | b"tag"
        | b"tagcloud" | b"keywords" | b"categories" | b"category" | b"timestamp" | b"published"
        | b"date" | b"credit" | b"credits" | b"bio" | b"avatar" | b"rating" => META,
        b"header" | b"masthead" | b"logo" | b"brand" | b"branding" | b"topbar" | b"head" => HEADER,
        b"articlebody" | b"storybody" | b"entrycontent" | b"postcontent" | b"postbody"
        | b"articletext" | b"storytext" | b"bodytext" | b"fulltext" | b"richtext" | b"prose"
        | b"articlecontent" | b"maincontent" => BODY,
        b"article" | b"content" | b"contents" | b"post" | b"entry" | b"story" | b"text"
        | b"body" | b"blog" | b"main" | b"detail" | b"details" | b"news" | b"page" | b"single"
        | b"document" | b"publication" | b"field" | b"item" => CONTENT,
        _ => 0,
    }
}

/// Pairs of adjacent words that make a strong body marker (`article-body`,
/// `entry-content`, `story__text`), or a special combination.
fn pair_flag(a: &[u8], b: &[u8]) -> u32 {
    match (a, b) {
        (
            b"article" | b"story" | b"post" | b"entry" | b"news" | b"blog" | b"page" | b"main"
            | b"text" | b"field" | b"item",
            b"body" | b"content" | b"text" | b"copy" | b"contents" | b"inner",
        )
        | (b"rich" | b"full" | b"body", b"text")
        | (b"main", b"column") => BODY,
        (b"read", b"more")
        | (b"see", b"also")
        | (b"more", b"news" | b"stories" | b"articles" | b"from") => RELATED,
        (b"site", b"header") | (b"page", b"header") | (b"global", b"header") => HEADER,
        _ => 0,
    }
}

/// Whole class tokens that hide an element (responsive `hidden-xs` does not).
fn hidden_token(t: &str) -> bool {
    const HIDDEN_TOKENS: &[&str] = &[
        "hidden",
        "hide",
        "invisible",
        "d-none",
        "is-hidden",
        "u-hidden",
        "visually-hidden",
        "visuallyhidden",
        "sr-only",
        "screen-reader-text",
        "element-invisible",
        "element-hidden",
        "offscreen",
        "noprint",
        "display-none",
    ];
    HIDDEN_TOKENS.iter().any(|h| t.eq_ignore_ascii_case(h))
}

/// The hint flags of one class or id attribute value.
pub(crate) fn classify(value: &str) -> u32 {
    let mut flags = 0u32;
    if value.split_ascii_whitespace().any(hidden_token) {
        flags |= HIDDEN;
    }
    let mut buf = [0u8; 32];
    let mut prev = [0u8; 32];
    let mut prev_len = 0usize;
    let mut len = 0usize;
    let mut overflow = false;
    let bytes = value.as_bytes();
    let mut i = 0;
    let n = bytes.len().min(512);
    // Words are flushed at separators and at lower→upper case changes.
    while i <= n {
        let b = if i < n { bytes[i] } else { b' ' };
        let is_alnum = b.is_ascii_alphanumeric();
        let camel_break =
            len > 0 && b.is_ascii_uppercase() && i > 0 && bytes[i - 1].is_ascii_lowercase();
        if !is_alnum || camel_break {
            if len > 0 && !overflow {
                let w = &buf[..len];
                let mut f = word_flag(w);
                if prev_len > 0 {
                    let p = &prev[..prev_len];
                    let pf = pair_flag(p, w);
                    if pf != 0 {
                        f |= pf;
                    }
                    // Compound body names spelled with a separator: "article-body".
                    let mut joined = [0u8; 64];
                    joined[..prev_len].copy_from_slice(&prev[..prev_len]);
                    joined[prev_len..prev_len + len].copy_from_slice(&buf[..len]);
                    f |= word_flag(&joined[..prev_len + len]) & (BODY | NAV | SHARE | HIDDEN);
                }
                flags |= f;
                prev[..len].copy_from_slice(&buf[..len]);
                prev_len = len;
            } else if len > 0 {
                prev_len = 0;
            }
            len = 0;
            overflow = false;
            if !is_alnum {
                // A space separates class tokens: no pairs across tokens.
                if b == b' ' || b == b'\t' || b == b'\n' {
                    prev_len = 0;
                }
                i += 1;
                continue;
            }
        }
        if len < buf.len() {
            buf[len] = b.to_ascii_lowercase();
            len += 1;
        } else {
            overflow = true;
        }
        i += 1;
    }
    // "content" next to a negative word is that region's content ("sidebar-content").
    if flags & NEGATIVE != 0 {
        flags &= !CONTENT;
    }
    flags
}

/// The hint flags of an ARIA role.
pub(crate) fn role(value: &str) -> u32 {
    let mut f = 0;
    for r in value.split_ascii_whitespace() {
        f |= match r.to_ascii_lowercase().as_str() {
            "navigation" | "menu" | "menubar" | "tablist" | "search" => NAV,
            "contentinfo" => FOOTER,
            "banner" => HEADER,
            "complementary" => SIDEBAR,
            "dialog" | "alertdialog" | "alert" => COOKIE,
            "main" => MAIN,
            "article" => ARTICLE,
            _ => 0,
        };
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_pairs() {
        assert_eq!(classify("main-nav") & NAV, NAV);
        assert_eq!(classify("canvas"), 0);
        assert_eq!(classify("download"), 0);
        assert_eq!(classify("article-body") & BODY, BODY);
        assert_eq!(classify("articleBody") & BODY, BODY);
        assert_eq!(classify("entry-content") & BODY, BODY);
        assert_eq!(classify("post-footer") & FOOTER, FOOTER);
        assert_eq!(classify("sidebar-content") & CONTENT, 0);
        assert_eq!(classify("b-share ya-share2") & SHARE, SHARE);
        assert_eq!(classify("sr-only") & HIDDEN, HIDDEN);
        assert_eq!(classify("breadcrumbs"), CRUMB);
    }
}
