using FaqBot.Bot.Feedback;
using Npgsql;
using NpgsqlTypes;

namespace FaqBot.Storage.Postgres;

/// <summary>
/// Feedback events in PostgreSQL (table <c>feedback</c>), one row per event, from every replica.
/// <see cref="RecordAsync"/> returns once the row's insert is committed. The rate per conversation is checked in the same
/// statement as the insert, so replicas racing on one conversation can together store a few more than the rate.
/// </summary>
/// <param name="dataSource">The database.</param>
/// <param name="retention">Rate, repeats and caps (<c>Bot:FeedbackRetention</c>).</param>
public sealed class PostgresFeedbackStore(NpgsqlDataSource dataSource, FeedbackRetention retention) : IFeedbackStore
{
    /// <summary>Creates a store with the default <see cref="FeedbackRetention"/>.</summary>
    public PostgresFeedbackStore(NpgsqlDataSource dataSource)
        : this(dataSource, new FeedbackRetention())
    {
    }

    /// <inheritdoc />
    public async Task<FeedbackRecorded> RecordAsync(FeedbackEvent feedbackEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedbackEvent);
        await using var insert = dataSource.CreateCommand(
            """
            WITH seen AS (
                SELECT
                    EXISTS (SELECT 1 FROM feedback WHERE conversation = @conversation AND normalized_question = @normalized
                        AND kind = @kind AND entry_id IS NOT DISTINCT FROM @entry AND time >= @time - @repeatWindow) AS is_repeat,
                    (SELECT count(*) FROM feedback WHERE conversation = @conversation AND time >= @time - interval '1 minute') AS recent),
            inserted AS (
                INSERT INTO feedback (time, channel, conversation, question, normalized_question, entry_id, confidence, kind)
                SELECT @time, @channel, @conversation, @question, @normalized, @entry, @confidence, @kind
                FROM seen WHERE NOT seen.is_repeat AND seen.recent < @perMinute
                RETURNING id),
            -- Both conditions walk an index from one end, so keeping the caps on every insert costs about as much as the insert.
            pruned AS (
                DELETE FROM feedback
                WHERE EXISTS (SELECT 1 FROM inserted)
                    AND (time < @time - @maxAge OR id <= (SELECT max(id) FROM inserted) - @maxRows))
            SELECT seen.is_repeat, EXISTS (SELECT 1 FROM inserted) FROM seen;
            """);
        var question = ControlCharacters.Strip(feedbackEvent.Question);
        insert.Parameters.AddWithValue("time", feedbackEvent.Time.ToUniversalTime());
        insert.Parameters.AddWithValue("channel", Text(feedbackEvent.Channel));
        insert.Parameters.AddWithValue("conversation", Text(feedbackEvent.Conversation));
        insert.Parameters.AddWithValue("question", question);
        insert.Parameters.AddWithValue("normalized", QuestionNormalizer.Normalize(question));
        insert.Parameters.AddWithValue("entry", NpgsqlDbType.Text, feedbackEvent.EntryId is { } entry ? Text(entry) : DBNull.Value);
        insert.Parameters.AddWithValue("confidence", NpgsqlDbType.Double, feedbackEvent.Confidence is { } c ? (double)c : DBNull.Value);
        insert.Parameters.AddWithValue("kind", feedbackEvent.Kind.ToName());
        insert.Parameters.AddWithValue("repeatWindow", retention.RepeatWindow);
        insert.Parameters.AddWithValue("perMinute", (long)retention.MaxPerConversationPerMinute);
        insert.Parameters.AddWithValue("maxAge", retention.MaxAge);
        insert.Parameters.AddWithValue("maxRows", (long)retention.MaxRows);
        bool repeat, stored;
        await using (var reader = await insert.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (repeat, stored) = (reader.GetBoolean(0), reader.GetBoolean(1));
        }

        return stored ? FeedbackRecorded.Stored : repeat ? FeedbackRecorded.Repeat : FeedbackRecorded.RateLimited;
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
