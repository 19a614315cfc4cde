using System.Data.Common;
using System.Globalization;

namespace FaqBot.Bot.Feedback;

/// <summary>
/// The <c>review</c> query over a <c>feedback</c> table, in SQL that SQLite and PostgreSQL both run, so every store
/// groups alike: one grouped query, most frequent question first.
/// </summary>
public static class FeedbackReview
{
    /// <summary>
    /// Groups the events of the requested kinds by normalised question. <paramref name="distinctEntryIds"/> is the
    /// engine's aggregate of the distinct non-null <c>entry_id</c>s as comma-separated text.
    /// </summary>
    public static async Task<IReadOnlyList<FeedbackReviewItem>> ReadAsync(
        DbConnection connection, string distinctEntryIds, FeedbackReviewQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(query);
        var kinds = (query.Kinds.Count == 0 ? FeedbackKinds.Unanswered : query.Kinds).Distinct().ToList();
        var allKinds = Enum.GetValues<FeedbackKind>();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            WITH matching AS (
                SELECT normalized_question, question, kind, entry_id, time,
                       ROW_NUMBER() OVER (PARTITION BY normalized_question ORDER BY time DESC, id DESC) AS recency
                FROM feedback
                WHERE kind IN ({string.Join(", ", kinds.Select((_, i) => $"@kind{i}"))}))
            SELECT normalized_question, COUNT(*) AS events, MIN(time), MAX(time),
                   MAX(CASE WHEN recency = 1 THEN question END),
                   {string.Join(", ", allKinds.Select(k => $"COUNT(CASE WHEN kind = '{k.ToName()}' THEN 1 END)"))},
                   {distinctEntryIds}
            FROM matching
            GROUP BY normalized_question
            ORDER BY events DESC, MAX(time) DESC, normalized_question
            LIMIT @top;
            """;
        for (var i = 0; i < kinds.Count; i++)
        {
            AddParameter(command, $"@kind{i}", kinds[i].ToName());
        }

        AddParameter(command, "@top", Math.Max(query.Top, 0));
        var items = new List<FeedbackReviewItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var countsByKind = new SortedDictionary<string, int>(StringComparer.Ordinal);
            for (var k = 0; k < allKinds.Length; k++)
            {
                if (Count(reader, 5 + k) is > 0 and var count)
                {
                    countsByKind[allKinds[k].ToName()] = count;
                }
            }

            var entryIds = reader.IsDBNull(5 + allKinds.Length) ? "" : reader.GetString(5 + allKinds.Length);
            items.Add(new FeedbackReviewItem(
                reader.GetString(0), reader.GetString(4), Count(reader, 1), countsByKind,
                [.. entryIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)],
                reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return items;
    }

    private static int Count(DbDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
