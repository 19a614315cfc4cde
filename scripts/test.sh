#!/usr/bin/env bash
# Runs every FaqBot test on a fresh machine: installs what the tests need, then `dotnet test`.
# Needs the .NET 10 SDK and npm; installs Debian's chromium for the browser test and postgresql-15 for the storage tests
# (as root, or with sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

# The Web Chat browser test drives Debian's chromium (Playwright's own browser download cannot work offline); the
# PostgreSQL tests start their own server from postgresql-15's binaries (tests/Shared/PostgresServer.cs).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s postgresql-15 >/dev/null 2>&1 || missing+=(postgresql-15)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "test.sh: installing ${missing[*]} for the tests" >&2
  if [ "$(id -u)" -eq 0 ]; then apt_get=(apt-get); else apt_get=(sudo apt-get); fi
  "${apt_get[@]}" update -qq
  DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq "${missing[@]}" >/dev/null
fi

results="${TEST_RESULTS_DIR:-$PWD/TestResults}"
rm -rf "$results"
mkdir -p "$results"
# The browser test saves its Web Chat screenshot here, beside the .trx files.
export TEST_RESULTS_DIR="$results"

# The Web Chat bundle (npm botframework-webchat) is fetched by FaqBot.Web's build when it is missing.
status=0
dotnet test FaqBot.sln -c Release --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@" || status=$?

# One closing line over all test projects, so a run that executed nothing is visible.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
# CI shows only the end of the log, so the failures are repeated here with their messages.
if [ "$failed" -gt 0 ]; then
  echo "Failed tests:"
  for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    awk '
      function decode(s) { gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s); gsub(/&apos;/, "\047", s); gsub(/&#xD;|&#xA;/, "", s); gsub(/&amp;/, "\\&", s); return s }
      /<UnitTestResult / && /outcome="Failed"/ { match($0, /testName="[^"]*"/); print "  " decode(substr($0, RSTART + 10, RLENGTH - 11)); inside = 1; next }
      inside && /<\/UnitTestResult>/ { inside = 0; field = ""; next }
      inside && /<Message>/ { field = "message"; shown = 0 }
      inside && /<StackTrace>/ { field = "stack"; shown = 0 }
      inside && field != "" && shown < (field == "message" ? 12 : 6) { line = $0; sub(/^[ \t]*<(Message|StackTrace)>/, "", line); sub(/<\/(Message|StackTrace)>.*/, "", line); print "      " decode(line); shown++ }
      inside && /<\/(Message|StackTrace)>/ { field = "" }
    ' "$trx"
  done
fi
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "test.sh: no test ran" >&2
  exit 1
fi
exit "$status"
