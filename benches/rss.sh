#!/usr/bin/env bash
# Peak memory on a large crawl: builds an uncompressed WARC of about SIZE_MB (default 2048)
# by repeating corpus/corpus.warc.gz, runs `pagesift run` over it and prints the peak RSS
# (from /usr/bin/time, or /proc when GNU time is absent). Memory must stay flat: the
# reader streams records and the runner holds at most a few batches.
#
#   bash benches/rss.sh [SIZE_MB]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size_mb="${1:-2048}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
src="$root/corpus/corpus.warc.gz"
[ -f "$src" ] || { echo "missing $src (python3 corpus/tools/build_warc.py)" >&2; exit 1; }
gzip -dc "$src" > "$tmp/one.warc"
one=$(stat -c %s "$tmp/one.warc")
copies=$(( size_mb * 1024 * 1024 / one + 1 ))
for _ in $(seq "$copies"); do cat "$tmp/one.warc"; done > "$tmp/big.warc"
rm "$tmp/one.warc"
echo "input: $(( $(stat -c %s "$tmp/big.warc") / 1024 / 1024 )) MiB uncompressed WARC ($copies copies)"
(cd "$root" && cargo build --release --quiet)
bin="$root/target/release/pagesift"
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "peak RSS: %M KiB, wall %e s" "$bin" run "$tmp/big.warc" --no-text -o /dev/null
else
  "$bin" run "$tmp/big.warc" --no-text -o /dev/null &
  pid=$!; peak=0
  while kill -0 "$pid" 2>/dev/null; do
    rss=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ "${rss:-0}" -gt "$peak" ] && peak=$rss
    sleep 0.5
  done
  wait "$pid"
  echo "peak RSS: $peak KiB"
fi
