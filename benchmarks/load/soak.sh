#!/usr/bin/env bash
# Soak: FaqBot under steady load for MINUTES (default 10) on loopback. /api/messages gets a new conversation id on every
# request (wrk, "fresh"), so without idle expiry conversation state would grow without bound; Direct Line users run
# alongside. Every 10 s: RSS of the host and the conversation-state entry count it logs. Conversation state idles out
# after IDLE (default 60 s, shortened from 30 min so expiry shows within the run). Every sample also records the size of
# the feedback journal (rows acknowledged, waiting for their commit); the summary counts the feedback rows stored and
# the journals left after the host's clean shutdown (none expected). Writes a CSV and a summary.
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

echo "elapsed_s,rss_mib,state_entries,state_expired,journal_kib" >"$CSV"
journal_kib() { cat "$WORK"/faqbot-data/feedback.db.pending-* 2>/dev/null | wc -c | awk '{ printf "%.0f", $1 / 1024 }'; }
for (( t = 10; t <= SECONDS_TOTAL; t += 10 )); do
  sleep 10
  state="$(grep -o 'Conversation state: [0-9]* entries ([0-9]* expired' "$WORK/faqbot.log" | tail -1 || true)"
  entries="$(sed -n 's/Conversation state: \([0-9]*\) entries.*/\1/p' <<<"$state")"
  expired="$(sed -n 's/.*(\([0-9]*\) expired/\1/p' <<<"$state")"
  echo "$t,$(rss_mib "$PID"),${entries:-},${expired:-},$(journal_kib)" >>"$CSV"
done
wait "$WRK" || true
wait "$DL" || true

M="$(grep '^RESULT' "$WORK/wrk.out" || echo "RESULT (wrk failed: see $WORK/wrk.out)")"
D="$(grep '^RESULT' "$WORK/directline.out" || echo "RESULT (driver failed: see $WORK/directline.out)")"
PEAK="$(peak_rss_mib "$PID")"
stop_host "$PID"
JOURNALS_LEFT="$(find "$WORK/faqbot-data" -name 'feedback.db.pending-*' | wc -l)"
ROWS="$(command -v sqlite3 >/dev/null && sqlite3 "$WORK/faqbot-data/feedback.db" 'SELECT COUNT(*) FROM feedback;' || echo '(sqlite3 not installed)')"
{
  echo "Soak $(date -u '+%Y-%m-%d %H:%M UTC'): \`benchmarks/load/soak.sh $MINUTES $CONNECTIONS $IDLE\`, load average before: $LOAD_BEFORE"
  echo
  echo "- /api/messages (wrk, new conversation per request): $M"
  echo "- Direct Line (2 users, 5 turns per conversation): $D"
  echo "- peak RSS $PEAK MiB; RSS first/last sample: $(sed -n 2p "$CSV" | cut -d, -f2) / $(tail -1 "$CSV" | cut -d, -f2) MiB"
  echo "- conversation state entries, max over samples: $(tail -n +2 "$CSV" | cut -d, -f3 | sort -n | tail -1), last: $(tail -1 "$CSV" | cut -d, -f3)"
  echo "- feedback: $ROWS rows stored; journal size max over samples $(tail -n +2 "$CSV" | cut -d, -f5 | sort -n | tail -1) KiB; journals left after shutdown: $JOURNALS_LEFT"
  echo
  echo '```'
  cat "$CSV"
  echo '```'
} | tee "$WORK/soak.md"
echo "host log: $WORK/faqbot.log" >&2
