//! A streaming WARC reader: one record at a time, never the whole file in memory.
//!
//! Handles WARC/1.0 and WARC/1.1, plain or gzip-compressed (one member per record, as
//! Heritrix and wget write, or one member for the whole file), and undoes the HTTP layer
//! of `response` records: status line, headers, chunked transfer-encoding and
//! `Content-Encoding` gzip, deflate and br.

use std::borrow::Cow;
use std::io::{self, BufRead, Read};

use crate::input::{sniff_html, InputErrorKind, RawPage, SkipKind};

/// The largest HTML payload we keep in memory; larger records are reported as errors.
pub const MAX_PAGE_BYTES: u64 = 64 * 1024 * 1024;

/// What one WARC record turned into.
#[derive(Debug)]
pub enum WarcItem {
    /// An HTML page to process.
    Page(RawPage),
    /// A record that is not a page; counted, not processed.
    Skipped(SkipKind),
    /// A record that could not be read; the reader may still go on (`fatal == false`).
    Error {
        /// Where in the file.
        source: String,
        /// What kind of failure: [`InputErrorKind::TooLarge`] for a record over
        /// [`MAX_PAGE_BYTES`], [`InputErrorKind::Warc`] for a broken record.
        kind: InputErrorKind,
        /// What went wrong.
        message: String,
        /// Whether reading this file must stop.
        fatal: bool,
    },
}

/// Reads WARC records from a buffered reader.
pub struct WarcReader<R> {
    inner: R,
    name: String,
    index: u64,
    done: bool,
    line: Vec<u8>,
    /// After a record whose Content-Length did not match, lines up to the next
    /// `WARC/` version line are skipped instead of ending the file.
    resync: bool,
}

impl<R: BufRead> WarcReader<R> {
    /// Reads from `inner`; `name` is used to name records in errors (`name#N`).
    pub fn new(inner: R, name: impl Into<String>) -> Self {
        WarcReader {
            inner,
            name: name.into(),
            index: 0,
            done: false,
            line: Vec::new(),
            resync: false,
        }
    }

    fn source(&self) -> String {
        format!("{}#{}", self.name, self.index)
    }

    fn read_line(&mut self) -> io::Result<usize> {
        self.line.clear();
        // A header line longer than 64 KiB is not a WARC header; cap to stay bounded.
        let n = (&mut self.inner)
            .take(64 * 1024)
            .read_until(b'\n', &mut self.line)?;
        Ok(n)
    }

    /// Whether the bytes after a record block are a line end (the `\r\n\r\n` separator)
    /// or the end of the input, as they must be when Content-Length is right.
    fn separator_follows(&mut self) -> bool {
        match self.inner.fill_buf() {
            Ok(buf) => buf.is_empty() || buf[0] == b'\r' || buf[0] == b'\n',
            Err(_) => true,
        }
    }

    /// A broken or refused record that the reader reads past (`fatal: false`); the
    /// message ends with the record's name ([`record_name`]).
    fn record_error(
        &self,
        kind: InputErrorKind,
        what: impl std::fmt::Display,
        headers: &Headers,
    ) -> WarcItem {
        WarcItem::Error {
            source: self.source(),
            kind,
            message: format!("{what} ({})", record_name(headers)),
            fatal: false,
        }
    }

    fn fail(&mut self, message: String) -> WarcItem {
        self.done = true;
        WarcItem::Error {
            source: self.source(),
            kind: InputErrorKind::Warc,
            message,
            fatal: true,
        }
    }

    fn next_item(&mut self) -> Option<WarcItem> {
        // Skip blank lines between records, find the version line.
        loop {
            match self.read_line() {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(_) => {}
                Err(e) => {
                    self.index += 1;
                    return Some(self.fail(format!("read error before record: {e}")));
                }
            }
            let l = trim_eol(&self.line);
            if l.is_empty() {
                continue;
            }
            if self.resync && !l.starts_with(b"WARC/") {
                continue;
            }
            self.resync = false;
            self.index += 1;
            if !l.starts_with(b"WARC/") {
                let shown = String::from_utf8_lossy(&l[..l.len().min(40)]).into_owned();
                return Some(self.fail(format!(
                    "not a WARC record: expected 'WARC/1.x', found {shown:?}"
                )));
            }
            break;
        }
        let mut headers = Headers::default();
        loop {
            match self.read_line() {
                Ok(0) => {
                    return Some(
                        self.fail("truncated WARC record: end of file inside the headers".into()),
                    )
                }
                Ok(_) => {}
                Err(e) => return Some(self.fail(format!("truncated WARC record: {e}"))),
            }
            let l = trim_eol(&self.line);
            if l.is_empty() {
                break;
            }
            headers.push_line(l);
        }
        let Some(len) = headers
            .get("content-length")
            .and_then(|v| v.trim().parse::<u64>().ok())
        else {
            return Some(self.fail("WARC record without a valid Content-Length".into()));
        };
        let wtype = headers.get("warc-type").unwrap_or("").to_ascii_lowercase();
        let uri = headers.get("warc-target-uri").map(|u| {
            u.trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_string()
        });
        let ctype = headers
            .get("content-type")
            .unwrap_or("")
            .to_ascii_lowercase();

        let wanted = match wtype.as_str() {
            "response" => ctype.contains("application/http") || ctype.is_empty(),
            "resource" => ctype.contains("html") || ctype.is_empty(),
            _ => false,
        };
        if !wanted || len > MAX_PAGE_BYTES {
            if let Err(e) =
                io::copy(&mut (&mut self.inner).take(len), &mut io::sink()).and_then(|n| {
                    if n < len {
                        Err(io::Error::new(
                            io::ErrorKind::UnexpectedEof,
                            format!("{n} of {len} bytes"),
                        ))
                    } else {
                        Ok(())
                    }
                })
            {
                return Some(self.fail(format!("truncated WARC record ({wtype}): {e}")));
            }
            if !self.separator_follows() {
                self.resync = true;
            }
            if len > MAX_PAGE_BYTES && wanted {
                return Some(self.record_error(
                    InputErrorKind::TooLarge,
                    format_args!(
                        "record of {len} bytes is over the {MAX_PAGE_BYTES}-byte page limit"
                    ),
                    &headers,
                ));
            }
            return Some(WarcItem::Skipped(match wtype.as_str() {
                "revisit" => SkipKind::Revisit,
                "request" => SkipKind::Request,
                "metadata" => SkipKind::Metadata,
                "warcinfo" => SkipKind::Warcinfo,
                "response" | "resource" => SkipKind::NotHtml,
                _ => SkipKind::Other,
            }));
        }
        let mut block = Vec::with_capacity(len as usize);
        match (&mut self.inner).take(len).read_to_end(&mut block) {
            Ok(n) if (n as u64) < len => {
                return Some(
                    self.fail(format!("truncated WARC record: {n} of {len} content bytes")),
                )
            }
            Ok(_) => {}
            Err(e) => return Some(self.fail(format!("truncated WARC record: {e}"))),
        }
        if !self.separator_follows() {
            self.resync = true;
            return Some(self.record_error(
                InputErrorKind::Warc,
                format_args!(
                    "Content-Length {len} does not match the record: no record separator after \
                     it; skipped to the next record"
                ),
                &headers,
            ));
        }
        if block.is_empty() {
            return Some(self.record_error(
                InputErrorKind::Warc,
                "empty (0-byte) WARC record",
                &headers,
            ));
        }
        let source = self.source();
        let url = uri;
        if wtype == "resource" {
            // A resource without a Content-Type is sniffed like a file found in a
            // directory (and like a response without one): robots.txt, images and
            // scripts are skipped as not HTML, not handed to the extractor.
            if ctype.is_empty() && !sniff_html(&block) {
                return Some(WarcItem::Skipped(SkipKind::NotHtml));
            }
            return Some(WarcItem::Page(RawPage {
                source,
                url,
                http_charset: None,
                body: block,
            }));
        }
        Some(match parse_http_response(&block) {
            Ok(HttpOutcome::Page { charset, body }) => WarcItem::Page(RawPage {
                source,
                url,
                http_charset: charset,
                body,
            }),
            Ok(HttpOutcome::Skip(kind)) => WarcItem::Skipped(kind),
            Err(HttpError { kind, message }) => self.record_error(kind, message, &headers),
        })
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = WarcItem;
    fn next(&mut self) -> Option<WarcItem> {
        if self.done {
            return None;
        }
        self.next_item()
    }
}

/// Names a record by its target URI and record id, for error messages: the `path#N`
/// source alone does not find it in other WARC tools.
fn record_name(headers: &Headers) -> String {
    let field = |name: &str| headers.get(name).map(str::trim).filter(|v| !v.is_empty());
    match (field("warc-target-uri"), field("warc-record-id")) {
        (Some(uri), Some(id)) => format!("WARC-Target-URI {uri}, WARC-Record-ID {id}"),
        (Some(uri), None) => format!("WARC-Target-URI {uri}"),
        (None, Some(id)) => format!("WARC-Record-ID {id}"),
        (None, None) => "no WARC-Target-URI or WARC-Record-ID".into(),
    }
}

fn trim_eol(l: &[u8]) -> &[u8] {
    let mut end = l.len();
    while end > 0 && (l[end - 1] == b'\n' || l[end - 1] == b'\r') {
        end -= 1;
    }
    &l[..end]
}

/// Header lines, names lowercased, in order.
#[derive(Default, Debug)]
struct Headers(Vec<(String, String)>);

impl Headers {
    fn push_line(&mut self, l: &[u8]) {
        let s = String::from_utf8_lossy(l);
        if let Some((k, v)) = s.split_once(':') {
            self.0
                .push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        } else if let Some(last) = self.0.last_mut() {
            // Obsolete line folding: a continuation of the previous header.
            last.1.push(' ');
            last.1.push_str(s.trim());
        }
    }
    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

enum HttpOutcome {
    Page {
        charset: Option<String>,
        body: Vec<u8>,
    },
    Skip(SkipKind),
}

/// Extracts the `charset` parameter of a Content-Type value.
pub fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        if k.trim().eq_ignore_ascii_case("charset") {
            let v = v.trim().trim_matches(|c| c == '"' || c == '\'').trim();
            (!v.is_empty()).then(|| v.to_string())
        } else {
            None
        }
    })
}

/// A failure to read a record's HTTP payload or undo its `Content-Encoding`.
struct HttpError {
    /// [`InputErrorKind::TooLarge`] when the body decompresses past [`MAX_PAGE_BYTES`],
    /// else [`InputErrorKind::Warc`].
    kind: InputErrorKind,
    message: String,
}

fn warc_error(message: String) -> HttpError {
    HttpError {
        kind: InputErrorKind::Warc,
        message,
    }
}

fn parse_http_response(block: &[u8]) -> Result<HttpOutcome, HttpError> {
    let head_end = find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| find(block, b"\n\n").map(|i| (i, i + 2)))
        .ok_or_else(|| warc_error("HTTP response without a header/body separator".into()))?;
    let head = String::from_utf8_lossy(&block[..head_end.0]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    if !status_line.starts_with("HTTP/") {
        return Err(warc_error(format!(
            "not an HTTP response: status line {:?}",
            truncate(status_line, 60)
        )));
    }
    let status: u16 = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut headers = Headers::default();
    for l in lines {
        headers.push_line(l.as_bytes());
    }
    if !(200..300).contains(&status) {
        return Ok(HttpOutcome::Skip(SkipKind::HttpStatus));
    }
    let raw = &block[head_end.1..];
    let ctype = headers
        .get("content-type")
        .unwrap_or("")
        .to_ascii_lowercase();
    let mut body: Vec<u8> = if headers
        .get("transfer-encoding")
        .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"))
    {
        // Some archivers store the payload already de-chunked but keep the header: fall back to it.
        dechunk(raw).unwrap_or_else(|| raw.to_vec())
    } else {
        raw.to_vec()
    };
    if let Some(enc) = headers.get("content-encoding") {
        // `None`: nothing to undo (identity), and the body is not copied.
        let decoded = decode_capped(enc, Cow::Borrowed(&body), MAX_PAGE_BYTES).map(|c| match c {
            Cow::Owned(v) => Some(v),
            Cow::Borrowed(_) => None,
        });
        match decoded {
            Ok(None) => {}
            // Crawlers often store the payload already decoded but keep the header. Such
            // a page can happen to be a valid deflate or brotli stream ("decoding" into a
            // few stray bytes or none): when it is HTML as it stands and what it decodes
            // to is not, it is the page.
            Ok(Some(decoded)) if sniff_html(&body) && !sniff_html(&decoded) => {}
            Ok(Some(decoded)) => body = decoded,
            // The same when it does not decode at all.
            Err(e) if e.kind != InputErrorKind::TooLarge && sniff_html(&body) => {}
            Err(e) => return Err(e),
        }
    }
    let is_html = if ctype.is_empty() {
        sniff_html(&body)
    } else {
        ctype.contains("html")
    };
    if !is_html {
        return Ok(HttpOutcome::Skip(SkipKind::NotHtml));
    }
    if body.is_empty() {
        return Err(warc_error("HTTP response with an empty HTML body".into()));
    }
    Ok(HttpOutcome::Page {
        charset: charset_param(&ctype),
        body,
    })
}

fn truncate(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Undoes HTTP chunked transfer-encoding; `None` when the data is not validly chunked.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let eol = find(data, b"\n")?;
        let line = std::str::from_utf8(&data[..eol]).ok()?.trim();
        let size_str = line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_str, 16).ok()?;
        data = &data[eol + 1..];
        if size == 0 {
            return Some(out);
        }
        if data.len() < size {
            // Truncated final chunk: keep what is there.
            out.extend_from_slice(data);
            return Some(out);
        }
        out.extend_from_slice(&data[..size]);
        data = &data[size..];
        data = data
            .strip_prefix(b"\r\n")
            .or_else(|| data.strip_prefix(b"\n"))
            .unwrap_or(data);
        if data.is_empty() {
            return Some(out);
        }
    }
}

/// Decompresses at most `limit` bytes: a small compressed body may expand to gigabytes.
/// `Ok(false)` when it would expand past the limit.
fn capped(r: impl Read, out: &mut Vec<u8>, limit: u64) -> io::Result<bool> {
    let n = r.take(limit + 1).read_to_end(out)?;
    Ok(n as u64 <= limit)
}

/// Undoes a `Content-Encoding` (gzip, x-gzip, deflate, br, identity; comma lists in order).
/// A body with nothing to undo (identity) comes back as it is, not copied.
pub fn decode_content(encoding: &str, body: Vec<u8>) -> Result<Vec<u8>, String> {
    decode_capped(encoding, Cow::Owned(body), MAX_PAGE_BYTES)
        .map(Cow::into_owned)
        .map_err(|e| e.message)
}

/// As [`decode_content`], with the decompressed size capped at `limit` rather than
/// [`MAX_PAGE_BYTES`], so a test can hit the cap without building 64 MB; `body` comes
/// back as it was given when there is nothing to undo.
fn decode_capped<'a>(
    encoding: &str,
    mut body: Cow<'a, [u8]>,
    limit: u64,
) -> Result<Cow<'a, [u8]>, HttpError> {
    for enc in encoding
        .split(',')
        .map(|e| e.trim().to_ascii_lowercase())
        .rev()
    {
        let mut out = Vec::new();
        let res = match enc.as_str() {
            "" | "identity" | "none" => continue,
            "gzip" | "x-gzip" => capped(
                flate2::read::MultiGzDecoder::new(&body[..]),
                &mut out,
                limit,
            ),
            "deflate" => {
                // Servers send both zlib-wrapped and raw deflate under this name.
                let r = capped(flate2::read::ZlibDecoder::new(&body[..]), &mut out, limit);
                if r.is_err() {
                    out.clear();
                    capped(
                        flate2::read::DeflateDecoder::new(&body[..]),
                        &mut out,
                        limit,
                    )
                } else {
                    r
                }
            }
            "br" => capped(brotli::Decompressor::new(&body[..], 4096), &mut out, limit),
            other => {
                return Err(warc_error(format!(
                    "unsupported Content-Encoding {other:?}"
                )))
            }
        };
        match res {
            Ok(true) => body = Cow::Owned(out),
            Ok(false) => {
                return Err(HttpError {
                    kind: InputErrorKind::TooLarge,
                    message: format!(
                        "Content-Encoding {enc}: decompresses to more than the \
                         {limit}-byte page limit"
                    ),
                })
            }
            Err(e) => {
                return Err(warc_error(format!(
                    "cannot undo Content-Encoding {enc}: {e}"
                )))
            }
        }
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dechunks() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5;x=1\r\npedia\r\n0\r\n\r\n").unwrap(),
            b"Wikipedia"
        );
        assert!(dechunk(b"<html>").is_none());
    }

    #[test]
    fn a_body_that_decompresses_past_the_limit_is_too_large() {
        use std::io::Write;
        // The cap is a parameter so this needs kilobytes, not the 64 MB of MAX_PAGE_BYTES.
        const LIMIT: u64 = 4096;
        let gzip = |len: u64| {
            let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            enc.write_all(&vec![0u8; len as usize]).unwrap();
            enc.finish().unwrap()
        };
        let at_limit = decode_capped("gzip", Cow::Owned(gzip(LIMIT)), LIMIT)
            .unwrap_or_else(|e| panic!("at the limit: {}", e.message));
        assert_eq!(at_limit.len() as u64, LIMIT);
        let err =
            decode_capped("gzip", Cow::Owned(gzip(LIMIT + 1)), LIMIT).expect_err("over the limit");
        assert_eq!(err.kind, InputErrorKind::TooLarge, "{}", err.message);
        let err = decode_capped("gzip", Cow::Borrowed(b"<html>not gzip"), MAX_PAGE_BYTES)
            .expect_err("not gzip");
        assert_eq!(err.kind, InputErrorKind::Warc, "{}", err.message);
    }

    #[test]
    fn an_identity_encoded_body_is_handed_back_not_copied() {
        let body = b"<html>".to_vec();
        let at = body.as_ptr();
        let out = decode_content("identity, ", body).unwrap();
        assert_eq!((out.as_ptr(), &out[..]), (at, &b"<html>"[..]));
    }

    #[test]
    fn charset_from_content_type() {
        assert_eq!(
            charset_param("text/html; charset=\"windows-1251\"").as_deref(),
            Some("windows-1251")
        );
        assert_eq!(charset_param("text/html"), None);
    }
}
