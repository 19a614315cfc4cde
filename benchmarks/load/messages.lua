-- wrk script: POST /api/messages with deliveryMode expectReplies, realistic questions, many conversations.
-- Usage: wrk -t2 -c16 -d30s -s benchmarks/load/messages.lua http://127.0.0.1:3978 -- QUESTIONS_FILE [CONVERSATIONS] [NEW_CONVERSATIONS]
--   QUESTIONS_FILE     one question per line (benchmarks/load/questions.txt, built from the classifier's evaluation sets)
--   CONVERSATIONS      conversation ids each thread cycles through (default 500)
--   NEW_CONVERSATIONS  "fresh": every request opens a new conversation id (the soak uses it to prove idle state expires)
-- Prints one line "RESULT key=value ..." for run.sh to parse.

local threads = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

local questions = {}
local conversations = 500
local fresh = false
local counter = 0
bad_replies = 0  -- globals: done() reads them with thread:get
non_200 = 0
local prefix

local function json_escape(s)
  return (s:gsub('[%c"\\]', function(c)
    if c == '"' then return '\\"' elseif c == '\\' then return '\\\\' else return string.format('\\u%04x', c:byte()) end
  end))
end

function init(args)
  local path = args[1] or "benchmarks/load/questions.txt"
  for line in io.lines(path) do
    if #line > 0 then table.insert(questions, json_escape(line)) end
  end
  conversations = tonumber(args[2] or "500")
  fresh = args[3] == "fresh"
  prefix = string.format("load-%d-%d", os.time(), thread_id)
  math.randomseed(os.time() + thread_id)
end

function request()
  counter = counter + 1
  local conversation
  if fresh then conversation = prefix .. "-" .. counter else conversation = prefix .. "-" .. (counter % conversations) end
  local body = '{"type":"message","id":"' .. counter .. '","channelId":"directline","serviceUrl":"http://127.0.0.1:9/",'
    .. '"deliveryMode":"expectReplies","conversation":{"id":"' .. conversation .. '"},'
    .. '"from":{"id":"user-' .. conversation .. '","name":"Load","role":"user"},"recipient":{"id":"faqbot","name":"FaqBot","role":"bot"},'
    .. '"locale":"en-US","text":"' .. questions[math.random(#questions)] .. '"}'
  return wrk.format("POST", "/api/messages", { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status ~= 200 then
    non_200 = non_200 + 1
  elseif not body:find('"activities"', 1, true) or not body:find('"type":%s*"message"') then
    -- expectReplies must return the bot's replies in the body; a 200 without a message reply is an error too.
    bad_replies = bad_replies + 1
  end
end

function done(summary, latency, requests)
  local non200, bad = 0, 0
  for _, t in ipairs(threads) do
    non200 = non200 + t:get("non_200")
    bad = bad + t:get("bad_replies")
  end
  local seconds = summary.duration / 1e6
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f turns_per_s=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non_200=%d bad_replies=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, non200, bad, socket))
end
