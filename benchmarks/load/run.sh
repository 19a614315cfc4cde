#!/usr/bin/env bash
# Throughput of FaqBot against an echo bot on the same host wiring (FaqBotCloudAdapter, Direct Line endpoint), in one run.
# Builds Release, then for each host in turn: start on a loopback port, warm up, drive /api/messages with wrk
# (expectReplies, questions from the classifier's evaluation sets, many conversations) and Direct Line with the
# FaqBot.Load driver, record turns/s, p50/p99, errors and peak RSS; writes the table into docs/performance.md.
# Usage: benchmarks/load/run.sh [SECONDS=30] [CONNECTIONS=16]
#   QUESTIONS=FILE  other questions (default benchmarks/load/questions.txt: the evaluation sets, declined ones included)
#   NO_DOC=1        print the table without writing it into docs/performance.md (experiments)
source "$(dirname "$0")/lib.sh"
LOAD_BEFORE="$(cut -d" " -f1-3 /proc/loadavg)"

SECONDS_PER_RUN="${1:-30}"
CONNECTIONS="${2:-16}"
QUESTIONS="${QUESTIONS:-$REPO/benchmarks/load/questions.txt}"
ECHO_DLL="$REPO/benchmarks/FaqBot.EchoHost/bin/Release/net10.0/FaqBot.EchoHost.dll"
FAQ_DLL="$REPO/src/FaqBot.Web/bin/Release/net10.0/FaqBot.Web.dll"
LOAD_DLL="$REPO/benchmarks/FaqBot.Load/bin/Release/net10.0/FaqBot.Load.dll"
OUT="$WORK/results.md"

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }
echo "building Release ..." >&2
build_release

declare -A R
measure() {
  local name="$1" dll="$2" port="$3"
  echo "== $name on 127.0.0.1:$port" >&2
  start_host "$name" "$dll" "$port" Bot__State__IdleTimeout=00:30:00
  local pid="$HOST_PID" url="http://127.0.0.1:$port"
  # Warm-up: JIT, tiered compilation, pools.
  wrk -t1 -c"$CONNECTIONS" -d5s -s "$REPO/benchmarks/load/messages.lua" "$url" -- "$QUESTIONS" 500 >/dev/null
  local m d
  m="$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$REPO/benchmarks/load/messages.lua" "$url" -- "$QUESTIONS" 500 | grep '^RESULT')"
  d="$(dotnet "$LOAD_DLL" --url "$url" --users "$CONNECTIONS" --seconds "$SECONDS_PER_RUN" --questions "$QUESTIONS" --turns-per-conversation 5 | grep '^RESULT')"
  R[$name.m]="$m"; R[$name.d]="$d"; R[$name.rss]="$(peak_rss_mib "$pid")"
  echo "   /api/messages: $m" >&2
  echo "   Direct Line:   $d" >&2
  echo "   peak RSS ${R[$name.rss]} MiB" >&2
  stop_host "$pid"
}

measure echo "$ECHO_DLL" 5101
measure faqbot "$FAQ_DLL" 5102

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f %%", (b > 0 ? 100 * a / b : 0) }'; }
row() {
  local label="$1" key="$2" errs="$3"
  local e="${R[echo.$key]}" f="${R[faqbot.$key]}"
  printf '| %s | %s | %s | **%s** | %s / %s | %s / %s | %s / %s |\n' "$label" \
    "$(field turns_per_s "$e")" "$(field turns_per_s "$f")" "$(ratio "$(field turns_per_s "$f")" "$(field turns_per_s "$e")")" \
    "$(field p50_ms "$e")" "$(field p50_ms "$f")" "$(field p99_ms "$e")" "$(field p99_ms "$f")" \
    "$errs" "$(field requests "$f")"
}
m_errs() { echo $(( $(field non_200 "$1") + $(field bad_replies "$1") + $(field socket_errors "$1") )); }
{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`benchmarks/load/run.sh $SECONDS_PER_RUN $CONNECTIONS\`: ${SECONDS_PER_RUN} s per endpoint per host, $CONNECTIONS concurrent connections/users,"
  echo "$(nproc) cores, load average before the run: $LOAD_BEFORE. Release build, logging at Warning, loopback only. Questions: $(basename "$QUESTIONS") ($(grep -c . "$QUESTIONS"))."
  echo
  echo "| endpoint | echo turns/s | FaqBot turns/s | FaqBot / echo | p50 ms echo / FaqBot | p99 ms echo / FaqBot | FaqBot errors / turns |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  row "POST /api/messages (expectReplies, wrk)" m "$(m_errs "${R[faqbot.m]}")"
  row "Direct Line post + get (FaqBot.Load)" d "$(field errors "${R[faqbot.d]}")"
  echo
  echo "Peak RSS (VmHWM, whole run): echo ${R[echo.rss]} MiB, FaqBot ${R[faqbot.rss]} MiB. Echo errors: /api/messages $(m_errs "${R[echo.m]}"), Direct Line $(field errors "${R[echo.d]}")."
  echo
  echo "Raw:"
  echo '```'
  for k in echo.m echo.d faqbot.m faqbot.d; do echo "$k ${R[$k]}"; done
  echo '```'
} >"$OUT"
cat "$OUT"

# Replace the block between the markers in docs/performance.md (the section's prose stays as written).
DOC="$REPO/docs/performance.md"
if [ -z "${NO_DOC:-}" ] && grep -q '<!-- host-throughput:begin -->' "$DOC"; then
  python3 - "$DOC" "$OUT" <<'PY'
import sys
doc, out = sys.argv[1], sys.argv[2]
text = open(doc, encoding="utf-8").read()
begin, end = "<!-- host-throughput:begin -->", "<!-- host-throughput:end -->"
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
open(doc, "w", encoding="utf-8").write(head + begin + "\n" + open(out, encoding="utf-8").read() + end + tail)
PY
  echo "updated $DOC" >&2
fi
