#!/usr/bin/env bash
# The host's memory with the bundled article (issue 14's budget: RSS <= 400 MB), this checkout and optionally another
# commit in one run. Builds FaqBot.Web in Release (the other commit in a temporary git worktree), lets a first start of
# each train the bundled article's model into its own temporary folder, then starts each ROUNDS times on its stored
# model (Memory provider, loopback; alternating, one host at a time) and prints its RSS from /proc (VmRSS, VmHWM and the
# anonymous/file split): 5 s after /healthz says ready, after QUESTIONS questions through POST /api/messages
# (expectReplies, one at a time, ten per conversation; the distinct real questions of tests/EvalSets and
# benchmarks/load in a fixed shuffle, repeated once the list runs out), and 15 s later.
# Usage: benchmarks/load/memory.sh [BASE=none] [QUESTIONS=2000] [ROUNDS=2]   (prints lines; writes no file)
#   HOST_ENV="NAME=VALUE ..."  extra environment for every measured host (e.g. DOTNET_gcServer=0)
source "$(dirname "$0")/lib.sh"
BASE="${1:-none}"
QUESTION_COUNT="${2:-2000}"
ROUNDS="${3:-2}"
PORT=5211
BASE_URL="http://127.0.0.1:$PORT"

declare -A DLL=([head]="$FAQ_DLL")
(cd "$REPO" && dotnet build -c Release -v quiet -nologo src/FaqBot.Web >/dev/null)
if [ "$BASE" != none ]; then
  git -C "$REPO" worktree add -q --detach "$WORK/base" "$BASE"
  trap 'cleanup; git -C "$REPO" worktree remove --force "$WORK/base"; rm -rf "$WORK"' EXIT
  (cd "$WORK/base" && dotnet build -c Release -v quiet -nologo src/FaqBot.Web >/dev/null)
  DLL[base]="$WORK/base/src/FaqBot.Web/bin/Release/net10.0/FaqBot.Web.dll"
else
  trap 'cleanup; rm -rf "$WORK"' EXIT
fi

# ready_host: waits until /healthz answers 200 (a model serves).
ready_host() {
  for _ in $(seq 1 600); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/healthz")" = 200 ]; then return 0; fi
    sleep 0.5
  done
  echo "the host never became ready; see $WORK" >&2
  return 1
}

memory() {
  awk -v what="$1" '/^(VmRSS|VmHWM|RssAnon|RssFile):/ { v[$1] = sprintf("%.0f", $2 / 1024) }
    END { printf "%s rss_mib=%s hwm_mib=%s anon_mib=%s file_mib=%s\n", what, v["VmRSS:"], v["VmHWM:"], v["RssAnon:"], v["RssFile:"] }' \
    "/proc/$HOST_PID/status"
}

ask() {
  python3 - "$BASE_URL" "$QUESTION_COUNT" "$REPO" <<'PY'
import glob, json, random, sys, time, urllib.request
base, count, repo = sys.argv[1], int(sys.argv[2]), sys.argv[3]
questions = set()
for path in glob.glob(f"{repo}/tests/EvalSets/*/*/questions.tsv"):
    for line in open(path, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            questions.add(line.split("\t")[0].strip())
for path in [f"{repo}/benchmarks/load/questions.txt", f"{repo}/tests/EvalSets/far-off-questions.txt"]:
    questions.update(l.strip() for l in open(path, encoding="utf-8") if l.strip() and not l.startswith("#"))
questions = sorted(q for q in questions if q)
random.Random(14).shuffle(questions)
bad, started = 0, time.monotonic()
for n in range(count):
    conversation = f"memory-{n // 10}"
    body = {"type": "message", "id": str(n), "channelId": "directline", "serviceUrl": "http://127.0.0.1:9/",
            "deliveryMode": "expectReplies", "conversation": {"id": conversation},
            "from": {"id": "user-" + conversation, "role": "user"}, "recipient": {"id": "faqbot", "role": "bot"},
            "locale": "en-US", "text": questions[n % len(questions)]}
    request = urllib.request.Request(f"{base}/api/messages", json.dumps(body).encode(), {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            replies = json.load(response).get("activities", [])
            bad += not any(a.get("type") == "message" for a in replies)
    except Exception:
        bad += 1
print(f"questions={count} distinct={min(count, len(questions))} bad={bad} seconds={time.monotonic() - started:.1f}")
PY
}

for host in "${!DLL[@]}"; do
  echo "training the bundled article's model for $host (first start) ..." >&2
  start_host "$host-train" "${DLL[$host]}" "$PORT" Classifier__ModelDirectory="$WORK/$host-model"
  ready_host
  stop_host "$HOST_PID"
done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); head $(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet HEAD || echo ' + uncommitted changes'), base $BASE; host env: ${HOST_ENV:-(none)}"
for round in $(seq 1 "$ROUNDS"); do
  order="head base"; (( round % 2 == 0 )) && order="base head"
  for host in $order; do
    [ -n "${DLL[$host]:-}" ] || continue
    # shellcheck disable=SC2086 # HOST_ENV is a list of NAME=VALUE words.
    start_host "$host-$round" "${DLL[$host]}" "$PORT" Classifier__ModelDirectory="$WORK/$host-model" ${HOST_ENV:-}
    ready_host
    sleep 5
    memory "MEMORY round $round $host ready"
    echo "round $round $host $(ask)"
    memory "MEMORY round $round $host after $QUESTION_COUNT questions"
    sleep 15
    memory "MEMORY round $round $host 15 s later"
    stop_host "$HOST_PID"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
