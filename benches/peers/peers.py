"""Runs extraction peers and pagesift on the article-extraction benchmark in one process
tree, one core, and prints F1/P/R (the benchmark's metric) and MB/s with ratios to pagesift.
Called by run.sh; see there."""
import argparse, gzip, json, os, re, subprocess, sys, tempfile, time
from collections import Counter

WORD = re.compile(r"\w+")


def shingles(text):
    toks = WORD.findall(text or "")
    if not toks:
        return Counter()
    if len(toks) < 4:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i:i + 4]) for i in range(len(toks) - 3))


def score(gold, pred):
    """Macro P/R over pages as the benchmark's README specifies; F1 from the means."""
    ps, rs = [], []
    for pid, g in gold.items():
        gs, ss = shingles(g), shingles(pred.get(pid, ""))
        keys = set(gs) | set(ss)
        tp = sum(min(gs[k], ss[k]) for k in keys)
        fp = sum(max(0, ss[k] - gs[k]) for k in keys)
        fn = sum(max(0, gs[k] - ss[k]) for k in keys)
        tot = tp + fp + fn
        if tot:
            tp, fp, fn = tp / tot, fp / tot, fn / tot
        p = 1.0 if fp == 0 and fn == 0 else (0.0 if tp == 0 and fp == 0 else tp / (tp + fp))
        r = 1.0 if fp == 0 and fn == 0 else (0.0 if tp == 0 and fn == 0 else tp / (tp + fn))
        if tp + fp > 0:
            ps.append(p)
        if tp + fn > 0:
            rs.append(r)
    P = sum(ps) / len(ps) if ps else 0.0
    R = sum(rs) / len(rs) if rs else 0.0
    return (2 * P * R / (P + R) if P + R else 0.0), P, R


def run_trafilatura(pages):
    import trafilatura
    return {k: trafilatura.extract(v, include_comments=False) or "" for k, v in pages.items()}


def run_resiliparse(pages):
    from resiliparse.extract.html2text import extract_plain_text
    return {k: extract_plain_text(v, main_content=True) or "" for k, v in pages.items()}


def run_readability(pages):
    from readability import Document
    import lxml.html
    out = {}
    for k, v in pages.items():
        try:
            out[k] = lxml.html.fromstring(Document(v).summary()).text_content()
        except Exception:
            out[k] = ""
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--pagesift", required=True)
    args = ap.parse_args()
    gold = {k: v["articleBody"] for k, v in json.load(open(os.path.join(args.data, "ground-truth.json"))).items()}
    raw = {}
    for pid in gold:
        with gzip.open(os.path.join(args.data, "html", pid + ".html.gz"), "rb") as f:
            raw[pid] = f.read()
    mb = sum(len(v) for v in raw.values()) / 1e6
    pages = {k: v.decode("utf-8", "replace") for k, v in raw.items()}
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for pid, body in raw.items():
            with open(os.path.join(tmp, pid + ".html"), "wb") as f:
                f.write(body)
        t = time.perf_counter()
        out = subprocess.run([args.pagesift, "extract", "--body-only", "--format", "jsonl", tmp], check=True,
                             capture_output=True).stdout
        secs = time.perf_counter() - t
        pred = {}
        for line in out.decode().splitlines():
            rec = json.loads(line)
            pred[os.path.basename(rec["source"])[:-5]] = rec["text"]
        results.append(("pagesift", secs, score(gold, pred)))
    for name, fn in [("trafilatura", run_trafilatura), ("resiliparse", run_resiliparse),
                     ("readability-lxml", run_readability)]:
        try:
            t = time.perf_counter()
            pred = fn(pages)
            results.append((name, time.perf_counter() - t, score(gold, pred)))
        except ImportError as e:
            print(f"{name}: not installed ({e})", file=sys.stderr)
    base = results[0][1]
    print(f"{len(gold)} pages, {mb:.1f} MB of HTML, one core")
    print(f"{'tool':<18} {'F1':>6} {'P':>6} {'R':>6} {'MB/s':>8} {'time vs pagesift':>17}")
    for name, secs, (f1, p, r) in results:
        print(f"{name:<18} {f1:6.3f} {p:6.3f} {r:6.3f} {mb / secs:8.1f} {secs / base:16.1f}x")


if __name__ == "__main__":
    main()
