//! Taxonomy loading: every file in `fixtures/bad/` must fail with the file, line, theme and
//! problem its first line announces; `fixtures/good.toml` and the default taxonomy load.

use std::path::Path;

use pagesift_themes::{Error, Tagger, Taxonomy};

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Parses `# expect: kind=K line=N theme=T problem=P` (problem runs to the end of line).
fn expectation(src: &str) -> (String, usize, String, String) {
    let head = src.lines().next().unwrap_or("");
    let rest = head
        .strip_prefix("# expect: ")
        .expect("fixture starts with # expect:");
    let (fields, problem) = rest.split_once(" problem=").expect("problem= present");
    let mut kind = String::new();
    let mut line = 0;
    let mut theme = String::new();
    for f in fields.split(' ') {
        match f.split_once('=') {
            Some(("kind", v)) => kind = v.to_owned(),
            Some(("line", v)) => line = v.parse().expect("line number"),
            Some(("theme", v)) => theme = v.to_owned(),
            _ => panic!("bad expect field {f:?}"),
        }
    }
    (kind, line, theme, problem.to_owned())
}

#[test]
fn bad_taxonomies_report_file_line_theme_problem() {
    let dir = fixtures().join("bad");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/bad")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    assert!(paths.len() >= 10);
    let mut failures = Vec::new();
    for path in &paths {
        let src = std::fs::read_to_string(path).expect("read");
        let (kind, line, theme, problem) = expectation(&src);
        let err = match Taxonomy::from_path(path) {
            Ok(_) => {
                failures.push(format!("{}: loaded, expected an error", path.display()));
                continue;
            }
            Err(e) => e,
        };
        let shown = err.to_string();
        let (k, file, l, t, p) = match &err {
            Error::Taxonomy {
                file,
                line,
                theme,
                problem,
            } => ("Taxonomy", file, *line, theme, problem),
            Error::Parse {
                file,
                line,
                theme,
                problem,
            } => ("Parse", file, *line, theme, problem),
            other => {
                failures.push(format!("{}: unexpected error {other}", path.display()));
                continue;
            }
        };
        let ok = k == kind
            && l == line
            && *t == theme
            && p.contains(&problem)
            && *file == path.display().to_string()
            && shown.starts_with(&format!("{}:{line}: ", path.display()));
        if !ok {
            failures.push(format!(
                "{}: expected {kind} line {line} theme {theme:?} problem ~{problem:?}, got {shown}",
                path.file_name().unwrap_or_default().to_string_lossy()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn missing_file_is_an_io_error_naming_the_path() {
    let err = Taxonomy::from_path(Path::new("/nonexistent/taxonomy.toml")).unwrap_err();
    assert!(matches!(err, Error::Io { .. }));
    assert!(err.to_string().contains("/nonexistent/taxonomy.toml"));
}

#[test]
fn good_taxonomy_loads_with_every_feature() {
    let tax = Taxonomy::from_path(&fixtures().join("good.toml")).expect("loads");
    assert_eq!(tax.themes().len(), 2);
    let c = &tax.themes()[0];
    assert_eq!(c.id, "connectivity");
    assert_eq!(c.description, "Getting people online.");
    assert_eq!(tax.themes()[1].parent.as_deref(), Some("connectivity"));
    assert_eq!(c.weight, 1.0);
    assert_eq!(tax.themes()[1].weight, 2.0);
    let gap = c.terms.iter().find(|t| t.gap == 2).expect("gap term");
    assert_eq!(gap.text, "connect the unconnected");
    assert_eq!(gap.line, 11);
    assert!(c
        .terms
        .iter()
        .any(|t| t.lang == "*" && t.text == "Connect 2030"));
    assert!(c.terms.iter().any(|t| t.text == "UC" && t.case_sensitive));
    assert_eq!(c.exclude[0].text, "connectivity gap");
    assert_eq!(
        tax.languages(),
        ["en", "ru"],
        "term languages, sorted, without \"*\""
    );

    let tagger = Tagger::from_taxonomy(tax).expect("builds");
    let ids = |text: &str| -> Vec<String> {
        tagger
            .tag_text(text, Some("en"))
            .into_iter()
            .map(|h| h.id)
            .collect()
    };
    assert_eq!(ids("Connectivity matters."), ["connectivity"]);
    assert!(ids("They are connected.").is_empty(), "exact: no stemming");
    assert!(ids("The connectivity gap widened.").is_empty(), "exclude");
    assert!(
        ids("uc is lowercase").is_empty(),
        "acronym is case-sensitive"
    );
    assert_eq!(ids("UC targets"), ["connectivity"]);
    assert_eq!(ids("Connect the remaining unconnected"), ["connectivity"]);
    assert!(
        ids("Connect the three other remaining unconnected").is_empty(),
        "gap of 2 only"
    );
    assert_eq!(
        ids("Rural broadband"),
        ["child"],
        "a child hit does not imply its parent"
    );
}

#[test]
fn default_taxonomy_has_every_issue_6_theme_in_four_languages() {
    let tax = Taxonomy::default_taxonomy();
    let want = [
        "digital-transformation",
        "digital-economy",
        "information-society",
        "connecting-the-unconnected",
        "digital-divide",
        "digital-skills",
        "artificial-intelligence",
        "5g",
        "covid-19",
        "sustainable-development",
        "wsis",
        "itu",
        "e-government",
        "cybersecurity",
        "broadband",
        "mobile-communications",
        "postal-services",
        "radio-spectrum",
        "cloud-and-data-centres",
        "ict-investment",
        "digital-identity",
        "it-industry",
        "internet-of-things",
        "e-commerce",
    ];
    assert_eq!(tax.themes().len(), want.len());
    for id in want {
        let t = tax.get(id).unwrap_or_else(|| panic!("missing theme {id}"));
        for lang in ["en", "ru", "be", "uk"] {
            assert!(
                t.terms.iter().any(|x| x.lang == lang),
                "theme {id} has no {lang} term"
            );
        }
        assert!(!t.label.is_empty() && !t.description.is_empty(), "{id}");
    }
    for (id, acr) in [
        ("it-industry", "ПВТ"),
        ("wsis", "ВВУИО"),
        ("itu", "МСЭ"),
        ("digital-identity", "ЭЦП"),
        ("artificial-intelligence", "ИИ"),
        ("artificial-intelligence", "ШІ"),
        ("5g", "5G"),
    ] {
        let t = tax.get(id).expect("theme");
        assert!(
            t.terms.iter().any(|x| x.text == acr && x.case_sensitive),
            "{id} lacks acronym {acr}"
        );
    }
    assert_eq!(
        Taxonomy::from_toml_str(Taxonomy::default_toml(), "x")
            .unwrap()
            .themes()
            .len(),
        24
    );
}

#[test]
fn weight_multiplies_the_score() {
    let src = |w: &str| {
        format!("[[theme]]\nid = \"a\"\nlabel = \"A\"\n{w}\nterms.en = [\"rural broadband\"]\n")
    };
    let text = "Officials discussed many things at length over two days, among them rural \
                broadband, roads, schools, hospitals, water supply and the budget for next year.";
    let score = |w: &str| {
        let t = Taxonomy::from_toml_str(&src(w), "w.toml").expect("loads");
        let tagger = Tagger::new(t, pagesift_themes::Settings::default().with_threshold(0.0))
            .expect("builds");
        tagger.tag_text(text, Some("en"))[0].score
    };
    let (plain, heavy) = (score(""), score("weight = 2.0"));
    assert!(heavy > plain && heavy <= 1.0, "{plain} -> {heavy}");
}
