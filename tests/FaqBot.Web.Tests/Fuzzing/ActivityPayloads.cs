using System.Text;
using System.Text.Json.Nodes;

namespace FaqBot.Web.Tests.Fuzzing;

/// <summary>
/// Hostile bodies for <c>POST /api/messages</c> and Direct Line's post-activity: random JSON, activities with wrong types
/// or missing fields, huge strings, deep nesting, invalid UTF-8, broken syntax, wrong content types. Deterministic per seed.
/// A serviceUrl, when present, is always a closed loopback port: fuzzing must never make the bot call anything else.
/// </summary>
public static class ActivityPayloads
{
    /// <summary>Where replies would go if a payload is not expectReplies: the discard port on loopback (connection refused).</summary>
    public const string LoopbackServiceUrl = "http://127.0.0.1:9/";

    private static readonly string[] Keys =
    [
        "type", "id", "text", "from", "recipient", "conversation", "channelId", "serviceUrl", "deliveryMode", "locale", "textFormat",
        "channelData", "entities", "attachments", "membersAdded", "membersRemoved", "value", "name", "replyToId", "timestamp",
        "suggestedActions", "role", "x", "",
    ];

    private static readonly string[] Generators =
        ["random-json", "wrong-type", "missing-fields", "huge-string", "deep-nesting", "invalid-utf8", "broken-syntax", "wrong-content-type", "odd-values"];

    /// <summary>The payload for <paramref name="seed"/>: the same seed always gives the same bytes.</summary>
    public static FuzzPayload Create(int seed)
    {
        var random = new Random(seed);
        var kind = Generators[random.Next(Generators.Length)];
        return kind switch
        {
            "random-json" => Json(kind, RandomValue(random, depth: 0)),
            "wrong-type" => Json(kind, WrongType(random)),
            "missing-fields" => Json(kind, MissingFields(random)),
            "huge-string" => HugeString(random, kind),
            "deep-nesting" => DeepNesting(random, kind),
            "invalid-utf8" => InvalidUtf8(random, kind),
            "broken-syntax" => BrokenSyntax(random, kind),
            "wrong-content-type" => new FuzzPayload(kind, Encoding.UTF8.GetBytes(ValidActivity(random).ToJsonString()),
                random.Next(4) switch { 0 => null, 1 => "text/plain", 2 => "application/xml", _ => "multipart/form-data; boundary=x" }),
            _ => Json(kind, OddValues(random)),
        };
    }

    /// <summary>A well-formed message activity (expectReplies, loopback serviceUrl) the generators start from.</summary>
    public static JsonObject ValidActivity(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var conversation = $"fuzz-{random.Next(1000)}";
        return new JsonObject
        {
            ["type"] = "message",
            ["id"] = random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["channelId"] = "directline",
            ["serviceUrl"] = LoopbackServiceUrl,
            ["deliveryMode"] = "expectReplies",
            ["conversation"] = new JsonObject { ["id"] = conversation },
            ["from"] = new JsonObject { ["id"] = "user-" + conversation, ["role"] = "user" },
            ["recipient"] = new JsonObject { ["id"] = "faqbot", ["role"] = "bot" },
            ["locale"] = "en-US",
            ["text"] = "how often should I deep clean my pores?",
            ["channelData"] = new JsonObject { ["clientActivityID"] = "c" + random.Next() },
        };
    }

    private static FuzzPayload Json(string kind, JsonNode? node) =>
        new(kind, Encoding.UTF8.GetBytes(node?.ToJsonString() ?? "null"), "application/json");

    private static JsonNode? RandomValue(Random random, int depth) => (depth > 4 ? random.Next(5) : random.Next(8)) switch
    {
        0 => null,
        1 => random.Next(2) == 0,
        2 => random.Next(4) switch { 0 => (JsonNode)random.Next(), 1 => -random.NextDouble() * 1e300, 2 => long.MaxValue, _ => 0 },
        3 => RandomString(random, random.Next(0, 40)),
        4 => Keys[random.Next(Keys.Length)],
        5 or 6 => RandomObject(random, depth),
        _ => new JsonArray([.. Enumerable.Range(0, random.Next(5)).Select(_ => RandomValue(random, depth + 1))]),
    };

    private static JsonObject RandomObject(Random random, int depth)
    {
        var obj = new JsonObject();
        foreach (var _ in Enumerable.Range(0, random.Next(8)))
        {
            var key = Keys[random.Next(Keys.Length)];
            obj[key] = key == "serviceUrl" ? LoopbackServiceUrl : RandomValue(random, depth + 1);
        }

        return obj;
    }

    private static JsonObject WrongType(Random random)
    {
        var activity = ValidActivity(random);
        var fields = activity.Select(p => p.Key).Where(k => k != "serviceUrl").ToArray();
        foreach (var _ in Enumerable.Range(0, random.Next(1, 4)))
        {
            var field = fields[random.Next(fields.Length)];
            activity[field] = random.Next(6) switch
            {
                0 => 12345,
                1 => new JsonArray(1, "two", null),
                2 => new JsonObject { ["nested"] = true },
                3 => false,
                4 => "",
                _ => null,
            };
        }

        // Members, entities and attachments of the wrong shape, as a broken client would send them.
        if (random.Next(2) == 0)
        {
            activity[random.Next(3) switch { 0 => "entities", 1 => "attachments", _ => "membersAdded" }] =
                random.Next(2) == 0 ? "not-a-list" : new JsonArray(42, new JsonObject { ["type"] = 7 });
        }

        return activity;
    }

    private static JsonObject MissingFields(Random random)
    {
        var activity = ValidActivity(random);
        foreach (var key in activity.Select(p => p.Key).ToArray())
        {
            if (key != "serviceUrl" && random.Next(2) == 0)
            {
                activity.Remove(key);
            }
        }

        if (random.Next(3) == 0 && activity["from"] is JsonObject from)
        {
            from.Remove("id");
        }

        return activity;
    }

    private static FuzzPayload HugeString(Random random, string kind)
    {
        var activity = ValidActivity(random);
        var length = random.Next(4) switch { 0 => 10_000, 1 => 200_000, 2 => 300_000, _ => 2_000_000 };
        var field = random.Next(4) switch { 0 => "text", 1 => "id", 2 => "locale", _ => "channelId" };
        activity[field] = new string((char)random.Next('a', 'z' + 1), length);
        return Json(kind, activity);
    }

    private static FuzzPayload DeepNesting(Random random, string kind)
    {
        var depth = random.Next(4) switch { 0 => 50, 1 => 70, 2 => 1_000, _ => 100_000 };
        var nested = random.Next(2) == 0
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        var activity = ValidActivity(random).ToJsonString();
        var field = random.Next(3) switch { 0 => "channelData", 1 => "value", _ => "entities" };
        var json = activity[..^1] + $",\"{field}\":" + nested + "}";
        return new FuzzPayload(kind, Encoding.UTF8.GetBytes(json), "application/json");
    }

    private static FuzzPayload InvalidUtf8(Random random, string kind)
    {
        var json = Encoding.UTF8.GetBytes(ValidActivity(random).ToJsonString());
        var text = Encoding.UTF8.GetBytes("deep clean my pores");
        var at = IndexOf(json, text);
        byte[] bad = random.Next(5) switch
        {
            0 => [0xC3, 0x28],
            1 => [0xFF, 0xFE, 0xFD],
            2 => [0xED, 0xA0, 0x80],
            3 => [0xF0, 0x9F, 0x98],
            _ => [0xC0, 0xAF],
        };
        return new FuzzPayload(kind, [.. json[..at], .. bad, .. json[at..]], "application/json");
    }

    private static FuzzPayload BrokenSyntax(Random random, string kind)
    {
        var json = ValidActivity(random).ToJsonString();
        var broken = random.Next(8) switch
        {
            0 => json[..random.Next(json.Length)],                        // truncated
            1 => json + "}garbage",                                         // trailing garbage
            2 => "",                                                        // empty body
            3 => json.Replace("\"type\":", "type:", StringComparison.Ordinal),  // unquoted key
            4 => json.Replace(":", "=", StringComparison.Ordinal),
            5 => "{\"type\":\"message\",\"text\":NaN}",
            6 => "\uFEFF" + json,                                           // byte-order mark
            _ => "{\"type\":\"message\",\"text\":\"unterminated",
        };
        return new FuzzPayload(kind, Encoding.UTF8.GetBytes(broken), "application/json");
    }

    private static JsonObject OddValues(Random random)
    {
        var activity = ValidActivity(random);
        switch (random.Next(8))
        {
            case 0: activity["type"] = random.Next(3) switch { 0 => "invoke", 1 => "conversationUpdate", _ => "no-such-type" }; break;
            case 1: activity["deliveryMode"] = random.Next(2) == 0 ? "normal" : "bogus"; break;
            case 2: activity["timestamp"] = "yesterday-ish"; break;
            case 3: activity["text"] = RandomString(random, 500); break;
            case 4: activity["locale"] = "xx-INVALID-@@"; break;
            case 5: activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "user" }, new JsonObject()); activity["type"] = "conversationUpdate"; break;
            case 6: activity["text"] = "<at>FaqBot</at>"; activity["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["mentioned"] = 5 }); break;
            default: activity["conversation"] = new JsonObject { ["id"] = new string('/', 300) + "..%2F..%00" }; break;
        }

        return activity;
    }

    // Any UTF-16 code unit, lone surrogates included: the serializer must survive them.
    private static string RandomString(Random random, int length) =>
        string.Create(length, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = r.Next(4) == 0 ? (char)r.Next(0, 0x10000) : (char)r.Next(0x20, 0x7F);
            }
        });

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        return haystack.Length / 2;
    }
}
