#!/usr/bin/env bash
# Turn latency of one host at 32 conversations in flight (issue 16's budget: p99 <= 100 ms), this checkout against
# another commit, in one run. Builds both in Release (the other in a temporary git worktree), starts both hosts with the
# Memory provider on loopback, warms each, then drives them in interleaved rounds with wrk over /api/messages
# (expectReplies) in messages.lua's "flow" mode: a question (half common, half unique), "Tell me more", a rating.
# Ends with one conversation at a time on this checkout (a turn's own latency, without queueing).
# Usage: benchmarks/load/latency.sh [BASE=HEAD~1] [SECONDS=15] [ROUNDS=3]   (prints RESULT lines; writes no file)
#   WARMUP=SECONDS  load per host before measuring (default 30)
source "$(dirname "$0")/lib.sh"
BASE="${1:-HEAD~1}"
SECONDS_PER_RUN="${2:-15}"
ROUNDS="${3:-3}"
WARMUP="${WARMUP:-30}"
QUESTIONS="$REPO/benchmarks/load/questions.txt"
require_wrk

echo "building this checkout and $BASE in Release ..." >&2
build_release
git -C "$REPO" worktree add -q --detach "$WORK/base" "$BASE"
trap 'cleanup; git -C "$REPO" worktree remove --force "$WORK/base"' EXIT
(cd "$WORK/base" && dotnet build -c Release -v quiet -nologo src/FaqBot.Web >/dev/null)

declare -A PORT=([head]=5201 [base]=5202)
start_host head "$FAQ_DLL" "${PORT[head]}"
start_host base "$WORK/base/src/FaqBot.Web/bin/Release/net10.0/FaqBot.Web.dll" "${PORT[base]}" Classifier__ModelDirectory="$WORK/base-model"
drive() { wrk -t"$(( $2 < 2 ? 1 : 2 ))" -c"$2" -d"$3s" --latency -s "$REPO/benchmarks/load/messages.lua" "http://127.0.0.1:${PORT[$1]}" -- "$QUESTIONS" 500 flow | grep '^RESULT'; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); base $(git -C "$REPO" rev-parse --short "$BASE"), head $(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet HEAD || echo ' + uncommitted changes')"
for host in head base; do drive "$host" 32 "$WARMUP" >/dev/null; done
for round in $(seq 1 "$ROUNDS"); do
  order="head base"; (( round % 2 == 0 )) && order="base head"
  for host in $order; do echo "round $round $host 32 $(drive "$host" 32 "$SECONDS_PER_RUN")"; done
done
echo "one conversation at a time, head $(drive head 1 10)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
