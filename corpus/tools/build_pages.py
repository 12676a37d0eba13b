#!/usr/bin/env python3
"""Render the pagesift corpus: corpus/src/<case>.toml -> corpus/pages/<case>.html + gold.

Stdlib only (Python 3.11+ for tomllib). Output is deterministic: no clocks, no random
state; everything that looks random (tokens, view states, hashes) is derived from the
case name with SHA-256, so rebuilding gives identical bytes.

Usage:  python3 corpus/tools/build_pages.py [--check]
        --check  rebuild in memory and fail if any committed file differs.
"""

import html
import json
import os
import re
import sys
import tomllib

sys.dont_write_bytecode = True  # keep corpus/tools free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import chromes  # noqa: E402
from corpuslib import ALL_PAGES, ENCODINGS, LANGS, SITES, THEMES, gold_lines, parse_body  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "src")
OUT = os.path.join(ROOT, "pages")

RENDERERS = {
    "drupal7": chromes.drupal7, "bitrix": chromes.bitrix, "wordpress": chromes.wordpress,
    "table": chromes.table, "sharepoint": chromes.sharepoint, "gsb": chromes.gsb,
}

def load(path):
    with open(path, "rb") as f:
        src = tomllib.load(f)
    case = os.path.splitext(os.path.basename(path))[0]
    need = ["site", "lang", "url", "title", "encoding", "themes"]
    for k in need:
        if k not in src:
            raise SystemExit("%s: missing key %r" % (path, k))
    if src["site"] not in SITES:
        raise SystemExit("%s: unknown site %r" % (path, src["site"]))
    if src["lang"] not in LANGS:
        raise SystemExit("%s: unknown lang %r" % (path, src["lang"]))
    if src["encoding"] not in ENCODINGS:
        raise SystemExit("%s: unknown encoding %r" % (path, src["encoding"]))
    for t in src["themes"]:
        if t not in THEMES:
            raise SystemExit("%s: unknown theme %r" % (path, t))
    kind = src.get("kind", "article")
    declared = src.get("declared", src["encoding"])
    page = dict(
        case=case, site_id=src["site"], site=SITES[src["site"]], lang=src["lang"], url=src["url"],
        title=src["title"], published=src.get("published"), encoding=src["encoding"],
        declared=None if declared == "none" else declared, themes=src["themes"], kind=kind,
        second_lang=src.get("second_lang"), html_lang=src.get("html_lang", src["lang"]),
        section=src.get("section"), author=src.get("author"), tags=src.get("tags", []),
        description=src.get("description", ""), blocks=[], items=[], src=src,
    )
    if kind == "list":
        page["items"] = src["items"]
    else:
        page["blocks"] = parse_body(src["body"])
        langs = {b[2] for b in page["blocks"] if b[0] == "quote" and b[2]}
        if page["second_lang"] and page["second_lang"] not in langs:
            raise SystemExit("%s: second_lang %s but no > [%s] quote" % (path, page["second_lang"],
                                                                          page["second_lang"]))
    return page


def self_check(page, data):
    """Every gold line (every cell, for table rows) must be visible text of the rendered page."""
    text = data.decode(ENCODINGS[page["encoding"]])
    text = re.sub(r"<script.*?</script>|<style.*?</style>", " ", text, flags=re.S | re.I)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("\u00a0", " ")
    text = " ".join(text.split())
    missing = []
    for line in gold_lines(page):
        for part in line.split(" | "):
            if " ".join(part.split()) not in text:
                missing.append(part)
    if missing:
        raise SystemExit("%s: gold text not found in page: %r" % (page["case"], missing[:3]))


def word_count(page):
    return sum(len(re.findall(r"\w+", line)) for line in gold_lines(page)[1:])


def build(check=False):
    files = sorted(f for f in os.listdir(SRC) if f.endswith(".toml"))
    ALL_PAGES.clear()
    for f in files:
        ALL_PAGES.append(load(os.path.join(SRC, f)))
    os.makedirs(OUT, exist_ok=True)
    bad = []
    for page in ALL_PAGES:
        doc = RENDERERS[page["site"]["style"]](page)
        data = doc.encode(ENCODINGS[page["encoding"]], errors="xmlcharrefreplace")
        self_check(page, data)
        # The gold title and text must survive the page's own encoding.
        gold_txt = "\n".join(gold_lines(page)) + "\n"
        gold = {
            "url": page["url"], "lang": page["lang"], "published": page["published"],
            "title": page["title"], "charset": page["encoding"], "declared_charset": page["declared"],
            "page_kind": page["kind"], "themes": sorted(page["themes"]), "second_lang": page["second_lang"],
        }
        outputs = {
            page["case"] + ".html": data,
            page["case"] + ".gold.txt": gold_txt.encode("utf-8"),
            page["case"] + ".gold.json": (json.dumps(gold, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
        }
        for name, b in outputs.items():
            p = os.path.join(OUT, name)
            if check:
                try:
                    with open(p, "rb") as fh:
                        if fh.read() != b:
                            bad.append(name)
                except FileNotFoundError:
                    bad.append(name)
            else:
                with open(p, "wb") as fh:
                    fh.write(b)
        n = len(data)
        if not check:
            wc = word_count(page)
            flag = "" if 30_000 <= n <= 300_000 else "  <-- size out of range"
            if page["kind"] == "article" and not (150 <= wc <= 900):
                flag += "  <-- %d words" % wc
            print("%-34s %-3s %-13s %-13s %-10s %-7s %7d B %4d w%s" % (
                page["case"], page["lang"], page["encoding"], page["declared"] or "-", page["site"]["style"],
                page["kind"], n, wc, flag))
    if check:
        if bad:
            print("out of date:", ", ".join(bad))
            sys.exit(1)
        print("all %d pages up to date" % len(ALL_PAGES))


if __name__ == "__main__":
    build(check="--check" in sys.argv)
