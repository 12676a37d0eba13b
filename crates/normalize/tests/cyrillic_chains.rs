//! Our own Cyrillic mojibake cases: `tests/data/cyrillic-chains.txt` (chains × sentences).
//!
//! Run: `cargo test -p pagesift-normalize --test cyrillic_chains -- --nocapture`

use pagesift_normalize::{Normalizer, Settings};

/// Encodes `text` in `label` (`None` if a char is missing there).
fn encode(text: &str, label: &str) -> Option<Vec<u8>> {
    if label == "utf-8" {
        return Some(text.as_bytes().to_vec());
    }
    if label == "latin-1" {
        return text
            .chars()
            .map(|c| u8::try_from(u32::from(c)).ok())
            .collect();
    }
    let enc = encoding_rs::Encoding::for_label(label.as_bytes())?;
    let (bytes, _, unmappable) = enc.encode(text);
    (!unmappable).then(|| bytes.into_owned())
}

/// Decodes `bytes` as `label` the way a careless reader would.
fn decode(bytes: &[u8], label: &str) -> Option<String> {
    if label == "latin-1" {
        return Some(bytes.iter().map(|&b| char::from(b)).collect());
    }
    let enc = encoding_rs::Encoding::for_label(label.as_bytes())?;
    let (text, _) = enc.decode_without_bom_handling(bytes);
    Some(text.into_owned())
}

/// Applies `REAL>READ-AS` hops; `None` when a hop cannot encode the text.
fn garble(text: &str, hops: &str) -> Option<String> {
    let mut cur = text.to_owned();
    for hop in hops.split_whitespace() {
        let (real, read_as) = hop.split_once('>')?;
        cur = decode(&encode(&cur, real)?, read_as)?;
    }
    Some(cur)
}

#[test]
fn cyrillic_chains_are_repaired() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/cyrillic-chains.txt"
    );
    let data = std::fs::read_to_string(path).expect("fixture readable");
    let chains: Vec<&str> = data
        .lines()
        .filter_map(|l| l.strip_prefix("chain: "))
        .collect();
    let sentences: Vec<(&str, &str)> = data
        .lines()
        .filter_map(|l| l.strip_prefix("sentence: ")?.split_once(' '))
        .collect();
    assert!(
        chains.len() >= 20 && sentences.len() >= 12,
        "help: fixture incomplete"
    );
    // C1 controls as windows-1252 too: windows-1251 read as Latin-1 leaves U+0097 for "—".
    let repairer = Normalizer::new(
        Settings::none()
            .with_repair_mojibake(true)
            .with_c1_as_windows_1252(true),
    );
    let (mut run, mut skipped, mut failures) = (0, 0, Vec::new());
    let mut per_lang = std::collections::BTreeMap::<&str, (usize, usize)>::new();
    for chain in &chains {
        let (mixed, hops) = match chain.strip_prefix("mixed:") {
            Some(h) => (true, h),
            None => (false, *chain),
        };
        for (lang, sentence) in &sentences {
            let (keep, broken_part) = if mixed {
                // Break at a space near the middle.
                let mut mid = sentence.len() / 2;
                while !sentence.is_char_boundary(mid) {
                    mid += 1;
                }
                let cut = sentence[mid..]
                    .find(' ')
                    .map_or(sentence.len(), |p| mid + p);
                sentence.split_at(cut)
            } else {
                ("", *sentence)
            };
            let Some(garbled) = garble(broken_part, hops) else {
                skipped += 1;
                continue;
            };
            let input = format!("{keep}{garbled}");
            assert_ne!(
                input, *sentence,
                "help: chain {chain} did not change {sentence:?}"
            );
            run += 1;
            let entry = per_lang.entry(lang).or_default();
            entry.1 += 1;
            let report = repairer.normalize_report(&input);
            let (out, repairs) = (report.text, report.repairs);
            if out == *sentence && !repairs.is_empty() {
                entry.0 += 1;
            } else {
                failures.push(format!("{chain} [{lang}]\n  input: {input:?}\n  got:   {out:?}\n  repairs: {repairs:?}"));
            }
        }
    }
    for f in &failures {
        eprintln!("MISS {f}");
    }
    eprintln!(
        "Cyrillic chains: {}/{run} repaired exactly ({skipped} chain/sentence pairs not encodable); per language {per_lang:?}",
        run - failures.len()
    );
    assert!(run >= 200, "help: only {run} cases ran");
    assert!(
        failures.is_empty(),
        "help: {} Cyrillic chain cases not repaired",
        failures.len()
    );
}
