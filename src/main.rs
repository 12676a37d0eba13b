//! The `pagesift` command line: a thin layer over the `pagesift` library.

use std::fs::File;
use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{anyhow, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use pagesift::{Format, Inputs, PipelineConfig, RecordWriter, StdinFormat, Summary};

const RUN_EXAMPLES: &str = "Examples:
  pagesift run corpus/                          # every page under corpus/, JSON Lines to stdout
  pagesift run crawl.warc.gz -o pages.jsonl     # a WARC crawl, records to a file
  pagesift run pages/ --format csv --no-text -o pages.csv
  cat pages.jsonl | pagesift run - --stdin-format jsonl --langs be,ru,en
  pagesift run pages/ --lang-fallback -o pages.jsonl   # build with --features lingua-fallback";

#[derive(Parser)]
#[command(
    name = "pagesift",
    version,
    about = "Crawled web pages in, clean language- and theme-tagged records out"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutFormat {
    Jsonl,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum InFormat {
    Html,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Text,
    Markdown,
    Json,
    Jsonl,
}

#[derive(clap::Args)]
struct StageArgs {
    /// Taxonomy TOML file (default: the built-in ICT-policy taxonomy).
    #[arg(long, value_name = "FILE")]
    taxonomy: Option<PathBuf>,
    /// Comma-separated language codes to choose from (default: all).
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    langs: Option<Vec<String>>,
    /// Re-ask lingua's high-accuracy models about uncertain Cyrillic-script text: below
    /// this confidence on one or two words, below half of it on longer text. Slower on
    /// short lines; needs a build with `--features lingua-fallback`.
    //
    // A plain comment, kept out of the help: `None` when not given, `Some(None)` when
    // given bare (threshold `LANG_FALLBACK_DEFAULT`), so `check_inputs` can tell the two
    // apart without reading argv again.
    #[arg(
        long,
        value_name = "THRESHOLD",
        num_args = 0..=1,
        require_equals = true,
        value_parser = parse_threshold
    )]
    lang_fallback: Option<Option<f64>>,
}

/// The threshold of a bare `--lang-fallback`: the value measured in pagesift-lang's README.
const LANG_FALLBACK_DEFAULT: f64 = 0.65;

impl StageArgs {
    /// Whether `--lang-fallback` was given without `=THRESHOLD`.
    fn bare_lang_fallback(&self) -> bool {
        matches!(self.lang_fallback, Some(None))
    }
}

/// A confidence threshold in (0, 1].
fn parse_threshold(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if x > 0.0 && x <= 1.0 => Ok(x),
        _ => Err(format!("{s:?} is not a confidence above 0 and at most 1")),
    }
}

#[derive(Subcommand)]
enum Command {
    /// Process pages into one record per page.
    #[command(after_help = RUN_EXAMPLES)]
    Run {
        /// HTML files or directories, WARC(.gz) files, JSON Lines files, or - for stdin.
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<PathBuf>,
        /// Output file, or - for stdout.
        #[arg(short, long, default_value = "-", value_name = "FILE")]
        output: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "jsonl")]
        format: OutFormat,
        #[command(flatten)]
        stages: StageArgs,
        /// Worker threads (default: one per core).
        #[arg(long, value_name = "N")]
        threads: Option<usize>,
        /// Leave the main text out of records.
        #[arg(long)]
        no_text: bool,
        /// Exit with status 1 when any page failed.
        #[arg(long)]
        fail_on_error: bool,
        /// How to read `-`: one HTML page, or JSON Lines with `html` and `url` fields.
        #[arg(long, value_enum, default_value = "html")]
        stdin_format: InFormat,
    },
    /// Show one page block by block: decisions, features, languages, theme evidence.
    #[command(
        after_help = "Examples:\n  pagesift inspect corpus/pages/mpt-wtisd-2021-ru.html\n  pagesift inspect crawl.warc.gz https://mpt.gov.by/node/7193"
    )]
    Inspect {
        /// An HTML file, or a WARC file.
        file: PathBuf,
        /// In a WARC file: the target URI of the record (default: the first HTML page).
        url: Option<String>,
        #[command(flatten)]
        stages: StageArgs,
    },
    /// Print the main content of HTML pages (files, directories, WARC, or - for stdin).
    #[command(
        after_help = "Examples:\n  pagesift extract page.html --format markdown\n  pagesift extract pages/ --format jsonl"
    )]
    Extract {
        /// HTML files or directories, WARC files, or - for stdin.
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<PathBuf>,
        /// Output format: text and markdown of the main content, the whole Document as
        /// json, or one `{source, url, title, text}` line per page.
        #[arg(long, value_enum, default_value = "text")]
        format: ExtractFormat,
        /// The article body only: leave out the title heading and figure captions (the
        /// convention of the article-extraction benchmark and of most extractors).
        #[arg(long)]
        body_only: bool,
    },
    /// Normalise text from stdin (with --lines: one JSON result per input line).
    #[command(after_help = "Example:\n  echo 'РњРёРЅРёСЃС‚РµСЂСЃС‚РІРѕ' | pagesift normalize")]
    Normalize {
        /// Treat each input line as its own text and print JSON per line.
        #[arg(long)]
        lines: bool,
    },
    /// Detect the language of stdin (with --lines: of each line), as JSON.
    #[command(
        after_help = "Example:\n  printf 'Міністэрства сувязі\\nМинистерство связи\\n' | pagesift lang --lines"
    )]
    Lang {
        /// One result per input line.
        #[arg(long)]
        lines: bool,
        #[command(flatten)]
        stages: StageArgs,
    },
    /// Tag stdin with themes (with --lines: each line), as JSON.
    #[command(
        after_help = "Example:\n  echo 'Цифровая трансформация экономики' | pagesift tag --lines"
    )]
    Tag {
        /// One result per input line.
        #[arg(long)]
        lines: bool,
        #[command(flatten)]
        stages: StageArgs,
    },
    /// Print the scoreboard: extraction, language and theme quality on corpus/ and shared data.
    #[command(after_help = "Example:\n  cargo run --release -- eval")]
    Eval {
        /// The corpus folder (with pages/ and themes/).
        #[arg(long, default_value = "corpus", value_name = "DIR")]
        corpus: PathBuf,
        /// The shared benchmark data folder (default: $PAGESIFT_SHARED_DATA or ../shared/data).
        #[arg(long, value_name = "DIR")]
        shared: Option<PathBuf>,
        #[command(flatten)]
        stages: StageArgs,
    },
    /// List the themes of a taxonomy, or say what is wrong with it.
    Themes {
        /// Taxonomy TOML file (default: the built-in one).
        #[arg(long, value_name = "FILE")]
        taxonomy: Option<PathBuf>,
    },
}

/// A failure that maps to an exit status.
struct Fail {
    code: u8,
    err: anyhow::Error,
}

fn usage<E: Into<anyhow::Error>>(e: E) -> Fail {
    Fail {
        code: 2,
        err: e.into(),
    }
}

fn main() -> ExitCode {
    run()
}

fn run() -> ExitCode {
    let cli = Cli::parse();
    match dispatch(cli.command) {
        Ok(code) => ExitCode::from(code),
        Err(Fail { err, .. }) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(Fail { code, err }) => {
            eprintln!("pagesift: {err:#}");
            ExitCode::from(code)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Fails (exit 2) on an input path given on the command line that cannot be opened: a
/// typo, a missing mount, a dangling symlink, a file or directory without read permission
/// or a socket is a usage error, caught before anything is read or written. A file found
/// unreadable while walking a directory is different: it becomes an `io` error record and
/// the run goes on. `bare_lang_fallback`: `--lang-fallback` was given without a value
/// (see [`StageArgs::bare_lang_fallback`]).
fn check_inputs(inputs: &[PathBuf], bare_lang_fallback: bool) -> Result<(), Fail> {
    for path in inputs {
        if path.as_os_str() == "-" {
            continue;
        }
        let cannot = |e: io::Error| usage(anyhow!("cannot read input {}: {e}", path.display()));
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                // `--lang-fallback 0.5 pages/` reads 0.5 as an input: the option's value
                // must be attached (it may be left out).
                let number = path
                    .to_str()
                    .filter(|s| s.parse::<f64>().is_ok_and(f64::is_finite));
                if let Some(x) = number.filter(|_| bare_lang_fallback) {
                    return Err(usage(anyhow!(
                        "cannot read input {}: {e}; to give --lang-fallback a threshold, \
                         write --lang-fallback={x}",
                        path.display()
                    )));
                }
                return Err(cannot(e));
            }
            Err(e) => return Err(cannot(e)),
        };
        if meta.is_dir() {
            std::fs::read_dir(path).map_err(cannot)?;
        } else if meta.is_file() || is_socket(&meta) {
            // Not FIFOs or devices: opening a FIFO blocks until a writer comes (and `<(cmd)`
            // gives a pipe that must be read only once).
            File::open(path).map_err(cannot)?;
        }
    }
    Ok(())
}

#[cfg(unix)]
fn is_socket(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_socket()
}

#[cfg(not(unix))]
fn is_socket(_: &std::fs::Metadata) -> bool {
    false
}

/// Fails (exit 2) when the output file is also one of the input files given on the
/// command line (by the same path, a symlink or a hard link): creating the output empties
/// it before it is read ([`Inputs::input_same_as`]). An output file inside an input
/// directory is fine: the walk skips it ([`Inputs::with_exclude`]).
fn check_output(inputs: &Inputs, output: &std::path::Path) -> Result<(), Fail> {
    if output.as_os_str() == "-" {
        return Ok(());
    }
    match inputs.input_same_as(output) {
        Some(input) => Err(usage(anyhow!(
            "-o {}: this is also the input {}; writing it would empty it before it is read",
            output.display(),
            input.display()
        ))),
        None => Ok(()),
    }
}

fn config(stages: StageArgs, no_text: bool) -> PipelineConfig {
    let mut cfg = PipelineConfig::default().with_text(!no_text);
    if let Some(path) = stages.taxonomy {
        cfg = cfg.with_taxonomy(path);
    }
    if let Some(langs) = stages.langs {
        cfg = cfg.with_langs(langs);
    }
    if let Some(below) = stages.lang_fallback {
        cfg = cfg.with_lang_fallback(below.unwrap_or(LANG_FALLBACK_DEFAULT));
    }
    cfg
}

fn dispatch(command: Command) -> Result<u8, Fail> {
    match command {
        Command::Run {
            inputs,
            output,
            format,
            stages,
            threads,
            no_text,
            fail_on_error,
            stdin_format,
        } => {
            // Every argument is checked before the output file is created: creating it
            // empties it, and a usage error must leave an existing file as it was.
            check_inputs(&inputs, stages.bare_lang_fallback())?;
            let stdin_format = match stdin_format {
                InFormat::Html => StdinFormat::Html,
                InFormat::Jsonl => StdinFormat::Jsonl,
            };
            let mut items = Inputs::new(&inputs, stdin_format);
            check_output(&items, &output)?;
            if threads.is_some_and(|n| n > 1024) {
                return Err(usage(anyhow!("--threads: at most 1024")));
            }
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads.unwrap_or(0))
                .build()
                .map_err(|e| usage(anyhow!("--threads: {e}")))?;
            let pipeline = config(stages, no_text).build().map_err(usage)?;
            let out: Box<dyn Write + Send> = if output.as_os_str() == "-" {
                Box::new(BufWriter::new(io::stdout()))
            } else {
                let f = File::create(&output)
                    .with_context(|| format!("cannot write {}", output.display()))
                    .map_err(usage)?;
                Box::new(BufWriter::new(f))
            };
            let format = match format {
                OutFormat::Jsonl => Format::Jsonl,
                OutFormat::Csv => Format::Csv,
            };
            let mut writer = RecordWriter::new(out, format, !no_text);
            if output.as_os_str() != "-" {
                items = items.with_exclude(&output);
            }
            let mut progress = Bar::new(&inputs, items.counter());
            let summary: Summary = pool
                .install(|| pagesift::run(&pipeline, items, |r| writer.write(r), &mut progress))
                .and_then(|s| writer.flush().map(|()| s))
                .with_context(|| format!("cannot write {}", output.display()))
                .map_err(usage)?;
            progress.finish();
            eprint!("{summary}");
            Ok(if fail_on_error && summary.errors > 0 {
                1
            } else {
                0
            })
        }
        Command::Inspect { file, url, stages } => {
            check_inputs(std::slice::from_ref(&file), stages.bare_lang_fallback())?;
            let pipeline = config(stages, false).build().map_err(usage)?;
            let text =
                pagesift::inspect::inspect(&pipeline, &file, url.as_deref()).map_err(|e| Fail {
                    code: 1,
                    err: e.into(),
                })?;
            print_out(&text)
        }
        Command::Extract {
            inputs,
            format,
            body_only,
        } => {
            check_inputs(&inputs, false)?;
            let extractor = pagesift_extract::Extractor::new(if body_only {
                pagesift_extract::Settings::body_only()
            } else {
                pagesift_extract::Settings::default()
            });
            let mut out = BufWriter::new(io::stdout().lock());
            let mut failed = false;
            for item in Inputs::new(&inputs, StdinFormat::Html) {
                let page = match item {
                    pagesift::Item::Page(p) => p,
                    pagesift::Item::Skipped(_) => continue,
                    pagesift::Item::Error { message, .. } => {
                        eprintln!("pagesift: {message}");
                        failed = true;
                        continue;
                    }
                };
                let hints = pagesift_extract::PageHints {
                    url: page.url.as_deref(),
                    http_charset: page.http_charset.as_deref(),
                };
                let doc = match extractor.extract(&page.body, &hints) {
                    Ok(d) => d,
                    Err(e) => {
                        eprintln!("pagesift: cannot extract {}: {e}", page.source);
                        failed = true;
                        continue;
                    }
                };
                let text = match format {
                    ExtractFormat::Text => doc.text(),
                    ExtractFormat::Markdown => doc.markdown(),
                    ExtractFormat::Json => serde_json::to_string_pretty(&doc).map_err(usage)?,
                    ExtractFormat::Jsonl => serde_json::json!({
                        "source": page.source, "url": page.url, "title": doc.title, "text": doc.text()
                    })
                    .to_string(),
                };
                write_text(&mut out, &text).map_err(usage)?;
            }
            out.flush().map_err(usage)?;
            Ok(u8::from(failed))
        }
        Command::Normalize { lines } => {
            let normalizer =
                pagesift_normalize::Normalizer::new(pagesift_normalize::Settings::default());
            each_input(lines, |text| {
                let n = normalizer.normalize_report(text);
                if lines {
                    Ok(serde_json::json!({ "text": n.text, "repairs": n.repairs }).to_string())
                } else {
                    Ok(n.text)
                }
            })
        }
        Command::Lang { lines, stages } => {
            let detector = config(stages, false).detector().map_err(usage)?;
            each_input(lines, |text| {
                Ok(serde_json::to_string(&detector.detect(text))?)
            })
        }
        Command::Tag { lines, stages } => {
            let cfg = config(stages, false);
            let detector = cfg.detector().map_err(usage)?;
            let tagger = pagesift_themes::Tagger::from_taxonomy(cfg.taxonomy().map_err(usage)?)
                .map_err(usage)?;
            each_input(lines, |text| {
                let hits = pagesift::record::tag_text(&detector, &tagger, text);
                Ok(serde_json::to_string(&hits)?)
            })
        }
        Command::Eval {
            corpus,
            shared,
            stages,
        } => {
            let pipeline = config(stages, false).build().map_err(usage)?;
            let shared = shared
                .or_else(|| std::env::var_os("PAGESIFT_SHARED_DATA").map(PathBuf::from))
                .unwrap_or_else(|| PathBuf::from("../shared/data"));
            let board =
                pagesift::eval::scoreboard(&pipeline, &corpus, &shared).map_err(|e| Fail {
                    code: 1,
                    err: e.into(),
                })?;
            print_out(&board.to_string())
        }
        Command::Themes { taxonomy } => {
            let mut cfg = PipelineConfig::default();
            if let Some(path) = taxonomy {
                cfg = cfg.with_taxonomy(path);
            }
            let tax = cfg.taxonomy().map_err(|err| Fail {
                code: 1,
                err: err.into(),
            })?;
            let mut s = String::new();
            for t in tax.themes() {
                s.push_str(&format!("{:<28} {}\n", t.id, t.label));
            }
            print_out(&s)
        }
    }
}

/// Writes `text`, ending it with a newline if it has none.
fn write_text(out: &mut impl Write, text: &str) -> io::Result<()> {
    out.write_all(text.as_bytes())?;
    if !text.ends_with('\n') {
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn print_out(text: &str) -> Result<u8, Fail> {
    write_text(&mut io::stdout().lock(), text).map_err(usage)?;
    Ok(0)
}

/// Applies `f` to all of stdin, or to each line of it, printing one result per line.
fn each_input(lines: bool, mut f: impl FnMut(&str) -> Result<String>) -> Result<u8, Fail> {
    let stdin = io::stdin();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut emit = |text: &str| -> Result<(), Fail> {
        let s = f(text).map_err(|err| Fail { code: 1, err })?;
        writeln!(out, "{s}").map_err(usage)
    };
    if lines {
        for line in stdin.lock().lines() {
            let line = line.context("cannot read standard input").map_err(usage)?;
            emit(&line)?;
        }
    } else {
        let mut text = String::new();
        stdin
            .lock()
            .read_to_string(&mut text)
            .context("standard input is not UTF-8 text")
            .map_err(usage)?;
        emit(text.trim_end_matches('\n'))?;
    }
    out.flush().map_err(usage)?;
    Ok(0)
}

/// A progress bar on stderr when it is a terminal; nothing otherwise.
struct Bar {
    bar: Option<indicatif::ProgressBar>,
    counter: pagesift::input::ByteCounter,
}

impl Bar {
    fn new(inputs: &[PathBuf], counter: pagesift::input::ByteCounter) -> Self {
        if !io::stderr().is_terminal() {
            return Bar { bar: None, counter };
        }
        let bar = match pagesift::input::total_size(inputs) {
            Some(total) => {
                let b = indicatif::ProgressBar::new(total);
                b.set_style(
                    indicatif::ProgressStyle::with_template(
                        "{bar:30} {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}",
                    )
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
                );
                b
            }
            None => indicatif::ProgressBar::new_spinner(),
        };
        Bar {
            bar: Some(bar),
            counter,
        }
    }

    fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

impl pagesift::Progress for Bar {
    fn update(&mut self, s: &Summary) {
        if let Some(b) = &self.bar {
            b.set_position(self.counter.get());
            let rate = s.records as f64 / s.elapsed.as_secs_f64().max(1e-9);
            b.set_message(format!(
                "{} pages ({} errors) {rate:.0} pages/s",
                s.records, s.errors
            ));
        }
    }
}
