using FaqBot.Classifier.Answering;
using System.Net;
using System.Text.Json.Nodes;
using FaqBot.Knowledge.Model;
using FaqBot.Web.Tests.DirectLine;
using FaqBot.Web.Tests.Hosts;
using FaqBot.Web.Tests.Support;

namespace FaqBot.Web.Tests.Concurrency;

/// <summary>
/// 1,000 Direct Line conversations at once against the real bot: each asks its own question and then "Tell me more",
/// which expands the last answer kept in that conversation's own state. Crossed state shows up as another entry's text.
/// </summary>
[Collection(RealBotCollection.Name)]
public sealed class DirectLineConcurrencyTests(RealBotHost host)
{
    private const int Conversations = 1_000;

    [Fact]
    public async Task A_thousand_simultaneous_conversations_each_get_their_own_answers_and_state()
    {
        // Given questions the engine answers outright, each from a different entry with several passages to expand
        var entries = host.Engine.KnowledgeBase.Entries
            .Where(e => e.Passages.Count > 1 && host.Engine.Ask(e.Question) is Answered { Answer.EntryId: var id } && id == e.Id)
            .ToList();
        Assert.True(entries.Count >= 5, $"only {entries.Count} multi-passage entries are answered outright by their own question");

        // When 1,000 conversations start, ask and ask for more, all at once
        var results = await Task.WhenAll(Enumerable.Range(0, Conversations).Select(i => ConverseAsync(entries[i % entries.Count])));

        // Then each saw only its own activities, and "Tell me more" expanded its own answer
        var failures = results.Where(r => r is not null).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {Conversations} conversations went wrong, e.g. {failures.FirstOrDefault()}");
    }

    [Fact]
    public async Task A_token_for_one_conversation_can_neither_read_nor_post_to_another()
    {
        var clients = Enumerable.Range(0, 20).Select(_ => new DirectLineClient(host.Client)).ToList();
        foreach (var client in clients)
        {
            Assert.Equal(HttpStatusCode.Created, (await client.StartAsync()).StatusCode);
            await client.SendAsync("how often should I deep clean my pores");
        }

        for (var i = 0; i < clients.Count; i++)
        {
            var other = clients[(i + 1) % clients.Count];
            var read = await clients[i].GetAsync(conversationId: other.ConversationId);
            var post = await clients[i].PostAsync(clients[i].WebChatMessage("let me in"), other.ConversationId);

            Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
            Assert.DoesNotContain("let me in", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The refused posts never reached the conversations they targeted.
        foreach (var client in clients)
        {
            var (activities, _) = await client.ReadAsync();
            Assert.DoesNotContain("let me in", Json.Texts(activities));
        }
    }

    // Null when the conversation went as expected, else what went wrong (collected, so one failure names its conversation).
    private async Task<string?> ConverseAsync(FaqEntry entry)
    {
        var client = new DirectLineClient(host.Client);
        var started = await client.StartAsync();
        if (started.StatusCode != HttpStatusCode.Created)
        {
            return $"start: {(int)started.StatusCode}";
        }

        var questionId = await client.SendAsync(entry.Question);
        var moreId = await client.SendAsync("Tell me more");
        var (activities, _) = await client.ReadAsync();
        var foreign = activities.Where(a => (string?)a?["conversation"]?["id"] is { } id && id != client.ConversationId).ToList();
        var fromOthers = activities.Where(a => (string?)a?["from"]?["role"] == "user" && (string?)a?["from"]?["id"] != client.UserId).ToList();
        var more = Replies(activities, moreId);
        var answer = Replies(activities, questionId);
        if (foreign.Count > 0 || fromOthers.Count > 0)
        {
            return $"{client.ConversationId}: {foreign.Count} activities of other conversations, {fromOthers.Count} from other users";
        }

        if (answer.Count == 0)
        {
            return $"{client.ConversationId}: no answer to '{entry.Question}'";
        }

        // "Tell me more" sends the whole entry (split to fit the channel): the start of each of its passages must be there.
        var expanded = string.Join("\n", more);
        var missing = entry.Passages.Select(p => p.Markdown[..Math.Min(40, p.Markdown.Length)])
            .Where(start => !expanded.Contains(start, StringComparison.Ordinal)).ToList();
        return missing.Count == 0
            ? null
            : $"{client.ConversationId}: 'Tell me more' after '{entry.Question}' lacks '{missing[0]}': {expanded[..Math.Min(300, expanded.Length)]}";
    }

    private static List<string> Replies(JsonArray activities, string replyToId) =>
        [.. activities.Where(a => (string?)a?["from"]?["role"] == "bot" && (string?)a?["replyToId"] == replyToId)
            .Select(a => (string?)a?["text"] ?? string.Empty)];
}
