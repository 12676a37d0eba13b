//! The compiled matcher: per language, a vocabulary of stems, an Aho-Corasick automaton
//! over token-id sequences, and the checks that make acronyms and exact terms strict.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::stem::{inflected_variants, without_apostrophes, StemKind, WordStemmer};
use crate::taxonomy::{Taxonomy, Term, ANY_LANG};
use crate::tokens::{tokenize, Token};
use crate::Error;

/// The Fx hash (rustc's): a few cycles per word instead of SipHash's tens; the keys are our
/// own taxonomy words, so flooding is not a concern. (The `rustc-hash` 2 crate's newer
/// hasher was tried in its place and tagged on-topic text 13 % slower.)
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type FxBuild = BuildHasherDefault<FxHasher>;
type FxMap<K, V> = HashMap<K, V, FxBuild>;
type FxSet<K> = HashSet<K, FxBuild>;

/// Cache of token key → id per thread, for every group of every tagger (keyed by the
/// group's process-unique `uid`). Cleared when it grows past `STEM_CACHE_MAX` entries.
type StemCache = FxMap<(u64, Box<str>), u32>;

const STEM_CACHE_MAX: usize = 200_000;

thread_local! {
    static STEM_CACHE: std::cell::RefCell<StemCache> = std::cell::RefCell::new(StemCache::default());
}

static NEXT_UID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Borrowed lookup into `StemCache` without allocating a `Box<str>` (the usual
/// `Borrow`-to-trait-object trick: both key forms hash and compare alike).
trait CacheKey {
    fn parts(&self) -> (u64, &str);
}

impl CacheKey for (u64, Box<str>) {
    fn parts(&self) -> (u64, &str) {
        (self.0, &self.1)
    }
}

impl CacheKey for (u64, &str) {
    fn parts(&self) -> (u64, &str) {
        (self.0, self.1)
    }
}

impl<'a> std::borrow::Borrow<dyn CacheKey + 'a> for (u64, Box<str>) {
    fn borrow(&self) -> &(dyn CacheKey + 'a) {
        self
    }
}

impl std::hash::Hash for dyn CacheKey + '_ {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.parts().hash(state);
    }
}

impl PartialEq for dyn CacheKey + '_ {
    fn eq(&self, other: &Self) -> bool {
        self.parts() == other.parts()
    }
}

impl Eq for dyn CacheKey + '_ {}

/// Bytes per token id in the automaton's alphabet. The first byte has the high bit set and
/// the others do not, so a pattern can only match at a token boundary.
const ID_BYTES: usize = 3;
/// Ids are 21 bits; 0 means "not in the vocabulary".
const MAX_ID: u32 = (1 << 21) - 1;

fn encode(id: u32, out: &mut Vec<u8>) {
    out.push(0x80 | ((id >> 14) & 0x7f) as u8);
    out.push(((id >> 7) & 0x7f) as u8);
    out.push((id & 0x7f) as u8);
}

/// How a token must look, beyond sharing the term word's stem.
#[derive(Debug, Clone)]
enum Check {
    /// Same stem is enough.
    Stem,
    /// The folded token must equal this (terms marked `exact`).
    Folded(Box<str>),
    /// The token as written must equal this (terms marked `case_sensitive`).
    Surface(Box<str>),
}

#[derive(Debug, Clone)]
struct WordPat {
    id: u32,
    check: Check,
}

impl WordPat {
    /// Whether a token with this word's stem id also looks as the word asks (case or
    /// folded form).
    fn accepts(&self, tok: &Token<'_>) -> bool {
        match &self.check {
            Check::Stem => true,
            Check::Folded(f) => tok.key == **f,
            Check::Surface(s) => tok.surface == &**s || inflected_acronym(tok.surface, s),
        }
    }
}

/// One term or exclude phrase compiled for one language group.
#[derive(Debug, Clone)]
struct Pat {
    theme: u32,
    /// Index into the theme's `terms` (or `exclude` when `exclude`).
    term: u32,
    exclude: bool,
    gap: usize,
    words: Vec<WordPat>,
}

impl Pat {
    fn check(&self, k: usize, tok: &Token<'_>) -> bool {
        self.words[k].accepts(tok)
    }
}

/// One `near` entry compiled for one language group: a word of every group within
/// `window` words, in one sentence.
#[derive(Debug, Clone)]
struct NearPat {
    theme: u32,
    term: u32,
    window: usize,
    groups: Vec<Vec<WordPat>>,
}

impl NearPat {
    /// Whether the token is one of group `g`'s words (its id is known to be in the
    /// group; this checks case or folded form where the entry asks for them).
    fn check(&self, g: usize, id: u32, tok: &Token<'_>) -> bool {
        self.groups[g].iter().any(|w| w.id == id && w.accepts(tok))
    }
}

/// Whether `surface` is the acronym `acr` with an inflection written in lowercase after it:
/// a Cyrillic acronym with a case ending of one to three letters ("ЦНАПі", "ЦНАПах",
/// "ЦНАПу"), a Latin one with a plural "s" ("CIRTs"). The token must still have the
/// acronym's stem, so the ending is one the language's stemmer strips.
fn inflected_acronym(surface: &str, acr: &str) -> bool {
    let Some(rest) = surface.strip_prefix(acr) else {
        return false;
    };
    let cyr = |c: char| ('\u{400}'..='\u{4ff}').contains(&c);
    let upper = acr.chars().filter(|c| c.is_uppercase()).count() >= 2;
    if !upper || !acr.chars().all(char::is_uppercase) {
        return false;
    }
    if acr.chars().all(cyr) {
        (1..=3).contains(&rest.chars().count()) && rest.chars().all(|c| cyr(c) && c.is_lowercase())
    } else {
        acr.chars().all(|c| c.is_ascii_uppercase()) && rest == "s"
    }
}

/// All patterns of one language (or of the language-independent `*` terms).
#[derive(Debug, Clone)]
pub(crate) struct Group {
    pub(crate) lang: String,
    stem: StemKind,
    vocab: FxMap<Box<str>, u32>,
    next_id: u32,
    /// Process-unique id of this compiled group, the key of its stem cache entries.
    uid: u64,
    /// First three chars of every stem of three chars or more: a token whose key does not
    /// start with one of these (or with a `short` stem) cannot be in the vocabulary, so it
    /// is never stemmed. Stems are prefixes of their words in every stemmer we use, bar
    /// English's final y→i, which is past the third char.
    pre3: FxSet<Box<str>>,
    short: Vec<Box<str>>,
    ac: Option<AhoCorasick>,
    /// Patterns of the automaton, by pattern index.
    pats: Vec<Pat>,
    /// Patterns with a gap, by the id of their first word.
    gapped: FxMap<u32, Vec<Pat>>,
    /// `near` entries, and for each word id the (entry, group) pairs it belongs to.
    near: Vec<NearPat>,
    near_index: FxMap<u32, Vec<(u32, u8)>>,
    /// Block prefilter: every term of the group has an anchor, a substring that any text
    /// it matches must contain, in the folded text (`folded_anchors`) or, for acronyms, in
    /// the text as written (`surface_anchors`). A block containing none is skipped.
    folded_anchors: Vec<String>,
    surface_anchors: Vec<String>,
    folded_ac: Option<AhoCorasick>,
    surface_ac: Option<AhoCorasick>,
    /// Some term has no anchor: every block must be scanned.
    always: bool,
}

/// A verified match in one block: token range and pattern.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    pub(crate) theme: u32,
    pub(crate) term: u32,
    pub(crate) tok_start: usize,
    pub(crate) tok_end: usize,
    /// A `near` entry's match: its span holds other words than the matched ones.
    pub(crate) near: bool,
}

fn common_prefix<'a>(a: &'a str, b: &str) -> &'a str {
    let mut end = 0;
    for ((i, x), y) in a.char_indices().zip(b.chars()) {
        if x != y {
            break;
        }
        end = i + x.len_utf8();
    }
    &a[..end]
}

fn first_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

impl Group {
    fn new(lang: &str) -> Group {
        Group {
            lang: lang.to_owned(),
            stem: if lang == ANY_LANG {
                StemKind::Identity
            } else {
                StemKind::for_lang(lang)
            },
            vocab: FxMap::default(),
            next_id: 0,
            uid: NEXT_UID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            pre3: FxSet::default(),
            short: Vec::new(),
            ac: None,
            pats: Vec::new(),
            gapped: FxMap::default(),
            near: Vec::new(),
            near_index: FxMap::default(),
            folded_anchors: Vec::new(),
            surface_anchors: Vec::new(),
            folded_ac: None,
            surface_ac: None,
            always: false,
        }
    }

    fn intern(&mut self, stem: &str) -> Result<u32, Error> {
        if let Some(&id) = self.vocab.get(stem) {
            return Ok(id);
        }
        self.next_id += 1;
        let id = self.next_id;
        if id > MAX_ID {
            return Err(Error::Build {
                problem: format!(
                    "more than {MAX_ID} distinct words for language {}",
                    self.lang
                ),
            });
        }
        self.alias(stem, id);
        Ok(id)
    }

    /// Maps one more stem to an id (a stem already taken keeps its id).
    fn alias(&mut self, stem: &str, id: u32) {
        if self.vocab.contains_key(stem) {
            return;
        }
        self.vocab.insert(stem.into(), id);
        if stem.chars().count() >= 3 {
            self.pre3.insert(first_chars(stem, 3).into());
        } else if !self.short.iter().any(|s| &**s == stem) {
            self.short.push(stem.into());
        }
    }

    /// Compiles one word of a term: its stem id (the stems of Russian, Belarusian and
    /// Ukrainian inflected forms aliased to it), its check, and its prefilter anchor
    /// candidate (`(anchor, on surface text)`).
    fn word(
        &mut self,
        t: &Token<'_>,
        term: &Term,
        stemmer: &WordStemmer,
    ) -> Result<(WordPat, Option<(String, bool)>), Error> {
        let stem = stemmer.stem(&t.key);
        let id = self.intern(&stem)?;
        let mut common: &str = &stem;
        let variants: Vec<String> = if !term.exact && !term.case_sensitive {
            inflected_variants(&self.lang, &t.key)
                .iter()
                .map(|v| stemmer.stem(v).into_owned())
                .collect()
        } else {
            Vec::new()
        };
        for v in &variants {
            self.alias(v, id);
            common = common_prefix(common, v);
        }
        let check = if term.case_sensitive && t.surface.chars().any(char::is_uppercase) {
            Check::Surface(t.surface.into())
        } else if term.exact {
            Check::Folded(t.key.as_ref().into())
        } else {
            Check::Stem
        };
        let (anchor, surface) = match &check {
            Check::Surface(s) => (without_apostrophes(s), true),
            Check::Folded(f) => (without_apostrophes(f), false),
            Check::Stem => (stemmer.anchor(&t.key, common), false),
        };
        let candidate = (!anchor.is_empty()).then_some((anchor, surface));
        Ok((WordPat { id, check }, candidate))
    }

    /// Records a term's prefilter anchor: the longest of `candidates` (an acronym written
    /// in capitals wins a tie), or, with none, marks the group as always scanned.
    /// Preferring candidates fewer terms share was tried and let through twice as many
    /// general-text blocks: length is what makes a substring rare.
    fn anchor(&mut self, candidates: Vec<(String, bool)>) {
        let best = candidates
            .into_iter()
            .max_by_key(|(a, surface)| (a.chars().count(), *surface));
        match best {
            Some((a, surface)) => self.push_anchor(a, surface),
            None => self.always = true,
        }
    }

    /// Adds a prefilter anchor, looked for in the text as written (`surface`) or folded.
    fn push_anchor(&mut self, anchor: String, surface: bool) {
        if surface {
            self.surface_anchors.push(anchor);
        } else {
            self.folded_anchors.push(anchor);
        }
    }

    fn add(&mut self, theme: u32, term_idx: u32, term: &Term, exclude: bool) -> Result<(), Error> {
        let stemmer = self.stem.stemmer();
        if !term.near.is_empty() {
            return self.add_near(theme, term_idx, term, &stemmer);
        }
        let mut toks = Vec::new();
        tokenize(&term.text, &mut toks);
        let mut words = Vec::with_capacity(toks.len());
        // Anchor candidates: one guaranteed substring per word; the term keeps one.
        let mut candidates: Vec<(String, bool)> = Vec::new();
        for t in &toks {
            let (w, candidate) = self.word(t, term, &stemmer)?;
            candidates.extend(candidate);
            words.push(w);
        }
        if !exclude {
            self.anchor(candidates);
        }
        let pat = Pat {
            theme,
            term: term_idx,
            exclude,
            gap: term.gap,
            words,
        };
        if pat.gap > 0 {
            self.gapped.entry(pat.words[0].id).or_default().push(pat);
        } else {
            self.pats.push(pat);
        }
        Ok(())
    }

    /// Compiles a `near` entry. Any match contains a word of every group, so the
    /// prefilter needs the anchors of one group only: the group whose shortest anchor is
    /// longest (all of its words' anchors, as any of them may be the one in the text).
    fn add_near(
        &mut self,
        theme: u32,
        term_idx: u32,
        term: &Term,
        stemmer: &WordStemmer,
    ) -> Result<(), Error> {
        let rule = self.near.len() as u32;
        let mut groups = Vec::with_capacity(term.near.len());
        let mut best: Option<Vec<(String, bool)>> = None;
        let mut toks = Vec::new();
        for (gi, group) in term.near.iter().enumerate() {
            let mut words = Vec::with_capacity(group.len());
            let mut anchors = Vec::with_capacity(group.len());
            let mut complete = true;
            for w in group {
                toks.clear();
                tokenize(w, &mut toks);
                // Loading made it exactly one token.
                let Some(t) = toks.first() else { continue };
                let (wp, candidate) = self.word(t, term, stemmer)?;
                match candidate {
                    Some(c) => anchors.push(c),
                    None => complete = false,
                }
                let entry = self.near_index.entry(wp.id).or_default();
                if !entry.contains(&(rule, gi as u8)) {
                    entry.push((rule, gi as u8));
                }
                words.push(wp);
            }
            let shortest = |a: &[(String, bool)]| a.iter().map(|x| x.0.chars().count()).min();
            if complete
                && !anchors.is_empty()
                && best
                    .as_deref()
                    .is_none_or(|b| shortest(&anchors) > shortest(b))
            {
                best = Some(anchors);
            }
            groups.push(words);
        }
        match best {
            Some(anchors) => {
                for (a, surface) in anchors {
                    self.push_anchor(a, surface);
                }
            }
            None => self.always = true,
        }
        self.near.push(NearPat {
            theme,
            term: term_idx,
            window: term.window,
            groups,
        });
        Ok(())
    }

    fn build(&mut self) -> Result<(), Error> {
        for (anchors, slot) in [
            (&mut self.folded_anchors, &mut self.folded_ac),
            (&mut self.surface_anchors, &mut self.surface_ac),
        ] {
            anchors.sort();
            anchors.dedup();
            if anchors.is_empty() {
                continue;
            }
            let ac = AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .build(anchors.iter())
                .or_else(|_| AhoCorasick::builder().build(anchors.iter()))
                .map_err(|e| Error::Build {
                    problem: format!("prefilter for language {}: {e}", self.lang),
                })?;
            *slot = Some(ac);
        }
        if self.pats.is_empty() {
            return Ok(());
        }
        let bytes: Vec<Vec<u8>> = self
            .pats
            .iter()
            .map(|p| {
                let mut b = Vec::with_capacity(p.words.len() * ID_BYTES);
                for w in &p.words {
                    encode(w.id, &mut b);
                }
                b
            })
            .collect();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&bytes)
            .or_else(|_| {
                // Very large taxonomies can exceed the DFA size limit; the NFA is fine.
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&bytes)
            })
            .map_err(|e| Error::Build {
                problem: format!("automaton for language {}: {e}", self.lang),
            })?;
        self.ac = Some(ac);
        Ok(())
    }

    /// Whether the prefilter text must have "ў" mapped to "в" (Belarusian anchors are
    /// taken from stems, where that mapping is made).
    pub(crate) fn maps_short_u(&self) -> bool {
        self.stem == StemKind::Belarusian
    }

    /// Whether a block may contain a term of this group (see `folded_anchors`); `folded`
    /// is the block after the matching fold (and, for [`Group::maps_short_u`], "ў"→"в").
    pub(crate) fn may_match(&self, raw: &str, folded: &str) -> bool {
        self.always
            || self
                .folded_ac
                .as_ref()
                .is_some_and(|ac| ac.is_match(folded))
            || self.surface_ac.as_ref().is_some_and(|ac| ac.is_match(raw))
    }

    /// Whether the group's prefilter looks at folded text.
    pub(crate) fn needs_folded(&self) -> bool {
        self.folded_ac.is_some()
    }

    fn id_of(&self, key: &str, stemmer: &WordStemmer) -> u32 {
        let pre = first_chars(key, 3);
        // A stem of one or two letters comes from a short word ("ии" → "и", "in", "5g").
        let maybe = (pre.chars().count() == 3 && self.pre3.contains(pre))
            || (key.len() <= 16 && self.short.iter().any(|s| key.starts_with(&**s)))
            || stemmer.may_change_prefix(key);
        if !maybe {
            return 0;
        }
        self.vocab.get(&*stemmer.stem(key)).copied().unwrap_or(0)
    }

    /// Finds every verified match (terms, `near` entries and excludes) of this group in
    /// `toks` (the tokens of `text`), then keeps leftmost-longest non-overlapping term
    /// matches and the `near` matches that no exclude of their theme overlaps. Appends to
    /// `out`; `ids` and `bytes` are scratch.
    pub(crate) fn find(
        &self,
        text: &str,
        toks: &[Token<'_>],
        ids: &mut Vec<u32>,
        bytes: &mut Vec<u8>,
        out: &mut Vec<Found>,
    ) {
        let stemmer = self.stem.stemmer();
        ids.clear();
        // `try_with` fails only while the thread is being torn down: then go uncached.
        let cached = STEM_CACHE.try_with(|cell| {
            let Ok(mut cache) = cell.try_borrow_mut() else {
                return false;
            };
            if cache.len() > STEM_CACHE_MAX {
                cache.clear();
            }
            for t in toks {
                let key = (self.uid, t.key.as_ref());
                // Stemming is the costliest step per token; words repeat, so remember.
                let id = match cache.get(&key as &dyn CacheKey) {
                    Some(&id) => id,
                    None => {
                        let id = self.id_of(&t.key, &stemmer);
                        cache.insert((self.uid, t.key.as_ref().into()), id);
                        id
                    }
                };
                ids.push(id);
            }
            true
        });
        if cached != Ok(true) {
            ids.clear();
            ids.extend(toks.iter().map(|t| self.id_of(&t.key, &stemmer)));
        }
        if ids.iter().all(|&i| i == 0) {
            return;
        }
        let mut near = Vec::new();
        if !self.near.is_empty() {
            self.find_near(text, toks, ids, &mut near);
        }
        let mut cands: Vec<(usize, usize, &Pat)> = Vec::new();
        if let Some(ac) = &self.ac {
            bytes.clear();
            for &id in ids.iter() {
                encode(id, bytes);
            }
            for m in ac.find_overlapping_iter(bytes.as_slice()) {
                let p = &self.pats[m.pattern().as_usize()];
                let s = m.start() / ID_BYTES;
                let e = m.end() / ID_BYTES;
                if (0..p.words.len()).all(|k| p.check(k, &toks[s + k])) {
                    cands.push((s, e, p));
                }
            }
        }
        if !self.gapped.is_empty() {
            for (i, id) in ids.iter().enumerate() {
                let Some(list) = self.gapped.get(id) else {
                    continue;
                };
                for p in list {
                    if let Some(e) = gap_match(p, i, ids, toks) {
                        cands.push((i, e, p));
                    }
                }
            }
        }
        if cands.is_empty() {
            out.append(&mut near);
            return;
        }
        let excludes: Vec<(usize, usize, u32)> = cands
            .iter()
            .filter(|c| c.2.exclude)
            .map(|c| (c.0, c.1, c.2.theme))
            .collect();
        let excluded = |theme: u32, s: usize, e: usize| {
            excludes.iter().any(|x| x.2 == theme && x.0 < e && s < x.1)
        };
        out.extend(
            near.into_iter()
                .filter(|f| !excluded(f.theme, f.tok_start, f.tok_end)),
        );
        cands.retain(|c| !c.2.exclude && !excluded(c.2.theme, c.0, c.1));
        cands.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut covered = 0usize;
        let mut taken: Option<(usize, usize)> = None;
        for (s, e, p) in cands {
            // A gapped match spans words that are not part of it ("universal and
            // affordable broadband access"): it neither blocks nor is blocked by other
            // themes; overlaps within its own theme are resolved by the caller.
            if p.gap > 0 {
                out.push(Found {
                    theme: p.theme,
                    term: p.term,
                    tok_start: s,
                    tok_end: e,
                    near: false,
                });
                continue;
            }
            let same = taken == Some((s, e));
            if !same && s < covered {
                continue;
            }
            if !same {
                taken = Some((s, e));
                covered = e;
            }
            out.push(Found {
                theme: p.theme,
                term: p.term,
                tok_start: s,
                tok_end: e,
                near: false,
            });
        }
    }

    /// Matches of the `near` entries in `toks` (of `text`): for each entry, scanning left
    /// to right, the first token at which every group has a word within the window, with
    /// no sentence end between the first and the last; then the scan for that entry
    /// restarts after it, so matches do not overlap.
    fn find_near(&self, text: &str, toks: &[Token<'_>], ids: &[u32], out: &mut Vec<Found>) {
        // Per entry: last position of each group (usize::MAX: none yet) and the first
        // position a new match may use.
        let mut last: Vec<[usize; 4]> = Vec::new();
        let mut floor: Vec<usize> = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            if *id == 0 {
                continue;
            }
            let Some(list) = self.near_index.get(id) else {
                continue;
            };
            if last.is_empty() {
                last = vec![[usize::MAX; 4]; self.near.len()];
                floor = vec![0; self.near.len()];
            }
            for &(r, g) in list {
                let (r, g) = (r as usize, g as usize);
                let rule = &self.near[r];
                if !rule.check(g, *id, &toks[i]) {
                    continue;
                }
                last[r][g] = i;
                let pos = &last[r][..rule.groups.len()];
                if pos.iter().any(|&p| p == usize::MAX || p < floor[r]) {
                    continue;
                }
                // Loading rejects words of two groups that share a stem, but an aliased
                // inflected form could still stand for two groups: each needs its own word.
                let shared = (1..pos.len()).any(|a| pos[..a].contains(&pos[a]));
                let first = pos.iter().copied().min().unwrap_or(i);
                if shared
                    || i - first > rule.window
                    || sentence_break(&text[toks[first].end..toks[i].start])
                {
                    continue;
                }
                floor[r] = i + 1;
                out.push(Found {
                    theme: rule.theme,
                    term: rule.term,
                    tok_start: first,
                    tok_end: i + 1,
                    near: true,
                });
            }
        }
    }
}

/// Whether the text between two words ends a sentence: `.`, `!`, `?` or `;`, then any
/// closing quotes or brackets, then whitespace (a no-break space too) or the end of the
/// gap; or a line break. "1.5 per cent" does not; "e.g. the" does, a known cost.
pub(crate) fn sentence_break(between: &str) -> bool {
    let mut chars = between.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            return true;
        }
        if matches!(c, '.' | '!' | '?' | ';') {
            while chars
                .next_if(|n| matches!(n, '"' | '\'' | ')' | ']' | '»' | '”' | '’'))
                .is_some()
            {}
            if chars.peek().is_none_or(|n| n.is_whitespace()) {
                return true;
            }
        }
    }
    false
}

/// Matches a gapped pattern whose first word is at `i`; returns the end token index.
fn gap_match(p: &Pat, i: usize, ids: &[u32], toks: &[Token<'_>]) -> Option<usize> {
    if !p.check(0, &toks[i]) {
        return None;
    }
    let mut at = i;
    for k in 1..p.words.len() {
        let want = p.words[k].id;
        let limit = (at + 1 + p.gap).min(ids.len() - 1);
        let next = (at + 1..=limit).find(|&j| ids[j] == want && p.check(k, &toks[j]))?;
        at = next;
    }
    Some(at + 1)
}

/// Every language group of a taxonomy, compiled.
#[derive(Debug, Clone)]
pub(crate) struct Compiled {
    pub(crate) groups: Vec<Group>,
    any: Option<usize>,
}

impl Compiled {
    pub(crate) fn new(tax: &Taxonomy) -> Result<Compiled, Error> {
        let mut groups: Vec<Group> = Vec::new();
        let mut index: FxMap<String, usize> = FxMap::default();
        for (ti, theme) in tax.themes.iter().enumerate() {
            let all = theme
                .terms
                .iter()
                .enumerate()
                .map(|(i, t)| (i, t, false))
                .chain(theme.exclude.iter().enumerate().map(|(i, t)| (i, t, true)));
            for (i, term, excl) in all {
                let gi = *index.entry(term.lang.clone()).or_insert_with(|| {
                    groups.push(Group::new(&term.lang));
                    groups.len() - 1
                });
                groups[gi].add(ti as u32, i as u32, term, excl)?;
            }
        }
        for g in &mut groups {
            g.build()?;
        }
        let any = groups.iter().position(|g| g.lang == ANY_LANG);
        Ok(Compiled { groups, any })
    }

    /// Indices of the groups a block in `lang` is matched against: its own language and
    /// the language-independent terms, or every group when the language is unknown.
    pub(crate) fn groups_for(&self, lang: Option<&str>, out: &mut Vec<usize>) {
        out.clear();
        let primary = lang
            .map(|l| {
                l.split(['-', '_'])
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase()
            })
            .filter(|l| !l.is_empty() && l != "und" && l != "zxx" && l != "mul");
        match primary {
            None => out.extend(0..self.groups.len()),
            Some(l) => {
                if let Some(i) = self.groups.iter().position(|g| g.lang == l) {
                    out.push(i);
                }
                if let Some(a) = self.any {
                    if !out.contains(&a) {
                        out.push(a);
                    }
                }
            }
        }
    }
}
