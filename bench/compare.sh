#!/usr/bin/env bash
# Times the release binary with hyperfine on 1 KB … 100 MB of news text, on
# pathological inputs, on a 5 KB draft (the pre-commit case) and on many
# files with -j1 and -j2, and prints the scaling table.
#
#   bash bench/compare.sh            # everything (a few minutes)
#   QUICK=1 bash bench/compare.sh    # stop at 10 MB
#
# Inputs are generated under a temp dir from ../shared/polnear/*.jsonl (the
# PolNeAR articles, concatenated and repeated); nothing is installed.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v hyperfine >/dev/null 2>&1; then
  echo "bench/compare.sh needs hyperfine: apt-get install -y hyperfine" >&2
  exit 2
fi
corpus=../shared/polnear
if [ ! -f "$corpus/train.jsonl" ]; then
  echo "bench/compare.sh needs the PolNeAR corpus at $corpus/train.jsonl" >&2
  exit 2
fi
cargo build --release --quiet
bin=$PWD/target/release/whosaid
tmp=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

max=100000000
[ -n "${QUICK:-}" ] && max=10000000
python3 - "$corpus" "$tmp" "$max" <<'PY'
import json, os, sys
corpus, tmp, top = sys.argv[1], sys.argv[2], int(sys.argv[3])
texts = []
for split in ("train.jsonl", "dev.jsonl"):
    with open(os.path.join(corpus, split), encoding="utf-8") as f:
        texts += [json.loads(l)["text"] for l in f if l.strip()]
os.makedirs(os.path.join(tmp, "files"))
for i, t in enumerate(texts):
    with open(os.path.join(tmp, "files", f"{i:04}.txt"), "w", encoding="utf-8") as f:
        f.write(t)
with open(os.path.join(tmp, "archive.jsonl"), "w", encoding="utf-8") as f:
    for i, t in enumerate(texts):
        f.write(json.dumps({"id": i, "text": t}) + "\n")
block = "\n\n".join(texts).encode()

def cut(data, n):
    """The first n bytes, ending on a character boundary."""
    data = data[:n]
    while data and (data[-1] & 0xC0) == 0x80:
        data = data[:-1]
    if data and data[-1] >= 0xC0:
        data = data[:-1]
    return data

def news(n):
    reps = n // len(block) + 1
    return cut(b"\n\n".join([block] * reps), n)

size = 1000
while size <= top:
    with open(os.path.join(tmp, f"news-{size}.txt"), "wb") as f:
        f.write(news(size))
    size *= 10
with open(os.path.join(tmp, "draft-5k.txt"), "wb") as f:
    f.write(news(5000))
with open(os.path.join(tmp, "single-line.txt"), "wb") as f:
    f.write(b" ".join(news(top).split()))
with open(os.path.join(tmp, "quotes.txt"), "wb") as f:
    f.write("\u201ca. ".encode() * 1_000_000)
PY

runs() {  # fewer runs for big inputs
  local bytes=$1
  if [ "$bytes" -ge 50000000 ]; then echo "--runs 3"
  elif [ "$bytes" -ge 5000000 ]; then echo "--runs 5"
  else echo "--warmup 5 --min-runs 20"; fi
}
mean() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['mean'])" "$1"; }

echo
echo "## Scaling: whosaid check --format json -j1 FILE (one core, whole process)"
echo
printf '| %-22s | %12s | %12s | %10s | %12s | %10s |\n' input bytes "mean time" "MB/s" "ns/byte" "peak RSS"
printf '|%s|%s|%s|%s|%s|%s|\n' ------------------------ -------------- -------------- ------------ -------------- ------------
for f in $(ls "$tmp"/news-*.txt | sort -V) "$tmp/single-line.txt" "$tmp/quotes.txt"; do
  bytes=$(stat -c %s "$f")
  # shellcheck disable=SC2046
  hyperfine -N -i $(runs "$bytes") --export-json "$tmp/h.json" \
    "$bin check --format json -j1 $f" >/dev/null 2>&1
  t=$(mean "$tmp/h.json")
  rss=$( (/usr/bin/time -f %M "$bin" check --format json -j1 "$f" 2>&1 >/dev/null || true) | tail -1)
  python3 -c "
import sys
name, b, t, rss = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
print('| %-22s | %12d | %10.2f ms | %10.1f | %12.1f | %7.1f MB |' % (name, b, t*1e3, b/t/1e6, t*1e9/b, rss/1e3))
" "$(basename "$f")" "$bytes" "$t" "$rss"
done

echo
echo "## Latency: whosaid check on a 5 KB draft (start-up and grammar compilation included)"
hyperfine -N -i --warmup 20 --runs 300 "$bin check $tmp/draft-5k.txt" 2>/dev/null | grep -E 'Time|Range'

echo
nfiles=$(ls "$tmp"/files | wc -l)
nbytes=$(cat "$tmp"/files/*.txt | wc -c)
echo "## Parallel: $nfiles PolNeAR articles ($nbytes bytes) as files, check --format json"
files=$(ls "$tmp"/files/*.txt | tr '\n' ' ')
hyperfine -N -i --warmup 2 --runs 10 --export-json "$tmp/p.json" \
  "$bin check --format json -j1 $files" \
  "$bin check --format json -j2 $files" >/dev/null 2>&1
python3 - "$tmp/p.json" "$nbytes" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
b = int(sys.argv[2])
for x, j in zip(r, (1, 2)):
    print(f"-j{j}: {x['mean']*1e3:8.1f} ms  {b/x['mean']/1e6:6.1f} MB/s")
print(f"speed-up -j2 over -j1: {r[0]['mean']/r[1]['mean']:.2f}x")
PY

echo
echo "## Archive mode: whosaid batch < archive.jsonl ($nfiles lines)"
abytes=$(stat -c %s "$tmp/archive.jsonl")
hyperfine -i --warmup 2 --runs 10 --export-json "$tmp/b.json" \
  "$bin batch -j1 < $tmp/archive.jsonl" "$bin batch -j2 < $tmp/archive.jsonl" >/dev/null 2>&1
python3 - "$tmp/b.json" "$abytes" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
b = int(sys.argv[2])
for x, j in zip(r, (1, 2)):
    print(f"batch -j{j}: {x['mean']*1e3:8.1f} ms  {b/x['mean']/1e6:6.1f} MB/s of JSON Lines")
PY
rss=$( (/usr/bin/time -f %M "$bin" batch -j2 <"$tmp/archive.jsonl" 2>&1 >/dev/null || true) | tail -1)
echo "batch -j2 peak RSS: $((rss / 1000)) MB"
