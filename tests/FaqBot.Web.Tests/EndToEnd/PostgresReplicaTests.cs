using System.Net;
using System.Text.Json.Nodes;
using FaqBot.Bot.Feedback;
using FaqBot.Storage.Postgres;
using FaqBot.Web.Tests.Support;
using Npgsql;

namespace FaqBot.Web.Tests.EndToEnd;

/// <summary>
/// Two hosts with <c>Storage:Provider=Postgres</c> on one database, as two replicas behind a load balancer: a
/// conversation's turns may land on either, and both store feedback in the one database.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresReplicaTests(PostgresServer server) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("faqbot-replicas-").FullName;

    [Fact]
    public async Task A_conversation_started_on_one_replica_continues_on_the_other_and_both_store_feedback_in_the_database()
    {
        var connectionString = await server.CreateDatabaseAsync();
        using var first = Replica(connectionString, "a");
        using var firstClient = first.CreateClient();
        using var second = Replica(connectionString, "b");
        using var secondClient = second.CreateClient();
        await first.WaitUntilReadyAsync();
        await second.WaitUntilReadyAsync();
        var conversation = "a:1personal-" + Guid.NewGuid().ToString("n");

        var answer = await AskAsync(firstClient, conversation, "How often should I deep clean my pores?");
        var more = await AskAsync(secondClient, conversation, "Tell me more");
        await AskAsync(firstClient, conversation, "Helpful");
        await AskAsync(secondClient, conversation, "How do I replace the clutch on a diesel tractor?");

        Assert.Contains("once or twice a week", answer, StringComparison.Ordinal);
        Assert.Contains("whole answer", more, StringComparison.Ordinal);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var feedback = await new PostgresFeedbackStore(dataSource).ReviewAsync(
            new FeedbackReviewQuery([FeedbackKind.Helpful, FeedbackKind.Declined], 10), CancellationToken.None);
        Assert.Equal(["declined", "helpful"], feedback.SelectMany(item => item.CountsByKind.Keys).Order());
        Assert.False(File.Exists(Path.Combine(_folder, "a", "feedback.db")));
    }

    private FaqBotWebFactory Replica(string connectionString, string name) => new(new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Postgres",
        ["ConnectionStrings:FaqBot"] = connectionString,
        ["Classifier:ModelDirectory"] = Path.Combine(_folder, "model"),
        ["Bot:DataDirectory"] = Path.Combine(_folder, name),
    })
    {
        UseTestBot = false,
        UseManualClock = false,
    };

    // A Teams message with deliveryMode expectReplies: the bot's replies come back in the response.
    private static async Task<string> AskAsync(HttpClient client, string conversation, string text)
    {
        var message = new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("n"),
            ["text"] = text,
            ["channelId"] = "msteams",
            ["serviceUrl"] = "https://smba.trafficmanager.net/amer/",
            ["deliveryMode"] = "expectReplies",
            ["from"] = new JsonObject { ["id"] = "29:1user", ["name"] = "Ada Lovelace" },
            ["recipient"] = new JsonObject { ["id"] = "28:faqbot", ["name"] = "FaqBot" },
            ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "personal", ["tenantId"] = "tenant" },
        };

        var response = await client.PostAsync("api/messages", Json.Content(message));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return string.Join("\n", Json.Texts((await Json.ReadObjectAsync(response))["activities"]!.AsArray()));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
