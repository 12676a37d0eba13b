#!/usr/bin/env bash
# Peer comparison for humans: trafilatura, resiliparse, readability-lxml and pagesift on the
# same pages in the same run, one core each; quality with the article-extraction benchmark's
# metric, speed as MB/s of HTML and as a ratio to pagesift.
#
#   bash benches/peers/run.sh            # needs ../shared/data/article-extraction-benchmark
#
# Installs the Python peers into benches/peers/.venv (PyPI only). Not part of CI.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="${PAGESIFT_SHARED_DATA:-$root/../shared/data}/article-extraction-benchmark"
if [ ! -d "$data" ]; then
  echo "skipping: $data is absent" >&2
  exit 0
fi
if [ ! -x "$here/.venv/bin/python" ]; then
  python3 -m venv "$here/.venv"
  "$here/.venv/bin/pip" install --quiet --upgrade pip
  "$here/.venv/bin/pip" install --quiet trafilatura resiliparse readability-lxml lxml_html_clean
fi
(cd "$root" && cargo build --release --quiet)
exec taskset -c 0 "$here/.venv/bin/python" "$here/peers.py" --data "$data" --pagesift "$root/target/release/pagesift" "$@"
