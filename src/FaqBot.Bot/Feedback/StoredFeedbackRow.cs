using System.Globalization;
using System.Text.Json;

namespace FaqBot.Bot.Feedback;

/// <summary>
/// A feedback event as the database stores it: the same text for the time, kind and confidence whether the row goes
/// straight to SQLite or through a journal line first, so a replayed row is identical to one written directly.
/// </summary>
internal sealed record StoredFeedbackRow(
    string Time, string Channel, string Conversation, string Question, string? EntryId, double? Confidence, string Kind)
{
    /// <summary>The format of the <c>time</c> column: UTC, milliseconds, sortable as text.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static StoredFeedbackRow From(FeedbackEvent feedbackEvent) => new(
        feedbackEvent.Time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture),
        feedbackEvent.Channel,
        feedbackEvent.Conversation,
        feedbackEvent.Question,
        feedbackEvent.EntryId,
        feedbackEvent.Confidence is { } c ? (double)c : null,
        feedbackEvent.Kind.ToName());

    /// <summary>Writes the row as one JSON object carrying its journal sequence number.</summary>
    public void WriteJson(Utf8JsonWriter json, long sequence)
    {
        json.WriteStartObject();
        json.WriteNumber("seq"u8, sequence);
        json.WriteString("time"u8, Time);
        json.WriteString("channel"u8, Channel);
        json.WriteString("conversation"u8, Conversation);
        json.WriteString("question"u8, Question);
        json.WriteString("entry"u8, EntryId);
        if (Confidence is { } confidence)
        {
            json.WriteNumber("confidence"u8, confidence);
        }
        else
        {
            json.WriteNull("confidence"u8);
        }

        json.WriteString("kind"u8, Kind);
        json.WriteEndObject();
    }

    /// <summary>Reads a line written by <see cref="WriteJson"/>; false for anything else (a torn or damaged line).</summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out long sequence, out StoredFeedbackRow? row)
    {
        sequence = 0;
        row = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("seq", out var seq) || !seq.TryGetInt64(out sequence) || sequence < 1
                || Text(root, "time") is not { } time || Text(root, "channel") is not { } channel
                || Text(root, "conversation") is not { } conversation || Text(root, "question") is not { } question
                || Text(root, "kind") is not { } kind || !FeedbackKinds.TryParse(kind, out _)
                || !root.TryGetProperty("entry", out var entry) || entry.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)
                || !root.TryGetProperty("confidence", out var confidence)
                || confidence.ValueKind is not (JsonValueKind.Number or JsonValueKind.Null))
            {
                return false;
            }

            row = new StoredFeedbackRow(
                time, channel, conversation, question, entry.GetString(),
                confidence.ValueKind == JsonValueKind.Number ? confidence.GetDouble() : null, kind);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
