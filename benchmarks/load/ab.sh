#!/usr/bin/env bash
# AB test on /api/messages: two host builds (or one build with two environments) started side by side, each warmed up
# alone, then measured in alternating rounds (A B, B A, ...) so drift on a shared machine hits both alike. Prints the
# median turns/s of each, the median of the per-round B/A ratios, every round's ratio and both peak RSS. For deciding
# whether a change is worth keeping; run.sh is the figure for docs/performance.md.
# Usage: benchmarks/load/ab.sh "A.dll [VAR=value ...]" "B.dll [VAR=value ...]" [ROUNDS=6] [SECONDS=10]
#   e.g. benchmarks/load/ab.sh /tmp/before/FaqBot.Web.dll src/FaqBot.Web/bin/Release/net10.0/FaqBot.Web.dll
#   WARMUP=SECONDS (default 30), QUESTIONS=FILE (default benchmarks/load/questions.txt)
source "$(dirname "$0")/lib.sh"
require_wrk
read -r -a A <<<"$1"; read -r -a B <<<"$2"
ROUNDS="${3:-6}"; SECONDS_PER_RUN="${4:-10}"; WARMUP="${WARMUP:-30}"
QUESTIONS="${QUESTIONS:-$REPO/benchmarks/load/questions.txt}"

start_host a "${A[0]}" 5201 Bot__State__IdleTimeout=00:30:00 "${A[@]:1}"; PID_A="$HOST_PID"
start_host b "${B[0]}" 5202 Bot__State__IdleTimeout=00:30:00 "${B[@]:1}"; PID_B="$HOST_PID"
drive() { drive_messages_at "http://127.0.0.1:$1" "$2" 16; } # PORT SECONDS -> RESULT line
for port in 5201 5202; do drive "$port" "$WARMUP" >/dev/null; done

a=(); b=()
for round in $(seq 1 "$ROUNDS"); do
  order="5201 5202"; (( round % 2 == 0 )) && order="5202 5201"
  for port in $order; do
    r="$(drive "$port" "$SECONDS_PER_RUN")"
    errors=$(( $(field non_200 "$r") + $(field bad_replies "$r") ))
    [ "$errors" != 0 ] && echo "errors on port $port: $r" >&2
    if [ "$port" = 5201 ]; then a+=("$(field turns_per_s "$r")"); else b+=("$(field turns_per_s "$r")"); fi
  done
done
echo "peak RSS: A $(peak_rss_mib "$PID_A") MiB, B $(peak_rss_mib "$PID_B") MiB"
stop_host "$PID_A"; stop_host "$PID_B"
ratios=""
for i in "${!a[@]}"; do ratios+="$(percent_of "${b[$i]}" "${a[$i]}")"; done
echo "A median $(echo "${a[*]}" | median) turns/s (rounds: ${a[*]})"
echo "B median $(echo "${b[*]}" | median) turns/s (rounds: ${b[*]})"
echo "B/A median $(echo "$ratios" | median) % (rounds: ${ratios% } %)"
