#!/usr/bin/env python3
"""Agreement of two annotators on a page set: corpus/themes/<set>/second-annotator.jsonl
(`{"id", "themes", "note"}` a line, labelled from the page text alone by a second
annotator who saw neither the first labels nor the tagger) against the set's
pages.jsonl. Prints micro precision, recall and F1 of the second annotator's labels,
taking the first annotator's as gold, per language and overall: the ceiling a tagger
can be expected to reach on the set.

Usage: python3 corpus/themes/agreement.py SET   (e.g. blind3)
Exit status 0 when both files parse and name the same pages, 1 when they do not, 2 on
bad usage.
"""
import json
import os
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(argv):
    if len(argv) != 1:
        print("usage: agreement.py SET (a folder of corpus/themes with second-annotator.jsonl)",
              file=sys.stderr)
        return 2
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), argv[0])
    first_list = load(os.path.join(here, "pages.jsonl"))
    second_list = load(os.path.join(here, "second-annotator.jsonl"))
    for name, rows in (("pages.jsonl", first_list), ("second-annotator.jsonl", second_list)):
        ids = [p["id"] for p in rows]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            print(f"{name} names these pages twice: {twice}", file=sys.stderr)
            return 1
    first = {p["id"]: p for p in first_list}
    second = {p["id"]: set(p["themes"]) for p in second_list}
    if set(first) != set(second):
        print(f"the two files name different pages: {sorted(set(first) ^ set(second))}",
              file=sys.stderr)
        return 1
    langs = sorted({p["lang"] for p in first.values()})
    print(f"{argv[0]}: second annotator against the first (micro)")
    print(f"{'lang':<5} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6} | {'tp':>4} {'fp':>4} {'fn':>4}")
    for lang in langs + ["all"]:
        ids = [i for i, p in first.items() if lang == "all" or p["lang"] == lang]
        tp = fp = fn = 0
        for i in ids:
            gold, other = set(first[i]["themes"]), second[i]
            tp += len(gold & other)
            fp += len(other - gold)
            fn += len(gold - other)
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{lang:<5} {len(ids):>5} {p:6.3f} {r:6.3f} {f:6.3f} | {tp:>4} {fp:>4} {fn:>4}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
