using System.Globalization;
using FaqBot.Bot.Tests.Fakes;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FaqBot.Bot.Tests.Transcripts;

/// <summary>
/// Replays Emulator <c>.transcript</c> files (pretty-printed JSON arrays of activities, as the Emulator's "Save transcript"
/// writes them): every activity sent to the bot is replayed in order, and the bot's replies must match the recorded bot
/// messages that follow it (type, text and suggested actions; ids, timestamps and service URLs are ignored).
/// Set FAQBOT_RECORD_TRANSCRIPTS=1 to rewrite the bot side of the source files from the current bot instead (then
/// review the diff): that is how a new Emulator recording's expectations are refreshed after an intended change.
/// Replayed against the real engine trained on the seed article, as a recording made in the Emulator would be.
/// </summary>
[Collection(SeedModelCollection.Name)]
public sealed class TranscriptReplayTests(SeedModelFixture fixture)
{
    private static readonly string SourceFolder = Path.Combine(RepositoryRoot.Path, "tests", "FaqBot.Bot.Tests", "Transcripts");

    public static TheoryData<string> Files() =>
        [.. Directory.GetFiles(SourceFolder, "*.transcript").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_recorded_emulator_conversation_replays_with_the_same_bot_replies(string file)
    {
        var path = Path.Combine(SourceFolder, file);
        var transcript = JArray.Parse(await File.ReadAllTextAsync(path));
        using var harness = new BotHarness(fixture.Engine);
        var replay = await TranscriptReplay.RunAsync(harness, transcript);

        if (Environment.GetEnvironmentVariable("FAQBOT_RECORD_TRANSCRIPTS") == "1")
        {
            await File.WriteAllTextAsync(path, replay.Recorded.ToString(Formatting.Indented) + "\n");
            return;
        }

        Assert.True(replay.Turns > 0, "a transcript needs at least one activity sent to the bot");
        Assert.Equal(replay.Expected.Count, replay.Actual.Count);
        for (var i = 0; i < replay.Expected.Count; i++)
        {
            var (turn, expected) = replay.Expected[i];
            var actual = replay.Actual[i].Activity;
            var where = $"{file}, reply {i + 1} (to turn {turn}: \"{replay.Inputs[turn]}\")";
            Assert.True(expected.Type == actual.Type, $"{where}: type {actual.Type}, expected {expected.Type}");
            Assert.True(replay.Actual[i].Turn == turn, $"{where}: sent in turn {replay.Actual[i].Turn}");
            Assert.True(Normalize(expected.Text) == Normalize(actual.Text), $"{where}: text differs.\nExpected: {expected.Text}\nActual:   {actual.Text}");
            Assert.True(Actions(expected).SequenceEqual(Actions(actual)),
                $"{where}: suggested actions [{string.Join(", ", Actions(actual))}], expected [{string.Join(", ", Actions(expected))}]");
            Assert.True(JToken.DeepEquals(TranscriptReplay.Json(expected.Attachments), TranscriptReplay.Json(actual.Attachments)),
                $"{where}: attachments differ.\nExpected: {TranscriptReplay.Json(expected.Attachments)}\nActual:   {TranscriptReplay.Json(actual.Attachments)}");
            Assert.True(JToken.DeepEquals(TranscriptReplay.Json(expected.Value), TranscriptReplay.Json(actual.Value)),
                $"{where}: value differs.\nExpected: {TranscriptReplay.Json(expected.Value)}\nActual:   {TranscriptReplay.Json(actual.Value)}");
        }
    }

    private static string Normalize(string? text) => (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private static IEnumerable<string> Actions(IActivity activity) =>
        activity.AsMessageActivity()?.SuggestedActions?.Actions?.Select(a => $"{a.Type}:{a.Title}={a.Value}") ?? [];
}

/// <summary>One replay of a transcript: what was recorded, what the bot said now, and the transcript re-recorded.</summary>
internal sealed record TranscriptReplay(
    int Turns,
    List<string> Inputs,
    List<(int Turn, Activity Activity)> Expected,
    List<(int Turn, Activity Activity)> Actual,
    JArray Recorded)
{
    private static readonly JsonSerializerSettings Settings = new() { NullValueHandling = NullValueHandling.Ignore, DateParseHandling = DateParseHandling.None };

    /// <summary>
    /// An attachment list or activity value as JSON, for comparing what was recorded with what the bot sent; an empty
    /// list is no list (MessageFactory gives every message one, and the Emulator records none).
    /// </summary>
    public static JToken Json(object? value) => value is null or System.Collections.ICollection { Count: 0 }
        ? JValue.CreateNull()
        : JToken.FromObject(value, JsonSerializer.Create(Settings));

    public static async Task<TranscriptReplay> RunAsync(BotHarness harness, JArray transcript)
    {
        var activities = transcript.Select(token => token.ToObject<Activity>(JsonSerializer.Create(Settings))!).ToList();
        var first = activities.First(IsToBot);
        var adapter = harness.CreateAdapter(new ConversationReference
        {
            ChannelId = first.ChannelId,
            ServiceUrl = first.ServiceUrl,
            Conversation = first.Conversation,
            Bot = first.Recipient,
            User = first.From,
            Locale = first.Locale,
        });

        var inputs = new List<string>();
        var expected = new List<(int, Activity)>();
        var actual = new List<(int, Activity)>();
        var recorded = new JArray();
        var turn = -1;
        foreach (var (activity, token) in activities.Zip(transcript))
        {
            if (!IsToBot(activity))
            {
                if (activity.Type != ActivityTypes.Trace)
                {
                    expected.Add((turn, activity));
                }

                continue;
            }

            turn++;
            inputs.Add(activity.Type == ActivityTypes.Message ? activity.Text ?? activity.Value?.ToString() ?? string.Empty : activity.Name ?? activity.Type);
            recorded.Add(token.DeepClone());
            var replayed = token.ToObject<Activity>(JsonSerializer.Create(Settings))!;
            replayed.Id = null;
            await adapter.ProcessActivityAsync(replayed, harness.Bot.OnTurnAsync);
            while (adapter.GetNextReply() is Activity reply)
            {
                actual.Add((turn, reply));
                recorded.Add(AsEmulatorRecords(reply, activity));
            }
        }

        return new TranscriptReplay(turn + 1, inputs, expected, actual, recorded);
    }

    // What the channel sends the bot: conversation and installation updates, invokes, and messages not from the bot
    // (Teams sends no role on the user).
    private static bool IsToBot(Activity activity) =>
        activity.Type is ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate or ActivityTypes.Invoke
        || (activity.Type == ActivityTypes.Message && activity.From?.Role != RoleTypes.Bot);

    /// <summary>The bot's reply as the Emulator stores it: re-stamped with ids, times, and from/recipient swapped.</summary>
    private static JObject AsEmulatorRecords(Activity reply, Activity replyTo)
    {
        var time = DateTimeOffset.Parse(replyTo.Timestamp?.ToString("o", CultureInfo.InvariantCulture) ?? "2026-01-01T00:00:00Z", CultureInfo.InvariantCulture);
        var record = new JObject
        {
            ["type"] = reply.Type,
            ["serviceUrl"] = replyTo.ServiceUrl,
            ["channelId"] = replyTo.ChannelId,
            ["from"] = new JObject { ["id"] = replyTo.Recipient.Id, ["name"] = "Bot", ["role"] = "bot" },
            ["conversation"] = new JObject { ["id"] = replyTo.Conversation.Id },
            ["recipient"] = new JObject { ["id"] = replyTo.From.Id, ["role"] = "user" },
            ["textFormat"] = reply.TextFormat,
            ["locale"] = replyTo.Locale ?? "en-US",
            ["text"] = reply.Text,
        };
        if (reply.SuggestedActions?.Actions is { Count: > 0 } actions)
        {
            record["suggestedActions"] = new JObject
            {
                ["actions"] = new JArray(actions.Select(a => new JObject { ["type"] = a.Type, ["title"] = a.Title, ["value"] = a.Value as string })),
            };
        }

        if (reply.Attachments is { Count: > 0 })
        {
            record["attachments"] = Json(reply.Attachments);
        }

        if (reply.Value is not null)
        {
            record["value"] = Json(reply.Value);
        }

        record["inputHint"] = "acceptingInput";
        record["replyToId"] = replyTo.Id;
        record["id"] = Guid.NewGuid().ToString();
        record["localTimestamp"] = time.ToOffset(TimeSpan.FromHours(-7)).AddMilliseconds(250).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        record["timestamp"] = time.ToUniversalTime().AddMilliseconds(250).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return record;
    }
}
