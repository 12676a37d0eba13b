//! Tags each line of standard input with the default taxonomy (or the TOML file given
//! with `--taxonomy PATH`) and prints one JSON array of theme hits per line.
//!
//! ```text
//! echo "Сети пятого поколения" | cargo run -p pagesift-themes --example tag -- --lang ru
//! ```
// An example binary prints; the library never does.
#![allow(clippy::print_stdout)]

use std::io::BufRead;
use std::path::Path;
use std::process::ExitCode;

use pagesift_themes::{Tagger, Taxonomy};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let taxonomy = match value("--taxonomy") {
        Some(p) => Taxonomy::from_path(Path::new(&p)),
        None => Ok(Taxonomy::default_taxonomy()),
    };
    let tagger = match taxonomy.and_then(Tagger::from_taxonomy) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let lang = value("--lang");
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        let hits = tagger.tag_text(&line, lang.as_deref());
        match serde_json::to_string(&hits) {
            Ok(j) => println!("{j}"),
            Err(e) => eprintln!("error: {e}"),
        }
    }
    ExitCode::SUCCESS
}
