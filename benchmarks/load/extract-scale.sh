#!/usr/bin/env bash
# extract on 30, 100 and 300 pages of the bot-docs corpus (copies in a temporary folder): wall time and peak memory
# of the whole CLI process, three runs each. Usage: benchmarks/load/extract-scale.sh  (from the repository root)
set -euo pipefail
corpus="$(cd "$(dirname "$0")/../../.." && pwd)/shared/corpora/bot-docs/articles"
dotnet build src/FaqBot.Cli -c Release -v q -nologo >/dev/null
cli=src/FaqBot.Cli/bin/Release/net10.0/faqbot.dll
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for pages in 30 100 300; do
  dir="$work/$pages"; mkdir -p "$dir"
  (cd "$corpus" && find . -path '*/includes/*' -name '*.md' -print0 | xargs -0 -I{} cp --parents {} "$dir"
   find . -name '*.md' -not -path '*/includes/*' | LC_ALL=C sort | head -n "$pages" | xargs -I{} cp --parents {} "$dir")
  for run in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$work/time" dotnet "$cli" extract --articles "$dir" -o "$work/kb.json" 2>"$work/err" >/dev/null
    summary=$(grep '^extract:' "$work/err")
    read -r seconds kb < "$work/time"
    echo "pages=$pages run=$run wall=${seconds}s peak_rss=$((kb / 1024))MiB $summary"
  done
done
