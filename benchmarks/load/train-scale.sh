#!/usr/bin/env bash
# Training and reload on the 300-page bot-docs corpus (issue 15), on a copy in a temporary folder:
#   train   fresh (no model), again with nothing changed, and after editing one page: wall, CPU and peak RSS of the CLI
#   host    start to first answer with a current model and with none (trains), and a one-page edit served by hot reload
# Usage: benchmarks/load/train-scale.sh [train|host|all]   (from the repository root; default all)
# Prints one "RESULT ..." line per measurement. CPU seconds (user + sys) hardly depend on what else runs; wall does.
set -euo pipefail
what="${1:-all}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
corpus="$(cd "$repo/.." && pwd)/shared/corpora/bot-docs/articles"
[ -d "$corpus" ] || corpus="$repo/../../shared/corpora/bot-docs/articles"
cd "$repo"
dotnet build src/FaqBot.Cli -c Release -v q -nologo >/dev/null
dotnet build src/FaqBot.Web -c Release -v q -nologo >/dev/null
cli=src/FaqBot.Cli/bin/Release/net10.0/faqbot.dll
web=src/FaqBot.Web/bin/Release/net10.0/FaqBot.Web.dll
work=$(mktemp -d /tmp/faqbot-train-scale.XXXXXX)
host_pid=""
cleanup() { [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
cp -r "$corpus" "$work/articles"
page="$work/articles/bot-service-manage-overview.md"
edit=0
edit_page() {  # one sentence of one page changes (a different one each time)
  edit=$((edit + 1))
  sed -i "s/high level information about your bot[^.]*\./high level information about your bot (edit $edit)./" "$page"
}
export Knowledge__ArticlesDirectory="$work/articles" Classifier__ModelDirectory="$work/model" Bot__DataDirectory="$work"

train() {  # train LABEL
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" dotnet "$cli" train >"$work/train.out" 2>"$work/train.err"
  read -r wall user sys kb <"$work/time"
  echo "RESULT train=$1 wall=${wall}s cpu=$(echo "$user + $sys" | bc)s peak_rss=$((kb / 1024))MiB load=$(cut -d' ' -f1 /proc/loadavg) | $(grep '^Trained in' "$work/train.out")"
}

now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc | xargs printf '%.1f'; }
ask() {  # one turn through /api/messages with expectReplies; prints the reply body
  curl -s -m 30 -X POST "http://127.0.0.1:3999/api/messages" -H 'Content-Type: application/json' -d '{"type":"message","id":"1",
    "channelId":"directline","serviceUrl":"http://127.0.0.1:9/","deliveryMode":"expectReplies","conversation":{"id":"bench"},
    "from":{"id":"user-bench","role":"user"},"recipient":{"id":"faqbot","role":"bot"},"locale":"en-US",
    "text":"how do I manage my bot in the Azure portal"}' || true
}
hash_now() { curl -s -m 5 http://127.0.0.1:3999/healthz | sed -n 's/.*"knowledgeBaseHash": *"\([0-9a-f]*\)".*/\1/p' || true; }
cpu_now() { awk '{printf "%.1f", ($14 + $15) / 100}' "/proc/$host_pid/stat"; }  # the host's user + sys seconds

host() {  # host LABEL: start, time to the first answer (not the "starting up" reply)
  local start; start=$(now)
  (exec env ASPNETCORE_URLS=http://127.0.0.1:3999 Logging__LogLevel__Default=Information dotnet "$web" >"$work/host-$1.log" 2>&1) &
  host_pid=$!
  local reply
  while reply=$(ask); ! grep -q '"text": *"[^"]' <<<"$reply" || grep -q 'just starting up' <<<"$reply"; do
    kill -0 "$host_pid" 2>/dev/null || { tail "$work/host-$1.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "RESULT host=$1 first_answer=$(since "$start")s host_cpu=$(cpu_now)s load=$(cut -d' ' -f1 /proc/loadavg)"
}

reload() {  # in the running host: save one page, time until /healthz shows the new knowledge base
  local before start cpu hash; before=$(hash_now); start=$(now); cpu=$(cpu_now)
  edit_page
  while hash=$(hash_now); [ -z "$hash" ] || [ "$hash" = "$before" ]; do sleep 0.1; done
  echo "RESULT reload=one-page served_after=$(since "$start")s host_cpu=$(echo "$(cpu_now) - $cpu" | bc)s load=$(cut -d' ' -f1 /proc/loadavg)"
}

stop() { kill "$host_pid"; wait "$host_pid" 2>/dev/null || true; host_pid=""; }

if [ "$what" = train ] || [ "$what" = all ]; then
  train fresh
  train unchanged
  edit_page
  train one-page-edit
fi
if [ "$what" = host ] || [ "$what" = all ]; then
  [ -f "$work/model/answer-model.json" ] || dotnet "$cli" train >/dev/null 2>&1
  host current
  reload
  reload
  stop
  rm -rf "$work/model"
  host first-run
  stop
fi
