using FaqBot.Bot.Tests.Fakes;

namespace FaqBot.Bot.Tests.Dialog;

public sealed class ParallelConversationTests : IDisposable
{
    private const int Conversations = 200;

    private readonly BotHarness _harness = new();

    [Fact]
    public async Task Two_hundred_conversations_in_parallel_each_keep_their_own_last_answer()
    {
        var entries = _harness.Engine.KnowledgeBase.Entries;
        for (var i = 0; i < Conversations; i++)
        {
            _harness.Fake.Answers($"question number {i}", entries[i % entries.Count].Id, 0.9f);
        }

        var conversations = Enumerable.Range(0, Conversations).Select(i => Task.Run(async () =>
        {
            var entry = entries[i % entries.Count];
            var heading = entry.Kind == FaqBot.Knowledge.Model.EntryKind.Faq ? entry.Question : entry.HeadingPath[^1];
            var adapter = _harness.CreateAdapter(i % 2 == 0 ? "emulator" : "msteams", conversationId: $"conversation-{i}");
            await _harness.Flow(adapter)
                .Send($"question number {i}")
                .AssertReply(Replies.Containing(entry.Passages[0].Markdown[..40], "Tell me more", "Helpful", "Not helpful"))
                .Send("Tell me more")
                .AssertReply(activity => Assert.StartsWith(
                    entry.Passages.Count <= 1 ? "That was the whole answer; the article goes into it in this section:" : $"**{heading}**",
                    Replies.Text(activity), StringComparison.Ordinal))
                .StartTestAsync();
            AnswerTests.Drain(adapter);
            if (i % 3 == 0)
            {
                await _harness.Flow(adapter).Send("Not helpful").AssertReply(Replies.Containing("I've noted your question", "topics")).StartTestAsync();
            }
        })).ToList();

        await Task.WhenAll(conversations);

        var rows = _harness.FeedbackRows();
        Assert.Equal(Enumerable.Range(0, Conversations).Count(i => i % 3 == 0), rows.Count);
        Assert.All(rows, row =>
        {
            var i = int.Parse(row.Conversation["conversation-".Length..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(($"question number {i}", entries[i % entries.Count].Id, "unhelpful"), (row.Question, row.EntryId, row.Kind));
        });
    }

    public void Dispose() => _harness.Dispose();
}
