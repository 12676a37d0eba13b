//! Counts what each input yields (pages, skipped, errors): a quick look at a crawl.
use pagesift::{Inputs, Item, StdinFormat};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    for a in &args {
        let (mut pages, mut skipped, mut errors) =
            (0, std::collections::BTreeMap::new(), Vec::new());
        for item in Inputs::new(&[a], StdinFormat::Html) {
            match item {
                Item::Page(_) => pages += 1,
                Item::Skipped(k) => *skipped.entry(k.name()).or_insert(0) += 1,
                Item::Error { message, .. } => errors.push(message),
            }
        }
        eprintln!("{a}: {pages} pages, skipped {skipped:?}, errors {errors:?}");
    }
}
