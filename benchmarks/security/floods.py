#!/usr/bin/env python3
"""Replays the floods of issue 17 (items 1, 2, 5, 6) against a FaqBot host on loopback, with bounded counts.

Usage: floods.py BASE_URL HOST_PID FEEDBACK_DB   (run by floods.sh, which starts the Release host)
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
    before, started = rss_mib(), time.monotonic()
    statuses = run()
    seconds = time.monotonic() - started
    after = rss_mib()
    codes = ", ".join(f"{code}: {count:,}" for code, count in sorted(statuses.items(), key=lambda kv: str(kv[0])))
    ROWS.append((item, what, codes, f"{before:,.0f}", f"{after:,.0f}", f"{seconds:,.1f}"))
    print(f"  {item}: {what}: {codes}; RSS {before:,.0f} -> {after:,.0f} MiB; {seconds:,.1f} s", file=sys.stderr, flush=True)


def idle_connections(count):
    """Item 1: COUNT idle TCP connections, then a request and /healthz on fresh connections while they stay open."""
    statuses = collections.Counter()
    sockets = []
    for _ in range(count):
        try:
            sockets.append(socket.create_connection((URL.hostname, URL.port), timeout=5))
        except OSError as error:
            statuses[type(error).__name__] += 1
    statuses["open"] = len(sockets)
    conn = connection()
    status, _ = request(conn, "POST", "/v3/directline/conversations", {})
    statuses[f"request while open {status}"] += 1
    conn.close()
    conn = connection()
    status, _ = request(conn, "GET", "/healthz")
    statuses[f"/healthz while open {status}"] += 1
    conn.close()
    for s in sockets:
        s.close()
    return statuses


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
    flood("1", "510 idle TCP connections (Connections:MaxConnections=500, +32 kept for /healthz)", lambda: idle_connections(510))
    flood("1", f"{n(3000):,} idle TCP connections (Kestrel closes those past 532)", lambda: idle_connections(n(3000)))
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
