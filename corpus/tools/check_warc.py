#!/usr/bin/env python3
"""Read corpus/corpus.warc.gz back with the stdlib and verify it.

Checks: every record is its own gzip member; WARC headers present (WARC-Record-ID,
WARC-Date, WARC-Type, Content-Length); Content-Length matches the block; block and
payload digests match; each page response, once de-chunked and gunzipped, equals
corpus/pages/<case>.html byte for byte; the HTTP charset equals the gold's declared
charset. Prints one line per record type and exits non-zero on any problem.

Usage: python3 corpus/tools/check_warc.py [path/to/file.warc.gz]
"""

import base64
import collections
import gzip
import hashlib
import json
import os
import sys
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def members(data):
    pos = 0
    while pos < len(data):
        d = zlib.decompressobj(wbits=31)
        out = d.decompress(data[pos:])
        out += d.flush()
        used = len(data) - pos - len(d.unused_data)
        yield out
        pos += used


def parse_headers(raw):
    lines = raw.decode("utf-8").split("\r\n")
    return lines[0], {k.lower(): v.strip() for k, v in (ln.split(":", 1) for ln in lines[1:] if ln)}


def dechunk(b):
    out = b""
    pos = 0
    while True:
        end = b.index(b"\r\n", pos)
        n = int(b[pos:end].split(b";")[0], 16)
        if n == 0:
            return out
        out += b[end + 2:end + 2 + n]
        pos = end + 2 + n + 2


def sha1_b32(d):
    return "sha1:" + base64.b32encode(hashlib.sha1(d).digest()).decode()


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "corpus.warc.gz")
    data = open(path, "rb").read()
    golds = {}
    for f in os.listdir(os.path.join(ROOT, "pages")):
        if f.endswith(".gold.json"):
            g = json.load(open(os.path.join(ROOT, "pages", f), encoding="utf-8"))
            golds[g["url"]] = (f[:-len(".gold.json")], g)
    problems = []
    kinds = collections.Counter()
    seen_pages = set()
    for rec in members(data):
        head, _, rest = rec.partition(b"\r\n\r\n")
        ver, h = parse_headers(head)
        if ver != "WARC/1.1":
            problems.append("bad version %r" % ver)
        for k in ("warc-type", "warc-record-id", "warc-date", "content-length"):
            if k not in h:
                problems.append("missing %s in %s" % (k, h.get("warc-record-id")))
        n = int(h["content-length"])
        block = rest[:n]
        if rest[n:] != b"\r\n\r\n" or len(block) != n:
            problems.append("length mismatch in %s" % h["warc-record-id"])
        kinds[h["warc-type"]] += 1
        if "warc-block-digest" in h and sha1_b32(block) != h["warc-block-digest"]:
            problems.append("block digest mismatch in %s" % h["warc-record-id"])
        if h["warc-type"] == "response":
            hhead, _, body = block.partition(b"\r\n\r\n")
            status, hh = parse_headers(hhead)
            if sha1_b32(body) != h["warc-payload-digest"]:  # over the body as sent, like Heritrix/warcio
                problems.append("payload digest mismatch in %s" % h["warc-target-uri"])
            entity = dechunk(body) if hh.get("transfer-encoding") == "chunked" else body
            if hh.get("content-encoding") == "gzip":
                entity = gzip.decompress(entity)
                kinds["(gzip)"] += 1
            if hh.get("transfer-encoding") == "chunked":
                kinds["(chunked)"] += 1
            url = h["warc-target-uri"]
            if url in golds:
                case, g = golds[url]
                seen_pages.add(case)
                if entity != open(os.path.join(ROOT, "pages", case + ".html"), "rb").read():
                    problems.append("body differs from pages/%s.html" % case)
                ct = hh.get("content-type", "")
                cs = ct.split("charset=")[1] if "charset=" in ct else None
                if cs != g["declared_charset"]:
                    problems.append("%s: HTTP charset %r, gold declared %r" % (case, cs, g["declared_charset"]))
    missing = set(c for c, _ in golds.values()) - seen_pages
    if missing:
        problems.append("pages not in WARC: %s" % ", ".join(sorted(missing)))
    print(", ".join("%s=%d" % kv for kv in sorted(kinds.items())))
    for p in problems:
        print("PROBLEM:", p)
    if problems:
        sys.exit(1)
    print("ok: %d pages, %d bytes" % (len(seen_pages), len(data)))


if __name__ == "__main__":
    main()
