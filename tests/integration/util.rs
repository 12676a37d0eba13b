//! Helpers shared by the end-to-end tests.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use flate2::write::GzEncoder;
use flate2::Compression;

/// The workspace root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `<shared data>/<sub>` when present; `None` (and a note on stderr) when absent.
pub fn shared(sub: &str) -> Option<PathBuf> {
    pagesift::shared_data_path(sub)
        .inspect_err(|why| eprintln!("skipping: {why}"))
        .ok()
}

/// Runs the binary with `args`, feeding `stdin`.
pub fn pagesift(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pagesift"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn pagesift");
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("wait");
    feeder.join().expect("feeder");
    out
}

/// Parses JSON Lines output.
/// Asserts that the binary exited with success, showing its stderr when not.
pub fn ok(out: &Output) {
    assert!(
        out.status.success(),
        "status {:?}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}

pub fn records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

/// A small, real article page.
pub fn article(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} | Ministry</title></head>\
         <body><nav class=\"main-menu\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li>\
         <li><a href=\"/about\">About the ministry</a></li></ul></nav><main><article><h1>{title}</h1>\
         <p>{body}</p><p>The ministry will report on the results of this work at the end of the year, \
         together with the regional administrations and the operators.</p></article></main>\
         <footer class=\"footer\">© Ministry of Communications. All rights reserved.</footer></body></html>"
    )
}

/// One WARC record as its own gzip member, as Heritrix writes.
pub fn warc_record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut rec = Vec::new();
    write!(
        rec,
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2021-05-17T10:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:{:08x}-0000-0000-0000-000000000000>\r\nContent-Type: {content_type}\r\n\
         Content-Length: {}\r\n\r\n",
        uri.len(),
        block.len()
    )
    .unwrap();
    rec.extend_from_slice(block);
    rec.extend_from_slice(b"\r\n\r\n");
    gzip(&rec)
}

/// An HTTP response block.
pub fn http_response(content_type: &str, extra_headers: &str, body: &[u8]) -> Vec<u8> {
    let mut b = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n{extra_headers}\r\n")
        .into_bytes();
    b.extend_from_slice(body);
    b
}

/// Gzip-compresses `data` as one member.
pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

/// Writes `data` to `dir/name`, returning the path.
pub fn write(dir: &Path, name: &str, data: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, data).unwrap();
    p
}

/// The `source` of each record of JSON Lines output, in order.
pub fn sources(out: &Output) -> Vec<String> {
    records(out)
        .iter()
        .map(|r| {
            r["source"]
                .as_str()
                .unwrap_or_else(|| panic!("record without a source: {r}"))
                .to_string()
        })
        .collect()
}

/// The file name in a page's `source` (its last path component).
pub fn file_name(source: &str) -> &str {
    source.rsplit('/').next().unwrap_or_default()
}

/// The file name of a record's `source` (see [`file_name`]).
pub fn source_name(rec: &serde_json::Value) -> String {
    file_name(rec["source"].as_str().unwrap_or_default()).to_string()
}
