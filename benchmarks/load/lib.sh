# Shared helpers for run.sh and soak.sh (sourced, not run). Loopback only.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${WORK:-$(mktemp -d /tmp/faqbot-load.XXXXXX)}"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

# The hosts and the Direct Line driver as build_release leaves them.
FAQ_DLL="$REPO/src/FaqBot.Web/bin/Release/net10.0/FaqBot.Web.dll"
ECHO_DLL="$REPO/benchmarks/FaqBot.EchoHost/bin/Release/net10.0/FaqBot.EchoHost.dll"
LOAD_DLL="$REPO/benchmarks/FaqBot.Load/bin/Release/net10.0/FaqBot.Load.dll"

require_wrk() {
  command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }
}

build_release() {
  (cd "$REPO" && dotnet build -c Release -v quiet -nologo src/FaqBot.Web >/dev/null \
    && dotnet build -c Release -v quiet -nologo benchmarks/FaqBot.EchoHost >/dev/null \
    && dotnet build -c Release -v quiet -nologo benchmarks/FaqBot.Load >/dev/null)
}

# start_host NAME DLL PORT [extra env assignments...]; sets HOST_PID. The content root is the repository root.
start_host() {
  local name="$1" dll="$2" port="$3"; shift 3
  mkdir -p "$WORK/$name-data"
  # env execs dotnet, so $! is the host's own pid (for kill and /proc sampling).
  (cd "$REPO" && exec env ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
      Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.AspNetCore=Warning \
      Bot__DataDirectory="$WORK/$name-data" Classifier__ModelDirectory="$WORK/model" Knowledge__Reload__Enabled=false \
      DirectLine__MaxNewConversationsPerMinute=100000 "$@" \
      dotnet "$dll" >"$WORK/$name.log" 2>&1) &
  HOST_PID=$!
  PIDS+=("$HOST_PID")
  for _ in $(seq 1 600); do
    if ! kill -0 "$HOST_PID" 2>/dev/null; then break; fi
    if curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/v3/directline/conversations" | grep -q '^20'; then
      return 0
    fi
    sleep 0.5
  done
  echo "$name did not start; see $WORK/$name.log" >&2
  tail -20 "$WORK/$name.log" >&2
  return 1
}

stop_host() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# Peak resident set size (VmHWM) of a process in MiB.
peak_rss_mib() { awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
rss_mib() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# drive_messages_at URL SECONDS CONNECTIONS: one wrk run of /api/messages over 500 conversations per thread -> RESULT line.
drive_messages_at() {
  wrk -t2 -c"$3" -d"$2s" --latency -s "$REPO/benchmarks/load/messages.lua" "$1" -- "$QUESTIONS" 500 | grep '^RESULT'
}

# percent_of PART WHOLE: PART as a whole percentage of WHOLE, followed by a space (0 when WHOLE is 0).
percent_of() { awk -v part="$1" -v whole="$2" 'BEGIN { printf "%.0f ", (whole > 0 ? 100 * part / whole : 0) }'; }

# median: the median of the numbers on standard input (space or newline separated).
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# field NAME LINE: the value of NAME=... in a RESULT line.
field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; }
