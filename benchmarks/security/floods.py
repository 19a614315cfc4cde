#!/usr/bin/env python3
"""Replays the floods of issue 17 (items 1, 2, 5, 6) against a FaqBot host on loopback, with bounded counts.

Usage: floods.py BASE_URL HOST_PID FEEDBACK_DB   (run by floods.sh, which starts the Release host)
ITEMS (default "1 2 5 6") picks the items replayed.
Prints one Markdown table row per flood: what was sent, the status codes counted, RSS before and after, and the time.
Counts of items 2 and 6 scale with SCALE (default 1 = the issue's counts: 5 x 500 posts of 250 KB, 600 new 250 KB user
ids, 1,000 conversationUpdates with a 250 KB member id).
"""
import collections
import http.client
import json
import os
import socket
import sqlite3
import sys
import time
import urllib.parse
import uuid

BASE, PID, FEEDBACK_DB = sys.argv[1], int(sys.argv[2]), sys.argv[3]
URL = urllib.parse.urlparse(BASE)
SCALE = float(os.environ.get("SCALE", "1"))
ITEMS = set(os.environ.get("ITEMS", "1 2 5 6").split())
BIG = 250 * 1024
ROWS = []


def n(count):
    return max(1, int(count * SCALE))


def rss_mib():
    with open(f"/proc/{PID}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def connection():
    return http.client.HTTPConnection(URL.hostname, URL.port, timeout=60)


def request(conn, method, path, body=None, token=None, headers=None):
    head = {"Content-Type": "application/json"}
    if token:
        head["Authorization"] = "Bearer " + token
    head.update(headers or {})
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    try:
        conn.request(method, path, body=data, headers=head)
        response = conn.getresponse()
        payload = response.read()
        return response.status, payload
    except (ConnectionError, http.client.HTTPException, socket.timeout) as error:
        conn.close()
        return type(error).__name__, b""


def start_conversation(conn, headers=None):
    status, payload = request(conn, "POST", "/v3/directline/conversations", {}, headers=headers)
    if status not in (200, 201):
        raise SystemExit(f"could not start a Direct Line conversation: {status} {payload[:200]!r}")
    session = json.loads(payload)
    return session["conversationId"], session["token"]


def emulator(conversation, text="hello", user="user-1", activity_type="message", **extra):
    activity = {
        "type": activity_type, "id": uuid.uuid4().hex, "channelId": "emulator",
        "serviceUrl": "http://127.0.0.1:1/", "deliveryMode": "expectReplies",
        "conversation": {"id": conversation}, "from": {"id": user, "name": "User"},
        "recipient": {"id": "bot-1", "name": "Bot"},
    }
    if activity_type == "message":
        activity["text"] = text
    activity.update(extra)
    return activity


def flood(item, what, run):
    if item not in ITEMS:
        return
    before, started = rss_mib(), time.monotonic()
    statuses = run()
    seconds = time.monotonic() - started
    after = rss_mib()
    codes = ", ".join(f"{code}: {count:,}" for code, count in sorted(statuses.items(), key=lambda kv: str(kv[0])))
    ROWS.append((item, what, codes, f"{before:,.0f}", f"{after:,.0f}", f"{seconds:,.1f}"))
    print(f"  {item}: {what}: {codes}; RSS {before:,.0f} -> {after:,.0f} MiB; {seconds:,.1f} s", file=sys.stderr, flush=True)


def connection_from(source):
    """A connection opened from SOURCE (any 127.x.y.z: Linux routes all of 127.0.0.0/8 to loopback, so one machine is many clients)."""
    return http.client.HTTPConnection(URL.hostname, URL.port, timeout=10, source_address=(source, 0))


def open_idle(count, sources):
    """COUNT idle TCP connections, spread round-robin over the SOURCES addresses; those the host closed at once are dropped."""
    statuses, sockets = collections.Counter(), []
    for i in range(count):
        try:
            sockets.append(socket.create_connection((URL.hostname, URL.port), timeout=5, source_address=(sources[i % len(sources)], 0)))
        except OSError as error:
            statuses[type(error).__name__] += 1
    time.sleep(1)  # lets the host accept (or close) every one before they are counted
    held = [s for s in sockets if still_open(s)]
    for s in sockets:
        if s not in held:
            s.close()
    statuses["held"] = len(held)
    statuses["closed at once"] = len(sockets) - len(held)
    return statuses, held


def probe(statuses, label, source, method, path):
    conn = connection_from(source)
    status, _ = request(conn, method, path, {} if method == "POST" else None)
    statuses[f"{label} {status}"] += 1
    conn.close()


def idle_connections(count):
    """Item 1: COUNT idle TCP connections from one address, then /healthz from another address and from the same one,
    and a request from the flooding address, each on a fresh connection while the idle ones stay open."""
    statuses, held = open_idle(count, ["127.0.0.1"])
    probe(statuses, "/healthz from 127.0.0.2", "127.0.0.2", "GET", "/healthz")
    probe(statuses, "/healthz from the flooder", "127.0.0.1", "GET", "/healthz")
    probe(statuses, "request from the flooder", "127.0.0.1", "POST", "/v3/directline/conversations")
    for s in held:
        s.close()
    return statuses


def idle_from_many_addresses():
    """Item 1: the cap filled by 5 addresses x 100 idle connections, then 32 idle ones from a sixth (Kestrel's headroom):
    /healthz from a seventh address at once, and again after the over-limit connections' 5 s to send a request."""
    statuses, held = open_idle(500, [f"127.0.1.{i}" for i in range(1, 6)])
    more, extra = open_idle(32, ["127.0.1.6"])
    statuses["over the cap held"] = more["held"]
    probe(statuses, "/healthz at once", "127.0.1.9", "GET", "/healthz")
    time.sleep(6)
    probe(statuses, "/healthz after 6 s", "127.0.1.9", "GET", "/healthz")
    statuses["over the cap still open after 6 s"] = sum(1 for s in extra if still_open(s))
    for s in held + extra:
        s.close()
    return statuses


def still_open(s):
    """True while the host keeps S open: nothing to read yet (readable with no data means closed or reset)."""
    s.setblocking(False)
    try:
        s.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT)
        return False
    except BlockingIOError:
        return True
    except OSError:
        return False


def websockets_on_one_token(count):
    """Item 1: COUNT WebSocket upgrades on one conversation's stream URL; all held open until the end."""
    statuses = collections.Counter()
    conversation, token = start_conversation(connection())
    held = []
    for _ in range(count):
        s = socket.create_connection((URL.hostname, URL.port), timeout=10)
        key = "dGhlIHNhbXBsZSBub25jZQ=="
        s.sendall((f"GET /v3/directline/conversations/{conversation}/stream?t={urllib.parse.quote(token)} HTTP/1.1\r\n"
                   f"Host: {URL.netloc}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        try:
            line = s.recv(64).split(b"\r\n", 1)[0].decode(errors="replace")
            statuses[line.split(" ")[1] if " " in line else line] += 1
        except OSError as error:
            statuses[type(error).__name__] += 1
        held.append(s)
    for s in held:
        s.close()
    return statuses


def big_posts(conversations, posts):
    """Item 2: CONVERSATIONS Direct Line conversations, each POSTS messages of 250 KB."""
    statuses = collections.Counter()
    conn = connection()
    text = "q" * (BIG - 1024)
    for _ in range(conversations):
        conversation, token = start_conversation(conn)
        for _ in range(posts):
            activity = {"type": "message", "text": text, "from": {"id": "user-1", "name": "You"}, "channelData": {"clientActivityID": uuid.uuid4().hex}}
            status, _ = request(conn, "POST", f"/v3/directline/conversations/{conversation}/activities", activity, token)
            statuses[status] += 1
    return statuses


def new_big_user_ids(posts, length):
    """Item 2: POSTS Direct Line messages, each from a new user id of LENGTH characters."""
    statuses = collections.Counter()
    conn = connection()
    conversation, token = start_conversation(conn)
    for i in range(posts):
        user = (f"{i:08d}" + "u" * length)[:length]
        activity = {"type": "message", "text": "hello", "from": {"id": user, "name": "You"}}
        status, _ = request(conn, "POST", f"/v3/directline/conversations/{conversation}/activities", activity, token)
        statuses[status] += 1
    return statuses


def big_member_updates(updates, length):
    """Item 2: UPDATES conversationUpdates on /api/messages, each adding a member whose id is LENGTH characters."""
    statuses = collections.Counter()
    conn = connection()
    for i in range(updates):
        member = (f"{i:08d}" + "m" * length)[:length]
        activity = emulator("flood-" + uuid.uuid4().hex, activity_type="conversationUpdate", membersAdded=[{"id": member, "name": "Member"}])
        status, _ = request(conn, "POST", "/api/messages", activity)
        statuses[status] += 1
    return statuses


def conversation_starts(count, forwarded_for=None):
    """Item 5: COUNT anonymous conversation starts from this address, then the page's token request and its start."""
    statuses = collections.Counter()
    conn = connection()
    for i in range(count):
        headers = {"X-Forwarded-For": f"198.51.100.{i % 250 + 1}"} if forwarded_for else None
        status, _ = request(conn, "POST", "/v3/directline/conversations", {}, headers=headers)
        statuses[f"start {status}"] += 1
    status, payload = request(conn, "POST", "/api/directline/token", b"")
    statuses[f"page token {status}"] += 1
    if status == 200:
        status, _ = request(conn, "POST", "/v3/directline/conversations", {}, token=json.loads(payload)["token"])
        statuses[f"page start {status}"] += 1
    return statuses


def feedback_rows():
    if not os.path.exists(FEEDBACK_DB):
        return 0
    with sqlite3.connect(f"file:{FEEDBACK_DB}?mode=ro", uri=True) as db:
        return db.execute("select count(*) from feedback").fetchone()[0]


def feedback_flood(conversations, questions):
    """Item 6: CONVERSATIONS x QUESTIONS off-topic questions (each declined and offered to the store) on /api/messages."""
    statuses = collections.Counter()
    conn = connection()
    rows_before = feedback_rows()
    for c in range(conversations):
        conversation = "feedback-" + uuid.uuid4().hex
        for q in range(questions):
            status, _ = request(conn, "POST", "/api/messages", emulator(conversation, f"what is the airspeed velocity of swallow number {c}-{q}?"))
            statuses[status] += 1
    statuses["rows stored"] = feedback_rows() - rows_before
    return statuses


def main():
    flood("1", "510 idle TCP connections from one address (Connections:MaxConnections=500, MaxConnectionsPerClient 125)", lambda: idle_connections(510))
    flood("1", f"{n(3000):,} idle TCP connections from one address", lambda: idle_connections(n(3000)))
    flood("1", "500 idle from 5 addresses, then 32 from a sixth (past the cap; Kestrel closes new ones past 532)", idle_from_many_addresses)
    flood("1", "50 WebSockets on one token (Connections:MaxStreamsPerConversation=4)", lambda: websockets_on_one_token(50))
    flood("2", f"5 conversations x {n(500):,} Direct Line posts of 250 KB", lambda: big_posts(5, n(500)))
    flood("2", f"{n(600):,} Direct Line posts, each a new 250 KB from.id", lambda: new_big_user_ids(n(600), BIG))
    flood("2", f"{n(600):,} Direct Line posts, each a new 256-character from.id", lambda: new_big_user_ids(n(600), 256))
    flood("2", f"{n(1000):,} conversationUpdates with a 250 KB member id", lambda: big_member_updates(n(1000), BIG))
    flood("2", f"{n(1000):,} conversationUpdates with a 256-character member id", lambda: big_member_updates(n(1000), 256))
    # Not scaled: the budget is 60 a minute per client, and the flood must go past it.
    flood("5", "100 anonymous conversation starts from one address, then the page", lambda: conversation_starts(100))
    flood("5", "100 more with a made-up X-Forwarded-For each (no known proxy)", lambda: conversation_starts(100, forwarded_for=True))
    flood("6", f"1 conversation x {n(300):,} off-topic questions", lambda: feedback_flood(1, n(300)))
    flood("6", f"{n(300):,} conversations x 1 off-topic question", lambda: feedback_flood(n(300), 1))

    print("| item | flood | status codes | RSS before (MiB) | RSS after (MiB) | seconds |")
    print("|---|---|---|---|---|---|")
    for row in ROWS:
        print("| " + " | ".join(row) + " |")
    size = os.path.getsize(FEEDBACK_DB) / 1024 if os.path.exists(FEEDBACK_DB) else 0
    print(f"\nfeedback.db: {feedback_rows():,} rows, {size:,.0f} KiB")


if __name__ == "__main__":
    main()
