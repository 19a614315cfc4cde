-- wrk script: POST /api/messages with deliveryMode expectReplies, realistic questions, many conversations.
-- Usage: wrk -t2 -c16 -d30s -s benchmarks/load/messages.lua http://127.0.0.1:3978 -- QUESTIONS_FILE [CONVERSATIONS] [MODE]
--   QUESTIONS_FILE  one question per line (benchmarks/load/questions.txt, built from the classifier's evaluation sets)
--   CONVERSATIONS   conversation ids each thread cycles through (default 500)
--   MODE            (none): a random question of the file per request
--                   "fresh": every request opens a new conversation id (the soak uses it to prove idle state expires)
--                   "flow": each conversation asks a question, then "Tell me more", then rates it ("Helpful" or "Not
--                   helpful"), and starts again; questions are half common (16 of the file, repeated word for word),
--                   half unique (a question of the file with two words of other questions added), as FaqBot.Load's
--                   QuestionMix makes them (the scale-out script uses it)
-- Prints one line "RESULT key=value ..." for run.sh to parse.

local threads = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

local questions = {}
local conversations = 500
local fresh = false
local flow = false
local common = {}
local words = {}
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
  flow = args[3] == "flow"
  local step = math.max(1, math.floor(#questions / 16))
  for i = 1, #questions, step do
    if #common < 16 then table.insert(common, questions[i]) end
  end
  local seen = {}
  for _, q in ipairs(questions) do
    for word in q:gmatch("%S+") do
      if not seen[word] then seen[word] = true; table.insert(words, word) end
    end
  end
  prefix = string.format("load-%d-%d", os.time(), thread_id)
  math.randomseed(os.time() + thread_id)
end

local function mixed_question()
  if math.random(2) == 1 then return common[math.random(#common)] end
  return questions[math.random(#questions)] .. " " .. words[math.random(#words)] .. " " .. words[math.random(#words)]
end

-- In "flow" mode request n of a thread is step floor(n / CONVERSATIONS) % 3 of conversation n % CONVERSATIONS.
local function next_text()
  if not flow then return questions[math.random(#questions)] end
  local step = math.floor(counter / conversations) % 3
  if step == 0 then return mixed_question() elseif step == 1 then return "Tell me more" end
  if math.random(2) == 1 then return "Helpful" else return "Not helpful" end
end

function request()
  counter = counter + 1
  local conversation
  if fresh then conversation = prefix .. "-" .. counter else conversation = prefix .. "-" .. (counter % conversations) end
  local body = '{"type":"message","id":"' .. counter .. '","channelId":"directline","serviceUrl":"http://127.0.0.1:9/",'
    .. '"deliveryMode":"expectReplies","conversation":{"id":"' .. conversation .. '"},'
    .. '"from":{"id":"user-' .. conversation .. '","name":"Load","role":"user"},"recipient":{"id":"faqbot","name":"FaqBot","role":"bot"},'
    .. '"locale":"en-US","text":"' .. next_text() .. '"}'
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
