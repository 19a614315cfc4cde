#!/usr/bin/env bash
# Replays the floods of issue 17 (items 1, 2, 5 and 6) against the Release host on loopback, with bounded counts and
# times, and prints one row per flood: status codes counted, the host's RSS before and after, seconds taken.
#   1  idle TCP connections from one address and from several, past Connections:MaxConnections (set to 500 here; one
#      client holds at most a quarter), WebSockets on one token
#   2  5 conversations x 500 Direct Line posts of 250 KB; 600 posts each with a new 250 KB (and 256-character) from.id;
#      1,000 conversationUpdates with a 250 KB (and 256-character) member id
#   5  anonymous conversation starts from one address, then the page's token request; the same with made-up X-Forwarded-For
#   6  off-topic questions in one conversation and one per conversation (rows stored in feedback.db)
# Usage: benchmarks/security/floods.sh            SCALE=0.2 for a quicker run (counts x 0.2). Runs about 5 minutes.
#        ITEMS=1 benchmarks/security/floods.sh   only the floods of item 1 (about 15 s once the host is up)
# The host uses its defaults except the connection caps, the feedback folder and a model folder under a temporary directory
# (so the first start trains the model, about a minute).
source "$(dirname "$0")/../load/lib.sh"

PORT="${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
echo "building the Release host ..." >&2
(cd "$REPO" && dotnet build -c Release -v quiet -nologo src/FaqBot.Web >/dev/null)

# start_host raises the new-conversation budget for the load scripts; the floods need the default (60 a minute) back.
start_host floods "$FAQ_DLL" "$PORT" \
  DirectLine__MaxNewConversationsPerMinute=60 Connections__MaxConnections=500 Connections__MaxUpgradedConnections=200
for _ in $(seq 1 600); do
  curl -s "http://127.0.0.1:$PORT/healthz" | grep -q '"status":"\(ok\|degraded\)"' && break
  sleep 1
done
# The start-up probe of start_host opened a conversation; wait out that minute so item 5 starts from a full budget.
case " ${ITEMS:-5} " in *" 5 "*) sleep 61 ;; esac

echo "flooding http://127.0.0.1:$PORT (host pid $HOST_PID, RSS $(awk '/VmRSS/ {print int($2/1024)}' /proc/$HOST_PID/status) MiB) ..." >&2
python3 "$(dirname "$0")/floods.py" "http://127.0.0.1:$PORT" "$HOST_PID" "$WORK/floods-data/feedback.db"
kill -0 "$HOST_PID" && echo "host alive after the floods; errors in its log: $(grep -c 'fail:' "$WORK/floods.log" || true)"
