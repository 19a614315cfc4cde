#!/usr/bin/env bash
# Soak: FaqBot under steady load for MINUTES (default 10) on loopback. /api/messages gets a new conversation id on every
# request (wrk, "fresh"), so without idle expiry conversation state would grow without bound; Direct Line users run
# alongside. Every 10 s: RSS of the host and the conversation-state entry count it logs. Conversation state idles out
# after IDLE (default 60 s, shortened from 30 min so expiry shows within the run). The summary counts the feedback rows
# stored after the host's clean shutdown. Writes a CSV and a summary.
# Usage: benchmarks/load/soak.sh [MINUTES=10] [CONNECTIONS=4] [IDLE=00:01:00]
source "$(dirname "$0")/lib.sh"
LOAD_BEFORE="$(cut -d" " -f1-3 /proc/loadavg)"

MINUTES="${1:-10}"
CONNECTIONS="${2:-4}"
IDLE="${3:-00:01:00}"
SECONDS_TOTAL=$(( MINUTES * 60 ))
QUESTIONS="$REPO/benchmarks/load/questions.txt"
CSV="$WORK/soak.csv"

require_wrk
echo "building Release ..." >&2
build_release

start_host faqbot "$FAQ_DLL" 5103 Bot__State__IdleTimeout="$IDLE" Bot__State__MonitorInterval=00:00:10 \
  Logging__LogLevel__FaqBot.Bot.State=Information
PID="$HOST_PID"
URL="http://127.0.0.1:5103"
echo "soaking $URL (pid $PID) for $MINUTES min; work folder $WORK" >&2

wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_TOTAL}s" --latency -s "$REPO/benchmarks/load/messages.lua" "$URL" -- "$QUESTIONS" 0 fresh \
  >"$WORK/wrk.out" 2>&1 &
WRK=$!; PIDS+=("$WRK")
dotnet "$LOAD_DLL" --url "$URL" --users 2 --seconds "$SECONDS_TOTAL" --questions "$QUESTIONS" --turns-per-conversation 5 \
  >"$WORK/directline.out" 2>&1 &
DL=$!; PIDS+=("$DL")

echo "elapsed_s,rss_mib,state_entries" >"$CSV"
for (( t = 10; t <= SECONDS_TOTAL; t += 10 )); do
  sleep 10
  entries="$(grep -o 'Conversation state: [0-9]* entries' "$WORK/faqbot.log" | tail -1 | grep -o '[0-9]*' || true)"
  echo "$t,$(rss_mib "$PID"),${entries:-}" >>"$CSV"
done
wait "$WRK" || true
wait "$DL" || true

M="$(grep '^RESULT' "$WORK/wrk.out" || echo "RESULT (wrk failed: see $WORK/wrk.out)")"
D="$(grep '^RESULT' "$WORK/directline.out" || echo "RESULT (driver failed: see $WORK/directline.out)")"
PEAK="$(peak_rss_mib "$PID")"
stop_host "$PID"
ROWS="$(command -v sqlite3 >/dev/null && sqlite3 "$WORK/faqbot-data/feedback.db" 'SELECT COUNT(*) FROM feedback;' || echo '(sqlite3 not installed)')"
{
  echo "Soak $(date -u '+%Y-%m-%d %H:%M UTC'): \`benchmarks/load/soak.sh $MINUTES $CONNECTIONS $IDLE\`, load average before: $LOAD_BEFORE"
  echo
  echo "- /api/messages (wrk, new conversation per request): $M"
  echo "- Direct Line (2 users, 5 turns per conversation): $D"
  echo "- peak RSS $PEAK MiB; RSS first/last sample: $(sed -n 2p "$CSV" | cut -d, -f2) / $(tail -1 "$CSV" | cut -d, -f2) MiB"
  echo "- conversation state entries, max over samples: $(tail -n +2 "$CSV" | cut -d, -f3 | sort -n | tail -1), last: $(tail -1 "$CSV" | cut -d, -f3)"
  echo "- feedback: $ROWS rows stored"
  echo
  echo '```'
  cat "$CSV"
  echo '```'
} | tee "$WORK/soak.md"
echo "host log: $WORK/faqbot.log" >&2
