-- wrk script for `POST /v1/posts`: every request is a new post (a unique id per thread and
-- counter), so the load measures the full path — decide, store durably, audit — and never the
-- idempotent replay of a post already stored. Texts rotate through a small mixed EN/FR set.
local texts = {
  "Lovely turnout at the farmers market this morning, thanks everyone who came!",
  "I will kill you if you show up at my door again.",
  "This commute is killing me, third delay this week.",
  "Je vais tuer ce match ce soir, vous allez voir !",
  "you are a worthless idiot and everyone here knows it",
  "Les juifs de France font partie de notre histoire commune.",
  "Quelqu'un devrait abattre ce juge avant le procès.",
  "What a great match, we destroyed them 4-0!",
}
local counter = 0
local thread_id = 0
local key = os.getenv("VIGIE_KEY") or ""

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

function init(args)
  counter = 0
  run = tostring(os.time())
end

function request()
  counter = counter + 1
  local text = texts[(counter % #texts) + 1]
  local body = string.format('{"id":"load-%s-%d-%d","author":"a%d","text":"%s"}',
    run, tid, counter, counter % 500, text)
  return wrk.format("POST", "/v1/posts", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. key,
  }, body)
end
