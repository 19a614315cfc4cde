#!/usr/bin/env bash
# Throughput of FaqBot against an echo bot on the same host wiring (FaqBotCloudAdapter, Direct Line endpoint), in one run.
# Builds Release and starts both hosts side by side on loopback ports, warms each up, then measures them in interleaved
# rounds (echo then FaqBot, FaqBot then echo, ...), so drift on a shared machine hits both alike: per round and endpoint,
# wrk drives /api/messages (expectReplies, questions from the classifier's evaluation sets, many conversations) and the
# FaqBot.Load driver drives Direct Line. Reports the median turns/s per host, the median of the per-round ratios,
# p50/p99, errors and peak RSS, and writes the table into docs/performance.md.
# Usage: benchmarks/load/run.sh [SECONDS=20] [CONNECTIONS=16] [ROUNDS=3]
#   WARMUP=SECONDS  load per host before measuring (default 30: FaqBot's tiered JIT is still recompiling ~400 methods/s
#                   for ~15 s after the first requests, which a 5 s warm-up leaves inside the measurement)
#   QUESTIONS=FILE  other questions (default benchmarks/load/questions.txt: the evaluation sets, declined ones included)
#   NO_DOC=1        print the table without writing it into docs/performance.md (experiments)
source "$(dirname "$0")/lib.sh"
LOAD_BEFORE="$(cut -d" " -f1-3 /proc/loadavg)"

SECONDS_PER_RUN="${1:-20}"
CONNECTIONS="${2:-16}"
ROUNDS="${3:-3}"
WARMUP="${WARMUP:-30}"
QUESTIONS="${QUESTIONS:-$REPO/benchmarks/load/questions.txt}"
OUT="$WORK/results.md"

require_wrk
echo "building Release ..." >&2
build_release

declare -A PORT PID R
PORT[echo]=5101; PORT[faqbot]=5102
start_host echo "$ECHO_DLL" "${PORT[echo]}" Bot__State__IdleTimeout=00:30:00; PID[echo]="$HOST_PID"
start_host faqbot "$FAQ_DLL" "${PORT[faqbot]}" Bot__State__IdleTimeout=00:30:00; PID[faqbot]="$HOST_PID"

drive_messages() { drive_messages_at "http://127.0.0.1:${PORT[$1]}" "$2" "$CONNECTIONS"; } # HOST SECONDS -> RESULT line
drive_directline() { # HOST SECONDS -> RESULT line
  dotnet "$LOAD_DLL" --url "http://127.0.0.1:${PORT[$1]}" --users "$CONNECTIONS" --seconds "$2" --questions "$QUESTIONS" --turns-per-conversation 5 | grep '^RESULT'
}

# Warm-up: JIT tiering, pools, caches; one host at a time, so each has the machine to itself.
for host in echo faqbot; do
  echo "== warming $host for ${WARMUP} s + 10 s" >&2
  drive_messages "$host" "$WARMUP" >/dev/null
  drive_directline "$host" 10 >/dev/null
done

for round in $(seq 1 "$ROUNDS"); do
  order="echo faqbot"; (( round % 2 == 0 )) && order="faqbot echo"
  for host in $order; do
    R[$host.m.$round]="$(drive_messages "$host" "$SECONDS_PER_RUN")"
    R[$host.d.$round]="$(drive_directline "$host" "$SECONDS_PER_RUN")"
    echo "   round $round $host /api/messages: ${R[$host.m.$round]}" >&2
    echo "   round $round $host Direct Line:   ${R[$host.d.$round]}" >&2
  done
done
R[echo.rss]="$(peak_rss_mib "${PID[echo]}")"; R[faqbot.rss]="$(peak_rss_mib "${PID[faqbot]}")"
stop_host "${PID[echo]}"; stop_host "${PID[faqbot]}"

values() { local host="$1" key="$2" name="$3" r; for r in $(seq 1 "$ROUNDS"); do printf '%s ' "$(field "$name" "${R[$host.$key.$r]}")"; done; }
ratios() { local key="$1" r; for r in $(seq 1 "$ROUNDS"); do
  percent_of "$(field turns_per_s "${R[faqbot.$key.$r]}")" "$(field turns_per_s "${R[echo.$key.$r]}")"; done; }
m_errs() { local host="$1" r n=0 line; for r in $(seq 1 "$ROUNDS"); do line="${R[$host.m.$r]}"
  n=$(( n + $(field non_200 "$line") + $(field bad_replies "$line") + $(field socket_errors "$line") )); done; echo "$n"; }
d_errs() { local host="$1" r n=0; for r in $(seq 1 "$ROUNDS"); do n=$(( n + $(field errors "${R[$host.d.$r]}") )); done; echo "$n"; }
turns() { local host="$1" key="$2" r n=0; for r in $(seq 1 "$ROUNDS"); do n=$(( n + $(field requests "${R[$host.$key.$r]}") )); done; echo "$n"; }
row() {
  local label="$1" key="$2" errs="$3"
  printf '| %s | %s | %s | **%s %%** (rounds: %s) | %s / %s | %s / %s | %s / %s |\n' "$label" \
    "$(values echo "$key" turns_per_s | median)" "$(values faqbot "$key" turns_per_s | median)" \
    "$(ratios "$key" | median)" "$(ratios "$key" | sed 's/ *$//; s/ / %, /g') %" \
    "$(values echo "$key" p50_ms | median)" "$(values faqbot "$key" p50_ms | median)" \
    "$(values echo "$key" p99_ms | median)" "$(values faqbot "$key" p99_ms | median)" \
    "$errs" "$(turns faqbot "$key")"
}
{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`benchmarks/load/run.sh $SECONDS_PER_RUN $CONNECTIONS $ROUNDS\`: both hosts warmed up (${WARMUP} s + 10 s each), then $ROUNDS interleaved rounds"
  echo "of ${SECONDS_PER_RUN} s per endpoint per host, $CONNECTIONS concurrent connections/users; medians over the rounds. $(nproc) cores, load average"
  echo "before the run: $LOAD_BEFORE. Release build, logging at Warning, loopback only. Questions: $(basename "$QUESTIONS") ($(grep -c . "$QUESTIONS"))."
  echo
  echo "| endpoint | echo turns/s | FaqBot turns/s | FaqBot / echo | p50 ms echo / FaqBot | p99 ms echo / FaqBot | FaqBot errors / turns |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  row "POST /api/messages (expectReplies, wrk)" m "$(m_errs faqbot)"
  row "Direct Line post + get (FaqBot.Load)" d "$(d_errs faqbot)"
  echo
  echo "Peak RSS (VmHWM, whole run): echo ${R[echo.rss]} MiB, FaqBot ${R[faqbot.rss]} MiB. Echo errors: /api/messages $(m_errs echo), Direct Line $(d_errs echo)."
  echo
  echo "Raw:"
  echo '```'
  for r in $(seq 1 "$ROUNDS"); do for k in echo.m echo.d faqbot.m faqbot.d; do echo "round $r $k ${R[$k.$r]}"; done; done
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
