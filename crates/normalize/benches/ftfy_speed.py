#!/usr/bin/env python3
"""ftfy's speed on the inputs of `examples/timing.rs`, for the ratio in the README.

Inputs: the ru, be, uk and en sentences of ../shared/data/lingua-testdata joined by "\\n"
("raw"), and the same lines damaged the way `timing --dirty` damages them ("dirty": two
spaces become no-break pairs, a soft hyphen after the fifth char, two spaces and a CR at the
end). Needs `pip install ftfy` (in a venv outside the repository).

    python3 crates/normalize/benches/ftfy_speed.py
"""
import os
import pathlib
import time

import ftfy

here = pathlib.Path(__file__).resolve().parent
data = pathlib.Path(os.environ.get("PAGESIFT_SHARED_DATA", here / "../../../../shared/data"))
text = "".join(
    (data / "lingua-testdata" / lang / "sentences.txt").read_text(encoding="utf-8")
    for lang in ["ru", "be", "uk", "en"]
)


def damage(line):
    s = line.replace(" ", "\u00a0\u00a0", 2) + "  \r"
    return s[:5] + "\u00ad" + s[5:] if len(s) > 5 else s


dirty = "\n".join(damage(l) for l in text.split("\n")[:-1])
for name, inp in [("raw", text), ("dirty", dirty)]:
    ftfy.fix_text(inp[:10000])  # warm up
    best = None
    for _ in range(3):
        t = time.process_time()
        ftfy.fix_text(inp)
        dt = time.process_time() - t
        best = dt if best is None else min(best, dt)
    print(f"ftfy {ftfy.__version__} fix_text {name:5}: {len(inp.encode()) / best / 1e6:.2f} MB/s ({len(inp.encode())} bytes, best of 3, CPU time)")
