#!/usr/bin/env python3
"""Pack corpus/pages/*.html into corpus/corpus.warc.gz (WARC/1.1), stdlib only.

Layout, as a Heritrix crawl would write it: one gzip member per record; first a
warcinfo record, then for every page a request record followed by its response
record; then one image/png response and one revisit record (identical-payload-digest
profile) for a second fetch of the founding example page.

HTTP responses carry `Content-Type: text/html; charset=<what the page declares>`
(so pages with a wrong declaration get the wrong header too, and pages without one
get no charset parameter). Every third page is sent with `Transfer-Encoding: chunked`
and two pages with `Content-Encoding: gzip` (one of them also chunked).

Digests are `sha1:<base32>`. WARC-Block-Digest covers the whole record block (HTTP
headers + body as sent). WARC-Payload-Digest covers the HTTP body exactly as it
follows the header block, transfer and content codings included — what Heritrix,
wget and warcio write and what `warcio check` verifies (the WARC 1.1 text speaks of
the RFC 2616 entity-body, which would drop the chunking; crawlers do not).

Deterministic: record ids are UUIDv5 of the case name, dates are fixed, gzip mtime is 0.

Usage: python3 corpus/tools/build_warc.py [--check]
"""

import base64
import datetime
import gzip
import hashlib
import json
import os
import struct
import sys
import uuid
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGES = os.path.join(ROOT, "pages")
OUT = os.path.join(ROOT, "corpus.warc.gz")
NS = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/pagesift/pagesift/corpus")
CRAWL_START = datetime.datetime(2022, 6, 1, 9, 0, 0, tzinfo=datetime.timezone.utc)
USER_AGENT = "Mozilla/5.0 (compatible; heritrix/3.4.0 +https://github.com/pagesift/pagesift)"
FOUNDING = "mpt-ru-wtisd-2021"
# Sent with Content-Encoding: gzip (legacy-encoded pages, so a reader must gunzip before charset sniffing).
GZIP_CASES = {"ncdr-be-cyber-exercise", "regionby-be-fibre-schools"}

SERVER = {
    "mpt": [("Server", "nginx"), ("X-Powered-By", "PHP/5.6.40"), ("Expires", "Sun, 19 Nov 1978 05:00:00 GMT"),
            ("Cache-Control", "no-cache, must-revalidate"), ("X-Content-Type-Options", "nosniff"),
            ("Content-Language", "{lang}"), ("X-Generator", "Drupal 7 (http://drupal.org)")],
    "ncdr": [("Server", "nginx/1.18.0"), ("X-Powered-By", "PHP/7.4.21"), ("X-Powered-CMS", "Bitrix Site Manager (DEMO)"),
             ("Set-Cookie", "PHPSESSID={sess}; path=/; HttpOnly"), ("Expires", "Thu, 19 Nov 1981 08:52:00 GMT"),
             ("Cache-Control", "no-store, no-cache, must-revalidate"), ("Pragma", "no-cache")],
    "rureg": [("Server", "nginx"), ("X-Powered-CMS", "Bitrix Site Manager"), ("X-Frame-Options", "SAMEORIGIN"),
              ("Set-Cookie", "BITRIX_SM_GUEST_ID={guest}; expires=Sat, 27-May-2023 09:00:00 GMT; Max-Age=31104000; path=/")],
    "region_by": [("Server", "Apache/2.2.22 (Win32) PHP/5.2.17"), ("X-Powered-By", "PHP/5.2.17")],
    "region_ru": [("Server", "Apache/1.3.41 (Unix) rus/PL30.22"), ("Accept-Ranges", "bytes"),
                  ("Last-Modified", "Tue, 14 Sep 2010 11:20:00 GMT")],
    "region_ua": [("Server", "Apache/2.2.15 (CentOS)"), ("X-Powered-By", "PHP/5.3.3")],
    "dsdr": [("Server", "cloudflare"), ("Link", "<https://dsdr.gov.ua/wp-json/>; rel=\"https://api.w.org/\""),
             ("Vary", "Accept-Encoding"), ("CF-Cache-Status", "DYNAMIC"), ("CF-RAY", "{ray}-WAW")],
    "rtco": [("Server", "Microsoft-IIS/8.5"), ("Cache-Control", "private, max-age=0"), ("X-SharePointHealthScore", "0"),
             ("X-AspNet-Version", "4.0.30319"), ("SPRequestGuid", "{guid}"), ("request-id", "{guid}"),
             ("X-Powered-By", "ASP.NET"), ("MicrosoftSharePointTeamServices", "15.0.0.5285"),
             ("X-Content-Type-Options", "nosniff"), ("X-MS-InvokeApp", "1; RequireReadOnly")],
    "bftdi": [("Server", "Apache"), ("Strict-Transport-Security", "max-age=31536000"), ("X-Frame-Options", "SAMEORIGIN"),
              ("Vary", "Accept-Encoding"), ("Content-Security-Policy", "default-src 'self'; img-src 'self' data:")],
}


def sha1_b32(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def rid(*parts):
    return "<urn:uuid:%s>" % uuid.uuid5(NS, "/".join(parts))


def wdate(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def http_date(dt):
    return dt.strftime("%a, %d %b %Y %H:%M:%S GMT")


def record(headers, block):
    head = "WARC/1.1\r\n" + "".join("%s: %s\r\n" % kv for kv in headers)
    head += "Content-Length: %d\r\n\r\n" % len(block)
    return gzip.compress(head.encode("utf-8") + block + b"\r\n\r\n", compresslevel=9, mtime=0)


def chunked(body, seed):
    """Split body into chunks of varying sizes (as a server flushing its buffer would)."""
    out = []
    pos = 0
    sizes = [8192, 4096, 16384, 1371, 8000]
    i = int(hashlib.sha1(seed.encode()).hexdigest(), 16) % len(sizes)
    while pos < len(body):
        n = sizes[i % len(sizes)]
        i += 1
        part = body[pos:pos + n]
        out.append(b"%x\r\n" % len(part) + part + b"\r\n")
        pos += n
    out.append(b"0\r\n\r\n")
    return b"".join(out)


def png_logo():
    """A 32x32 RGB PNG (red/green stripes) built with zlib."""
    w = hgt = 32
    rows = b"".join(b"\x00" + b"".join(bytes((200, 16, 46)) if y < 21 else bytes((0, 122, 61)) for _ in range(w))
                    for y in range(hgt))

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, hgt, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def request_block(url, accept="text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"):
    scheme, rest = url.split("://", 1)
    host, _, path = rest.partition("/")
    lines = ["GET /%s HTTP/1.1" % path, "Host: %s" % host, "User-Agent: %s" % USER_AGENT, "Accept: %s" % accept,
             "Accept-Language: ru,be;q=0.9,en;q=0.8,uk;q=0.7", "Accept-Encoding: gzip", "Connection: close"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")


def build():
    cases = sorted(f[:-len(".gold.json")] for f in os.listdir(PAGES) if f.endswith(".gold.json"))
    info_id = rid("warcinfo")
    t0 = CRAWL_START
    info = ("software: pagesift corpus/tools/build_warc.py (Python %s stdlib)\r\n"
            "format: WARC File Format 1.1\r\n"
            "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
            "isPartOf: pagesift-corpus\r\n"
            "description: Ministry-style pages written for the pagesift project, with gold annotations in corpus/pages/\r\n"
            "robots: ignore\r\n"
            "http-header-user-agent: %s\r\n" % ("3", USER_AGENT)).encode("utf-8")
    out = [record([("WARC-Type", "warcinfo"), ("WARC-Date", wdate(t0)), ("WARC-Filename", "corpus.warc.gz"),
                   ("WARC-Record-ID", info_id), ("Content-Type", "application/warc-fields")], info)]
    founding = None
    for i, case in enumerate(cases):
        with open(os.path.join(PAGES, case + ".gold.json"), encoding="utf-8") as f:
            gold = json.load(f)
        with open(os.path.join(PAGES, case + ".html"), "rb") as f:
            body = f.read()
        site = case.split("-")[0]
        site = {"regionby": "region_by", "regionru": "region_ru", "regionua": "region_ua"}.get(site, site)
        t = t0 + datetime.timedelta(seconds=7 * (i + 1))
        url = gold["url"]
        req_id, resp_id = rid(case, "request"), rid(case, "response")
        ip = "192.0.2.%d" % (10 + sorted(SERVER).index(site))
        ctype = "text/html" + ("; charset=%s" % gold["declared_charset"] if gold["declared_charset"] else "")
        hdrs = [("Date", http_date(t))]
        for k, v in SERVER[site]:
            hdrs.append((k, v.format(lang=gold["lang"], sess=hashlib.md5(case.encode()).hexdigest()[:26],
                                     guest=int(hashlib.md5(case.encode()).hexdigest()[:7], 16),
                                     ray=hashlib.md5(case.encode()).hexdigest()[:16],
                                     guid=str(uuid.uuid5(NS, case + "sp")))))
        hdrs.append(("Content-Type", ctype))
        entity = body
        if case in GZIP_CASES:
            entity = gzip.compress(body, compresslevel=6, mtime=0)
            hdrs.append(("Content-Encoding", "gzip"))
        if i % 3 == 1:
            hdrs.append(("Transfer-Encoding", "chunked"))
            sent = chunked(entity, case)
        else:
            hdrs.append(("Content-Length", str(len(entity))))
            sent = entity
        hdrs.append(("Connection", "close"))
        http_head = ("HTTP/1.1 200 OK\r\n" + "".join("%s: %s\r\n" % kv for kv in hdrs) + "\r\n").encode("utf-8")
        block = http_head + sent
        payload_digest = sha1_b32(sent)
        req = request_block(url)
        out.append(record([("WARC-Type", "request"), ("WARC-Record-ID", req_id), ("WARC-Date", wdate(t)),
                           ("WARC-Target-URI", url), ("WARC-Concurrent-To", resp_id), ("WARC-Warcinfo-ID", info_id),
                           ("WARC-Block-Digest", sha1_b32(req)), ("Content-Type", "application/http; msgtype=request")],
                          req))
        out.append(record([("WARC-Type", "response"), ("WARC-Record-ID", resp_id), ("WARC-Date", wdate(t)),
                           ("WARC-Target-URI", url), ("WARC-IP-Address", ip), ("WARC-Warcinfo-ID", info_id),
                           ("WARC-Block-Digest", sha1_b32(block)), ("WARC-Payload-Digest", payload_digest),
                           ("WARC-Identified-Payload-Type", "text/html"),
                           ("Content-Type", "application/http; msgtype=response")], block))
        if case == FOUNDING:
            founding = (url, resp_id, t, payload_digest, hdrs)
    # One image.
    t = t0 + datetime.timedelta(seconds=7 * (len(cases) + 1))
    png = png_logo()
    url = "https://mpt.gov.by/sites/all/themes/mpt/logo.png"
    head = ("HTTP/1.1 200 OK\r\nDate: %s\r\nServer: nginx\r\nContent-Type: image/png\r\nContent-Length: %d\r\n"
            "Last-Modified: Mon, 12 Apr 2021 08:00:00 GMT\r\nETag: \"%s\"\r\nAccept-Ranges: bytes\r\nConnection: close\r\n\r\n"
            % (http_date(t), len(png), hashlib.md5(png).hexdigest()[:16])).encode("ascii")
    req = request_block(url, "image/avif,image/webp,image/png,image/*;q=0.8")
    out.append(record([("WARC-Type", "request"), ("WARC-Record-ID", rid("logo", "request")), ("WARC-Date", wdate(t)),
                       ("WARC-Target-URI", url), ("WARC-Concurrent-To", rid("logo", "response")),
                       ("WARC-Warcinfo-ID", info_id), ("WARC-Block-Digest", sha1_b32(req)),
                       ("Content-Type", "application/http; msgtype=request")], req))
    out.append(record([("WARC-Type", "response"), ("WARC-Record-ID", rid("logo", "response")), ("WARC-Date", wdate(t)),
                       ("WARC-Target-URI", url), ("WARC-IP-Address", "192.0.2.%d" % (10 + sorted(SERVER).index("mpt"))),
                       ("WARC-Warcinfo-ID", info_id), ("WARC-Block-Digest", sha1_b32(head + png)),
                       ("WARC-Payload-Digest", sha1_b32(png)), ("WARC-Identified-Payload-Type", "image/png"),
                       ("Content-Type", "application/http; msgtype=response")], head + png))
    # One revisit: the founding page fetched again a day later, same payload.
    if founding:
        furl, fid, ft, fdigest, fhdrs = founding
        t = ft + datetime.timedelta(days=1)
        hdrs = [("Date", http_date(t)) if k == "Date" else (k, v) for k, v in fhdrs]
        head = ("HTTP/1.1 200 OK\r\n" + "".join("%s: %s\r\n" % kv for kv in hdrs) + "\r\n").encode("utf-8")
        req = request_block(furl)
        out.append(record([("WARC-Type", "request"), ("WARC-Record-ID", rid(FOUNDING, "request", "2")),
                           ("WARC-Date", wdate(t)), ("WARC-Target-URI", furl),
                           ("WARC-Concurrent-To", rid(FOUNDING, "revisit")), ("WARC-Warcinfo-ID", info_id),
                           ("WARC-Block-Digest", sha1_b32(req)), ("Content-Type", "application/http; msgtype=request")],
                          req))
        out.append(record([("WARC-Type", "revisit"), ("WARC-Record-ID", rid(FOUNDING, "revisit")), ("WARC-Date", wdate(t)),
                           ("WARC-Target-URI", furl), ("WARC-IP-Address", "192.0.2.%d" % (10 + sorted(SERVER).index("mpt"))),
                           ("WARC-Warcinfo-ID", info_id),
                           ("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"),
                           ("WARC-Refers-To", fid), ("WARC-Refers-To-Target-URI", furl),
                           ("WARC-Refers-To-Date", wdate(ft)), ("WARC-Payload-Digest", fdigest),
                           ("WARC-Block-Digest", sha1_b32(head)),
                           ("Content-Type", "application/http; msgtype=response")], head))
    return b"".join(out), len(cases)


def main():
    data, n = build()
    if "--check" in sys.argv:
        with open(OUT, "rb") as f:
            if f.read() != data:
                print("corpus.warc.gz is out of date; run python3 corpus/tools/build_warc.py")
                sys.exit(1)
        print("corpus.warc.gz up to date (%d pages)" % n)
        return
    with open(OUT, "wb") as f:
        f.write(data)
    print("wrote %s: %d pages, %d bytes" % (os.path.relpath(OUT), n, len(data)))


if __name__ == "__main__":
    main()
