using FaqBot.Bot.Feedback;
using Npgsql;
using NpgsqlTypes;

namespace FaqBot.Storage.Postgres;

/// <summary>
/// Feedback events in PostgreSQL (table <c>feedback</c>), one row per event, from every replica.
/// <see cref="RecordAsync"/> returns once the row's insert is committed.
/// </summary>
public sealed class PostgresFeedbackStore(NpgsqlDataSource dataSource) : IFeedbackStore
{
    /// <inheritdoc />
    public async Task RecordAsync(FeedbackEvent feedbackEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedbackEvent);
        await using var insert = dataSource.CreateCommand(
            """
            INSERT INTO feedback (time, channel, conversation, question, normalized_question, entry_id, confidence, kind)
            VALUES (@time, @channel, @conversation, @question, @normalized, @entry, @confidence, @kind);
            """);
        insert.Parameters.AddWithValue("time", feedbackEvent.Time.ToUniversalTime());
        insert.Parameters.AddWithValue("channel", Text(feedbackEvent.Channel));
        insert.Parameters.AddWithValue("conversation", Text(feedbackEvent.Conversation));
        var question = ControlCharacters.Strip(feedbackEvent.Question);
        insert.Parameters.AddWithValue("question", question);
        insert.Parameters.AddWithValue("normalized", QuestionNormalizer.Normalize(question));
        insert.Parameters.AddWithValue("entry", NpgsqlDbType.Text, feedbackEvent.EntryId is { } entry ? Text(entry) : DBNull.Value);
        insert.Parameters.AddWithValue("confidence", NpgsqlDbType.Double, feedbackEvent.Confidence is { } c ? (double)c : DBNull.Value);
        insert.Parameters.AddWithValue("kind", feedbackEvent.Kind.ToName());
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    // PostgreSQL text cannot hold U+0000, which a JSON body can carry: keep the row, with the character replaced.
    private static string Text(string value) => value.Replace('\0', '\uFFFD');

    /// <summary>Groups the events of the requested kinds by normalised question, most frequent first, as the SQLite store does.</summary>
    public async Task<IReadOnlyList<FeedbackReviewItem>> ReviewAsync(FeedbackReviewQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await FeedbackReview.ReadAsync(connection, "string_agg(DISTINCT entry_id, ',')", query, cancellationToken);
    }
}
