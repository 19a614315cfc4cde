#!/usr/bin/env bash
# Scale-out proof on one machine, loopback only: PostgreSQL in a temporary folder, 3 replicas of the Release host with
# Storage:Provider=Postgres, haproxy in front. Then:
#   1. turns/s and latency for 1, 2 and 3 replicas (haproxy frontends over 1, 2 and 3 of the same replicas), for the
#      first replica without the proxy, and for a host with the default Memory provider, in interleaved rounds of wrk over /api/messages: 32
#      connections, conversations that ask (half common, half unique questions), say "Tell me more" and rate;
#   2. the kill: 32 concurrent conversations (FaqBot.Load conversations) through the 3-replica frontend, one replica
#      killed -9 mid-run; checks that every "Tell me more" expands that conversation's answer (also when the killed
#      replica gave the answer and a survivor the expansion) and that every feedback row the bot acknowledged is stored;
#      alongside, 8 Direct Line conversations through the same frontend (the page's token, conversation start, posts,
#      polling) whose "Tell me more" and whole history are checked the same way, and the bot's Web Chat page in headless
#      chromium (FaqBot.Load webchat) whose stream sits on the killed replica: a question before the kill, "Tell me more"
#      and another question after it, each reply seen on the page;
#   3. memory per 10,000 idle conversations: a fresh one-replica Memory host, RSS before and after each 10,000 opened.
# Writes the figures into docs/performance.md and the kill into docs/reliability.md (between their scale-out markers).
# Usage: benchmarks/scale-out/run.sh [SECONDS=20] [ROUNDS=3] [KILL_SECONDS=40]
#   WARMUP=SECONDS  load through the 3-replica frontend before measuring (default 30), and on the Memory host
#   NO_DOC=1        print the report without writing it into docs/
#   PROVIDER=Memory the control: replicas keep state in their own memory, so the kill run's checks must fail (exit 1)
# Needs wrk, haproxy, postgresql-15 and chromium (installed with apt when missing and run as root). Runs about 10 minutes.
source "$(dirname "$0")/../load/lib.sh"
LOAD_BEFORE="$(cut -d" " -f1-3 /proc/loadavg)"

SECONDS_PER_RUN="${1:-20}"
ROUNDS="${2:-3}"
KILL_SECONDS="${3:-40}"
WARMUP="${WARMUP:-30}"
CONNECTIONS=32
QUESTIONS="$REPO/benchmarks/load/questions.txt"
OUT="$WORK/scale-out.md"
KILL_OUT="$WORK/kill.md"

install_missing() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v haproxy >/dev/null || missing+=(haproxy)
  dpkg -s postgresql-15 >/dev/null 2>&1 || missing+=(postgresql-15)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ "${#missing[@]}" -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || { echo "missing: ${missing[*]} (apt-get install -y ${missing[*]})" >&2; exit 2; }
  echo "installing ${missing[*]} ..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# PostgreSQL 15 in $WORK/pg on 127.0.0.1 only (as the postgres user under root: PostgreSQL refuses to run as root).
PG_BIN="$(dirname "$(dpkg -L postgresql-15 2>/dev/null | grep '/bin/pg_ctl$' | head -1)")"
PG_DATA="$WORK/pg/data"
pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
start_postgres() {
  mkdir -p "$WORK/pg"
  if [ "$(id -u)" -eq 0 ]; then chmod o+x "$WORK"; chown postgres:postgres "$WORK/pg"; fi
  pg "$PG_BIN/initdb" -D "$PG_DATA" -U faqbot -A trust -E UTF8 --no-instructions >"$WORK/pg-initdb.log"
  # Defaults otherwise (fsync on, synchronous_commit on): a commit here is a commit a deployment would pay for.
  pg "$PG_BIN/pg_ctl" start -w -D "$PG_DATA" -l "$WORK/pg/server.log" \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories=$WORK/pg -c max_connections=400" >/dev/null
  "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U faqbot -d postgres -qc 'CREATE DATABASE faqbot;'
}
stop_postgres() { [ -d "$PG_DATA" ] && pg "$PG_BIN/pg_ctl" stop -w -D "$PG_DATA" -m fast >/dev/null 2>&1 || true; }
sql() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U faqbot -d faqbot -AtF $'\t' -c "$1"; }
trap 'cleanup; stop_postgres' EXIT

install_missing
PG_BIN="$(dirname "$(dpkg -L postgresql-15 | grep '/bin/pg_ctl$' | head -1)")"
echo "building Release ..." >&2
build_release

PG_PORT="$(free_port)"
start_postgres
CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=faqbot;Database=faqbot"
echo "PostgreSQL 15 on 127.0.0.1:$PG_PORT, data in $PG_DATA" >&2

declare -A PORT PID R
start_replica() { # NAME: a replica (Storage:Provider=Postgres unless PROVIDER says otherwise) on a free port
  PORT[$1]="$(free_port)"
  # All load comes from 127.0.0.1 through haproxy: lift the page's per-client token budget as start_host lifts Direct Line's.
  start_host "$1" "$FAQ_DLL" "${PORT[$1]}" Storage__Provider="${PROVIDER:-Postgres}" ConnectionStrings__FaqBot="$CONNECTION" \
    WebChat__MaxTokensPerMinute=100000
  PID[$1]="$HOST_PID"
}
# r1 trains the model into the shared model folder; r2 and r3 load it (each would train the same one from the same articles).
start_replica r1; start_replica r2; start_replica r3
# A replica serves Direct Line before its model is loaded (/healthz says "starting" until then): wait for every model,
# so the measurements start with three replicas in haproxy's rotation and the hashes can be compared.
HASHES=""
for r in r1 r2 r3; do
  for _ in $(seq 1 600); do
    hash="$(curl -s "http://127.0.0.1:${PORT[$r]}/healthz" | python3 -c 'import json, sys; print(json.load(sys.stdin)["knowledgeBaseHash"] or "")' 2>/dev/null || true)"
    [ -n "$hash" ] && break
    sleep 1
  done
  hash="${hash:-none}"
  HASHES+="$r ${hash:0:12}  "
done
echo "replicas: r1 :${PORT[r1]} (pid ${PID[r1]}), r2 :${PORT[r2]} (pid ${PID[r2]}), r3 :${PORT[r3]} (pid ${PID[r3]}); /healthz knowledge base: $HASHES" >&2

# haproxy: one frontend per replica count over the same replicas; /healthz checks every second, a dead replica's
# connection refusals are retried on another (redispatch), and X-Served-By names the replica that answered.
declare -A LB
LB[1]="$(free_port)"; LB[2]="$(free_port)"; LB[3]="$(free_port)"; LB[stats]="$(free_port)"
{
  cat <<EOF
global
  maxconn 4096
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  # Web Chat's WebSocket stream is quiet while nobody types; without this the client/server timeouts would cut it at 30 s.
  timeout tunnel 1h
  retries 3
  option redispatch 1
  option httpchk GET /healthz
  default-server check inter 1s fall 2 rise 2
EOF
  printf 'listen stats\n  bind 127.0.0.1:%s\n  stats enable\n  stats uri /stats\n' "${LB[stats]}"
  for n in 1 2 3; do
    printf 'frontend f%s\n  bind 127.0.0.1:%s\n  default_backend b%s\nbackend b%s\n  balance roundrobin\n  http-response set-header X-Served-By %%[srv_name]\n' "$n" "${LB[$n]}" "$n" "$n"
    for r in $(seq 1 "$n"); do printf '  server r%s 127.0.0.1:%s\n' "$r" "${PORT[r$r]}"; done
  done
} >"$WORK/haproxy.cfg"
haproxy -c -f "$WORK/haproxy.cfg" >/dev/null
haproxy -db -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:${LB[3]}/healthz" && break; sleep 0.2; done
echo "haproxy: 1 replica :${LB[1]}, 2 replicas :${LB[2]}, 3 replicas :${LB[3]}" >&2

PORT[memory]="$(free_port)"
start_host memory "$FAQ_DLL" "${PORT[memory]}"; PID[memory]="$HOST_PID"

URL1="http://127.0.0.1:${LB[1]}"; URL2="http://127.0.0.1:${LB[2]}"; URL3="http://127.0.0.1:${LB[3]}"; URLM="http://127.0.0.1:${PORT[memory]}"
drive() { # URL SECONDS -> RESULT line; 32 connections, 500 conversations per wrk thread, question / Tell me more / rating
  wrk -t2 -c"$CONNECTIONS" -d"$2s" --timeout 10s --latency -s "$REPO/benchmarks/load/messages.lua" "$1" -- "$QUESTIONS" 500 flow | grep '^RESULT'
}

echo "== warming: 3 replicas ${WARMUP} s, Memory host ${WARMUP} s" >&2
drive "$URL3" "$WARMUP" >/dev/null
drive "$URLM" "$WARMUP" >/dev/null

declare -A TARGET=([1]="$URL1" [2]="$URL2" [3]="$URL3" [m]="$URLM" [p]="http://127.0.0.1:${PORT[r1]}")
for round in $(seq 1 "$ROUNDS"); do
  order="m p 1 2 3"; (( round % 2 == 0 )) && order="3 2 1 p m"
  for k in $order; do
    R[$k.$round]="$(drive "${TARGET[$k]}" "$SECONDS_PER_RUN")"
    echo "   round $round $k: ${R[$k.$round]}" >&2
  done
done

values() { local k="$1" name="$2" r; for r in $(seq 1 "$ROUNDS"); do printf '%s ' "$(field "$name" "${R[$k.$r]}")"; done; }
errs() { local k="$1" r n=0 line; for r in $(seq 1 "$ROUNDS"); do line="${R[$k.$r]}"
  n=$(( n + $(field non_200 "$line") + $(field bad_replies "$line") + $(field socket_errors "$line") )); done; echo "$n"; }
turns() { local k="$1" r n=0; for r in $(seq 1 "$ROUNDS"); do n=$(( n + $(field requests "${R[$k.$r]}") )); done; echo "$n"; }
row() {
  local label="$1" k="$2"
  printf '| %s | **%s** (%s) | %s | %s | %s / %s |\n' "$label" \
    "$(values "$k" turns_per_s | median)" "$(values "$k" turns_per_s | sed 's/ *$//; s/ /, /g')" \
    "$(values "$k" p50_ms | median)" "$(values "$k" p99_ms | median)" "$(errs "$k")" "$(turns "$k")"
}

# The kill: 32 checked conversations over /api/messages and 8 over Direct Line (each user reads an answer for 1-3 s
# before "Tell me more", so conversations are open across the kill) plus wrk's 32 connections of load, all through the
# 3-replica frontend; r2 killed -9 half-way. First the browser opens Web Chat (its stream on r2) and asks its question;
# it goes on once r2 is dead.
KILL_AFTER=$(( KILL_SECONDS / 2 ))
DL_USERS=8
echo "== Web Chat in chromium through the 3-replica frontend, stream on r2, first question before the kill" >&2
dotnet "$LOAD_DLL" webchat --url "$URL3" --stream-on r2 --ready-file "$WORK/webchat.ready" --after-pid "${PID[r2]}" \
  --screenshot "$WORK/webchat.png" >"$WORK/webchat.out" 2>"$WORK/webchat.err" &
BROWSER=$!; PIDS+=("$BROWSER")
for _ in $(seq 1 360); do [ -e "$WORK/webchat.ready" ] || ! kill -0 "$BROWSER" 2>/dev/null && break; sleep 0.5; done
echo "== kill run: ${KILL_SECONDS} s, 32 checked conversations + $DL_USERS Direct Line + wrk, kill -9 r2 (pid ${PID[r2]}) after ${KILL_AFTER} s" >&2
KILL_LOAD="$(cut -d" " -f1-3 /proc/loadavg)"
drive "$URL3" "$KILL_SECONDS" >"$WORK/kill-wrk.out" &
WRK=$!; PIDS+=("$WRK")
dotnet "$LOAD_DLL" conversations --url "$URL3" --questions "$QUESTIONS" --users "$CONNECTIONS" --seconds "$KILL_SECONDS" --read-seconds 2 \
  --kill-pid "${PID[r2]}" --kill-after "$KILL_AFTER" --kill-server r2 --acknowledged "$WORK/acknowledged.tsv" \
  --directline-users "$DL_USERS" >"$WORK/kill.out"
wait "$WRK" || true
BROWSER_STATUS=0; wait "$BROWSER" || BROWSER_STATUS=$?
cat "$WORK/kill.out" "$WORK/webchat.out" >&2
K="$(grep '^RESULT' "$WORK/kill.out")"
D="$(grep '^DIRECTLINE' "$WORK/kill.out" || echo 'DIRECTLINE none=1')"
W="$(grep '^WEBCHAT' "$WORK/webchat.out" || echo 'WEBCHAT ok=0')"
KW="$(cat "$WORK/kill-wrk.out")"
R2_STATUS=0; wait "${PID[r2]}" 2>/dev/null || R2_STATUS=$?
[ "$R2_STATUS" -eq 137 ] || { echo "r2 did not die of SIGKILL (status $R2_STATUS): the kill did not happen" >&2; exit 1; }
# (With PROVIDER=Memory there are no tables: the rows are in each replica's SQLite file, and all count as lost here.)
{ sql "SELECT conversation, kind, question FROM feedback WHERE conversation LIKE 'check-%';" 2>/dev/null || true; } | sort >"$WORK/stored.tsv"
sort "$WORK/acknowledged.tsv" >"$WORK/acknowledged.sorted.tsv"
ACKED="$(wc -l <"$WORK/acknowledged.sorted.tsv")"
STORED="$(wc -l <"$WORK/stored.tsv")"
# Multiset difference of sorted lines: acknowledged but not stored is a lost row.
LOST_ROWS="$(comm -23 "$WORK/acknowledged.sorted.tsv" "$WORK/stored.tsv" | wc -l)"
UNACKED_STORED="$(comm -13 "$WORK/acknowledged.sorted.tsv" "$WORK/stored.tsv" | wc -l)"
# haproxy's own view of the 3-replica backend after the run (status, checks, connection errors, redispatches per replica).
HAPROXY_STATE="$(curl -s "http://127.0.0.1:${LB[stats]}/stats;csv" | awk -F, '$1 == "b3" && $2 ~ /^r/ { printf "haproxy b3 %s: %s, 2xx %s, 5xx %s, connection errors %s, response errors %s, retries %s, redispatches %s\n", $2, $18, $41, $44, $14, $15, $16, $17 }')"
STATE_ROWS="$(sql "SELECT count(*) FROM bot_state;" 2>/dev/null || echo 0)"
STATE_BYTES="$(sql "SELECT pg_total_relation_size('bot_state');" 2>/dev/null || echo 0)"
stop_host "${PID[r1]}"; stop_host "${PID[r3]}"; stop_host "${PID[memory]}"

# Memory per 10,000 idle conversations: a fresh Memory host, warmed with 2,000 conversations, then 3 steps of 10,000.
echo "== idle conversations on a fresh Memory host" >&2
PORT[idle]="$(free_port)"
start_host idle "$FAQ_DLL" "${PORT[idle]}" Bot__State__MonitorInterval=00:00:05 Logging__LogLevel__FaqBot.Bot.State=Information
PID[idle]="$HOST_PID"
URLI="http://127.0.0.1:${PORT[idle]}"
dotnet "$LOAD_DLL" idle --url "$URLI" --questions "$QUESTIONS" --conversations 2000 --prefix warm >/dev/null
sleep 5
RSS=("$(rss_mib "${PID[idle]}")")
IDLE_ERRORS=0
for step in 1 2 3; do
  line="$(dotnet "$LOAD_DLL" idle --url "$URLI" --questions "$QUESTIONS" --conversations 10000 --prefix "idle$step")"
  IDLE_ERRORS=$(( IDLE_ERRORS + $(field errors "$line") ))
  sleep 5 # let the last responses and any background compaction settle before sampling
  RSS+=("$(rss_mib "${PID[idle]}")")
done
ENTRIES="$(grep -o 'Conversation state: [0-9]* entries' "$WORK/idle.log" | tail -1 || true)"
stop_host "${PID[idle]}"
DELTAS="$(( RSS[1] - RSS[0] )) $(( RSS[2] - RSS[1] )) $(( RSS[3] - RSS[2] ))"

{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`benchmarks/scale-out/run.sh $SECONDS_PER_RUN $ROUNDS $KILL_SECONDS\`: $(nproc) cores shared by everything"
  echo "below (PostgreSQL, haproxy, the replicas, wrk) and by other users of the machine; load average before the run:"
  echo "$LOAD_BEFORE. Warm-up ${WARMUP} s through the 3-replica frontend and ${WARMUP} s on the Memory host, then $ROUNDS interleaved"
  echo "rounds of ${SECONDS_PER_RUN} s each; medians (each round's figure in brackets). wrk, $CONNECTIONS connections (32 conversations in flight),"
  echo "\`messages.lua ... flow\`: question (half common, half unique) / \"Tell me more\" / rating. Release build, logging at Warning."
  echo
  echo "| setup | turns/s | p50 ms | p99 ms | errors / turns |"
  echo "|---|---:|---:|---:|---:|"
  row "1 replica, Memory provider, no proxy" m
  row "1 replica, PostgreSQL, no proxy" p
  row "1 replica, PostgreSQL, haproxy" 1
  row "2 replicas, PostgreSQL, haproxy" 2
  row "3 replicas, PostgreSQL, haproxy" 3
  echo
  echo "Memory per 10,000 idle conversations (fresh Memory host, one question each, RSS after each 10,000; warmed with 2,000):"
  echo "RSS ${RSS[0]} → ${RSS[1]} → ${RSS[2]} → ${RSS[3]} MiB, so **$(echo "$DELTAS" | median) MiB** per 10,000 (steps: ${DELTAS// / MiB, } MiB); $IDLE_ERRORS errors;"
  echo "${ENTRIES:-no state entry count logged yet}. In PostgreSQL after the run: $STATE_ROWS \`bot_state\` rows in $(( STATE_BYTES / 1024 / 1024 )) MiB (table and index)."
  echo
  echo "Raw:"
  echo '```'
  for r in $(seq 1 "$ROUNDS"); do for k in m p 1 2 3; do echo "round $r $k ${R[$k.$r]}"; done; done
  echo '```'
} >"$OUT"
{
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') by \`benchmarks/scale-out/run.sh $SECONDS_PER_RUN $ROUNDS $KILL_SECONDS\` (load average at the kill run: $KILL_LOAD):"
  echo "3 replicas on ${PROVIDER:-PostgreSQL} behind haproxy, 32 concurrent conversations over /api/messages and $DL_USERS over Direct Line for ${KILL_SECONDS} s,"
  echo "a Web Chat page in headless chromium, replica r2 killed -9 after ${KILL_AFTER} s."
  echo "/healthz knowledge base hash per replica: $HASHES"
  echo
  echo '```'
  cat "$WORK/kill.out" "$WORK/webchat.out"
  echo "wrk alongside (32 connections, same frontend): $KW"
  echo "r2 exit status: $R2_STATUS (128 + 9, SIGKILL)"
  echo "feedback acknowledged to users: $ACKED; stored in PostgreSQL for those conversations: $STORED;"
  echo "acknowledged but not stored (lost): $LOST_ROWS; stored but never acknowledged (the reply died with r2, or the run ended first): $UNACKED_STORED"
  echo "$HAPROXY_STATE"
  echo '```'
} >"$KILL_OUT"
cat "$OUT" "$KILL_OUT"

replace_block() { # DOC NAME FILE: the text between <!-- NAME:begin --> and <!-- NAME:end --> becomes FILE's
  python3 - "$@" <<'PY'
import sys
doc, name, out = sys.argv[1:4]
text = open(doc, encoding="utf-8").read()
begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
open(doc, "w", encoding="utf-8").write(head + begin + "\n" + open(out, encoding="utf-8").read() + end + tail)
PY
}
if [ -z "${NO_DOC:-}" ]; then
  grep -q '<!-- scale-out:begin -->' "$REPO/docs/performance.md" && replace_block "$REPO/docs/performance.md" scale-out "$OUT"
  grep -q '<!-- scale-out-kill:begin -->' "$REPO/docs/reliability.md" && replace_block "$REPO/docs/reliability.md" scale-out-kill "$KILL_OUT"
  echo "updated docs/performance.md and docs/reliability.md" >&2
fi
# Direct Line: every check and history kept, no failed request before the kill, and turns answered after it.
dl() { local v; v="$(field "$1" "$D")"; echo "${v:-0}"; }
DL_OK=0
[ "$(dl checks)" -gt 0 ] && [ "$(dl lost)" -eq 0 ] && [ "$(dl wrong)" -eq 0 ] && [ "$(dl errors_before_kill)" -eq 0 ] \
  && [ "$(dl history_kept)" -eq "$(dl history_checks)" ] && [ "$(dl ok_after_kill)" -gt 0 ] && DL_OK=1
echo "checks: /api/messages lost=$(field lost "$K") wrong=$(field wrong "$K"), feedback rows lost=$LOST_ROWS; Direct Line ok=$DL_OK; Web Chat in chromium ok=$(field ok "$W") (exit $BROWSER_STATUS)" >&2
[ "$LOST_ROWS" -eq 0 ] && [ "$(field lost "$K")" -eq 0 ] && [ "$(field wrong "$K")" -eq 0 ] && [ "$DL_OK" -eq 1 ] && [ "$(field ok "$W")" = 1 ]
