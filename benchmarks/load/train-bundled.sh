#!/usr/bin/env bash
# `faqbot train` on a copy of the bundled article (data/articles; issue 14's budget: <= 10 s), three times each:
#   fresh                no model, so no stored vectors: every text embedded
#   one-sentence-edited  one sentence of a passage changed: the stored vectors serve the rest
#   unchanged            nothing changed: nothing embedded, the embedding model never loaded
# Usage: benchmarks/load/train-bundled.sh [RUNS=3]   (from any folder; one RESULT line per run: wall, CPU, peak RSS)
#   CLI=path/to/faqbot.dll  time another build (default: this checkout's Release build, built first)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$repo"
if [ -z "${CLI:-}" ]; then
  dotnet build src/FaqBot.Cli -c Release -v q -nologo >/dev/null
  CLI=src/FaqBot.Cli/bin/Release/net10.0/faqbot.dll
fi
work=$(mktemp -d /tmp/faqbot-train-bundled.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -r data/articles "$work/articles"
export Knowledge__ArticlesDirectory="$work/articles" Classifier__ModelDirectory="$work/model" Bot__DataDirectory="$work"

train() {
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" dotnet "$CLI" train >"$work/train.out" 2>"$work/train.err"
  read -r wall user sys kb <"$work/time"
  echo "RESULT train=$1 wall=${wall}s cpu=$(echo "$user + $sys" | bc)s peak_rss=$((kb / 1024))MiB load=$(cut -d' ' -f1 /proc/loadavg) | $(grep '^Trained in' "$work/train.out" | cut -d: -f1)"
}

for i in $(seq 1 "${1:-3}"); do
  rm -rf "$work/model"
  train fresh
  sed -i "s/to loosen debris[^.]*\./to loosen debris (edit $i)./" "$work/articles/how-to-deep-clean-pores.md"
  train one-sentence-edited
  train unchanged
done
