#!/usr/bin/env bash
# Measures question round trips through the built-in Direct Line endpoint of a running host (loopback only).
# Usage: scripts/directline-load.sh [BASE_URL] [CONVERSATIONS] [QUESTIONS_PER_CONVERSATION]
#   e.g. dotnet run -c Release --project src/FaqBot.Web &  then  scripts/directline-load.sh http://localhost:3978 8 25
# Each conversation runs in its own process; questions within one are sequential (as a user types them).
# Prints p50/p95/max of curl's time_total per POST /activities (the bot's whole turn runs inside that request).
set -euo pipefail
base="${1:-http://localhost:3978}"
conversations="${2:-8}"
questions="${3:-25}"
case "$base" in
  http://localhost*|http://127.*|http://\[::1\]*) ;;
  *) echo "directline-load.sh: only loopback addresses are allowed (got $base)" >&2; exit 2 ;;
esac

questions_pool=(
  "How often should I deep clean my pores?"
  "Is steaming good for my pores?"
  "can pore strips clean pores"
  "what are sebaceous filaments"
  "should I wash my face with hot water"
  "which ingredients help unclog pores"
  "when should I see a dermatologist"
)

one_conversation() {
  local token conversation i q
  token=$(curl -sf -X POST "$base/api/directline/token" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
  conversation=$(curl -sf -X POST -H "Authorization: Bearer $token" "$base/v3/directline/conversations" | sed -n 's/.*"conversationId":"\([^"]*\)".*/\1/p')
  for ((i = 0; i < questions; i++)); do
    q="${questions_pool[$((i % ${#questions_pool[@]}))]}"
    curl -sf -o /dev/null -w "%{time_total}\n" -X POST -H "Authorization: Bearer $token" -H "Content-Type: application/json" \
      -d "{\"type\":\"message\",\"text\":\"$q\",\"from\":{\"id\":\"load-user\"}}" \
      "$base/v3/directline/conversations/$conversation/activities"
  done
}
samples=$(mktemp)
trap 'rm -f "$samples"' EXIT
start=$(date +%s.%N)
for ((c = 0; c < conversations; c++)); do
  one_conversation >>"$samples" &
done
wait
end=$(date +%s.%N)

sort -n "$samples" | awk -v total="$(echo "$end - $start" | bc)" '
  { v[NR] = $1 }
  END {
    if (NR == 0) { print "no samples"; exit 1 }
    p50 = v[int((NR - 1) * 0.50) + 1]; p95 = v[int((NR - 1) * 0.95) + 1]
    printf "%d questions in %.1f s (%.0f/s): p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", NR, total, NR / total, p50 * 1000, p95 * 1000, v[NR] * 1000
  }'
