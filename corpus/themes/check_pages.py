#!/usr/bin/env python3
"""Validate a held-out theme page set, corpus/themes/<set>/pages.jsonl.

Checks: one JSON object per line; required fields and types; unique ids whose
prefix equals `lang`; theme ids from the issue-6 list only, no duplicates,
at most 5 per page; 150-600 words per page (title + blocks, whitespace split);
3-10 blocks; Belarusian pages free of и/щ/ъ and Ukrainian pages free of ы/э/ъ/ё;
the planned number of pages per language. Prints counts per language and theme.

Usage: python3 corpus/themes/check_pages.py SET [--partial] [path]
  SET        heldout, blind2, blind3, blind4, blind5, blind6, blind7, blind8 or blind9 (sets the planned page counts)
  --partial  do not require the final per-language page counts
Exit status 0 when every check passes, 1 otherwise.
"""
import json
import os
import re
import sys
from collections import Counter

THEMES = [
    "digital-transformation", "digital-economy", "information-society",
    "connecting-the-unconnected", "digital-divide", "digital-skills",
    "artificial-intelligence", "5g", "covid-19", "sustainable-development",
    "wsis", "itu", "e-government", "cybersecurity", "broadband",
    "mobile-communications", "postal-services", "radio-spectrum",
    "cloud-and-data-centres", "ict-investment", "digital-identity",
    "it-industry", "internet-of-things", "e-commerce",
]
FORBIDDEN = {"be": re.compile(r"[ищъИЩЪ]"), "uk": re.compile(r"[ыэъёЫЭЪЁ]")}
KEYS = {"id", "lang", "title", "blocks", "themes", "note"}
# Planned pages per language of each set.
PLANNED = {
    "heldout": {"en": 12, "ru": 12, "be": 12, "uk": 6},
    "blind2": {"en": 14, "ru": 14, "be": 14, "uk": 6},
    "blind3": {"en": 16, "ru": 16, "be": 16, "uk": 8},
    "blind4": {"en": 16, "ru": 16, "be": 16, "uk": 8},
    "blind5": {"en": 16, "ru": 16, "be": 16, "uk": 8},
    "blind6": {"en": 16, "ru": 16, "be": 16, "uk": 8},
    "blind7": {"en": 16, "ru": 16, "be": 16, "uk": 8},
    "blind8": {"en": 16, "ru": 16, "be": 16, "uk": 8},
    "blind9": {"en": 16, "ru": 16, "be": 16, "uk": 8},
}


def main(argv):
    partial = "--partial" in argv
    args = [a for a in argv if a != "--partial"]
    if not args or args[0] not in PLANNED:
        print(f"usage: check_pages.py SET [--partial] [path]; SET is one of {', '.join(PLANNED)}",
              file=sys.stderr)
        return 2
    EXPECTED = PLANNED[args[0]]
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), args[0])
    path = args[1] if len(args) > 1 else os.path.join(here, "pages.jsonl")
    errors = []
    seen = set()
    langs = Counter()
    themes = Counter()
    themes_by_lang = {lang: Counter() for lang in EXPECTED}
    words_total = Counter()
    untagged = 0
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            where = f"{path}:{n}"
            if not line.strip():
                errors.append(f"{where}: empty line")
                continue
            try:
                p = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: invalid JSON: {e}")
                continue
            if not isinstance(p, dict):
                errors.append(f"{where}: not an object")
                continue
            missing = {"id", "lang", "title", "blocks", "themes"} - p.keys()
            extra = p.keys() - KEYS
            if missing or extra:
                errors.append(f"{where}: missing {sorted(missing)} extra {sorted(extra)}")
                continue
            pid, lang = p["id"], p["lang"]
            where = f"{where} ({pid})"
            if pid in seen:
                errors.append(f"{where}: duplicate id")
            seen.add(pid)
            if lang not in EXPECTED:
                errors.append(f"{where}: unknown lang {lang!r}")
                continue
            if not re.fullmatch(rf"{lang}-\d\d", pid):
                errors.append(f"{where}: id must be '{lang}-NN'")
            if not isinstance(p["title"], str) or not p["title"].strip():
                errors.append(f"{where}: empty title")
            blocks = p["blocks"]
            if not isinstance(blocks, list) or not all(isinstance(b, str) and b.strip() for b in blocks):
                errors.append(f"{where}: blocks must be non-empty strings")
                continue
            if not 3 <= len(blocks) <= 10:
                errors.append(f"{where}: {len(blocks)} blocks, want 3-10")
            text = " ".join([p["title"]] + blocks)
            words = len(text.split())
            words_total[lang] += words
            if not 150 <= words <= 600:
                errors.append(f"{where}: {words} words, want 150-600")
            bad = FORBIDDEN.get(lang)
            if bad and bad.search(text):
                errors.append(f"{where}: letters foreign to {lang}: {sorted(set(bad.findall(text)))}")
            t = p["themes"]
            if not isinstance(t, list) or len(t) != len(set(t)) or len(t) > 5:
                errors.append(f"{where}: themes must be a list of 0-5 distinct ids")
                continue
            untagged += not t
            for th in t:
                if th not in THEMES:
                    errors.append(f"{where}: unknown theme {th!r}")
                themes[th] += 1
                themes_by_lang[lang][th] += 1
            if "note" in p and (not isinstance(p["note"], str) or not p["note"].strip()):
                errors.append(f"{where}: note must be a non-empty string")
            langs[lang] += 1
    if not partial:
        for lang, want in EXPECTED.items():
            if langs[lang] != want:
                errors.append(f"{path}: {langs[lang]} {lang} pages, want {want}")
    print(f"pages: {sum(langs.values())}")
    for lang in EXPECTED:
        print(f"  {lang}: {langs[lang]} pages, {words_total[lang]} words")
    print("themes (pages labelled; en/ru/be/uk):")
    for th in THEMES:
        per = "/".join(str(themes_by_lang[l][th]) for l in EXPECTED)
        print(f"  {th:28} {themes[th]:3}  {per}")
    print(f"  {'(no theme)':28} {untagged:3}")
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
