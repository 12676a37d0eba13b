#!/usr/bin/env python3
"""Validate the blind4 page set in pages.jsonl (next to this script); the checks are in
../check_pages.py.

Usage: python3 corpus/themes/blind4/check.py [--partial] [path]
  --partial  do not require the final per-language page counts
Exit status 0 when every check passes, 1 otherwise.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from check_pages import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], expected={"en": 16, "ru": 16, "be": 16, "uk": 8}, here=HERE))
