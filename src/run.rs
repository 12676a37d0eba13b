//! Running the pipeline over a stream of inputs: parallel, bounded, in input order.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::mpsc::sync_channel;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::Serialize;

use crate::input::Item;
use crate::record::{Pipeline, Record, Status};

/// Pages per batch handed to the worker threads.
const BATCH_PAGES: usize = 64;
/// Bytes per batch: a batch closes early when its pages add up to this.
const BATCH_BYTES: usize = 32 * 1024 * 1024;
/// Batches read ahead of the workers; with the batch in flight this bounds memory.
const QUEUE_BATCHES: usize = 2;

/// What a run did, for the closing summary.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Summary {
    /// Records written (ok + error).
    pub records: u64,
    /// Records with `status: ok`.
    pub ok: u64,
    /// Records with `status: error`.
    pub errors: u64,
    /// Error records by kind.
    pub errors_by_kind: BTreeMap<String, u64>,
    /// Input records skipped (not pages) by kind.
    pub skipped: BTreeMap<String, u64>,
    /// Bytes of page input processed.
    pub bytes: u64,
    /// Pages by main language.
    pub languages: BTreeMap<String, u64>,
    /// Pages per theme.
    pub themes: BTreeMap<String, u64>,
    /// Wall-clock time.
    pub elapsed: Duration,
}

impl Summary {
    fn add(&mut self, r: &Record) {
        self.records += 1;
        self.bytes += r.bytes as u64;
        match r.status {
            Status::Ok => {
                self.ok += 1;
                *self.languages.entry(r.lang.clone()).or_default() += 1;
                for t in &r.themes {
                    *self.themes.entry(t.id.clone()).or_default() += 1;
                }
            }
            Status::Error => {
                self.errors += 1;
                let kind = r.error.as_ref().map(|e| e.kind.clone()).unwrap_or_default();
                *self.errors_by_kind.entry(kind).or_default() += 1;
            }
        }
    }
}

fn top(m: &BTreeMap<String, u64>, n: usize) -> Vec<(&String, &u64)> {
    let mut v: Vec<_> = m.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    v.truncate(n);
    v
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        let mb = self.bytes as f64 / 1e6;
        writeln!(
            f,
            "pagesift: {} pages ({} ok, {} errors), {:.1} MB in {:.2} s: {:.1} pages/s, {:.1} MB/s",
            self.records,
            self.ok,
            self.errors,
            mb,
            secs,
            self.records as f64 / secs,
            mb / secs
        )?;
        let join = |v: Vec<(&String, &u64)>| {
            v.iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !self.errors_by_kind.is_empty() {
            writeln!(f, "  errors:    {}", join(top(&self.errors_by_kind, 20)))?;
        }
        if !self.skipped.is_empty() {
            writeln!(f, "  skipped:   {}", join(top(&self.skipped, 20)))?;
        }
        if !self.languages.is_empty() {
            writeln!(f, "  languages: {}", join(top(&self.languages, 10)))?;
        }
        if !self.themes.is_empty() {
            writeln!(f, "  themes:    {}", join(top(&self.themes, 10)))?;
        }
        Ok(())
    }
}

/// Progress reports, called from the writing thread after each batch.
pub trait Progress {
    /// `summary` so far.
    fn update(&mut self, summary: &Summary);
}

impl Progress for () {
    fn update(&mut self, _: &Summary) {}
}

fn to_record(pipeline: &Pipeline, item: Item) -> Option<Record> {
    match item {
        Item::Page(p) => Some(pipeline.process(&p)),
        Item::Skipped(_) => None,
        Item::Error {
            source,
            kind,
            message,
        } => Some(Record::error(source, None, 0, kind.name(), message)),
    }
}

/// Runs `pipeline` over `items` on the current rayon pool and hands each record to `sink`
/// in input order. Items are read on a separate thread into a bounded queue, so memory
/// stays flat however long the input. Stops early and returns the error if `sink` fails.
pub fn run<I, S, E>(
    pipeline: &Pipeline,
    items: I,
    mut sink: S,
    progress: &mut dyn Progress,
) -> Result<Summary, E>
where
    I: Iterator<Item = Item> + Send,
    S: FnMut(&Record) -> Result<(), E>,
{
    let start = Instant::now();
    let mut summary = Summary::default();
    let (tx, rx) = sync_channel::<(Vec<Item>, BTreeMap<String, u64>)>(QUEUE_BATCHES);
    let result = std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH_PAGES);
            let mut skipped = BTreeMap::new();
            let mut bytes = 0;
            for item in items {
                match &item {
                    Item::Skipped(k) => {
                        *skipped.entry(k.name().to_string()).or_default() += 1;
                        continue;
                    }
                    Item::Page(p) => bytes += p.body.len(),
                    Item::Error { .. } => {}
                }
                batch.push(item);
                if batch.len() >= BATCH_PAGES || bytes >= BATCH_BYTES {
                    bytes = 0;
                    if tx
                        .send((std::mem::take(&mut batch), std::mem::take(&mut skipped)))
                        .is_err()
                    {
                        return; // The writer stopped.
                    }
                }
            }
            let _ = tx.send((batch, skipped));
        });
        for (batch, skipped) in rx {
            for (k, n) in skipped {
                *summary.skipped.entry(k).or_default() += n;
            }
            let records: Vec<Record> = batch
                .into_par_iter()
                .filter_map(|item| to_record(pipeline, item))
                .collect();
            for r in &records {
                sink(r)?;
                summary.add(r);
            }
            summary.elapsed = start.elapsed();
            progress.update(&summary);
        }
        Ok(())
    });
    summary.elapsed = start.elapsed();
    result.map(|()| summary)
}
