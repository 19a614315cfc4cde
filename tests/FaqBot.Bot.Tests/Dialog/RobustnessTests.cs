using FaqBot.Bot.Tests.Fakes;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace FaqBot.Bot.Tests.Dialog;

public sealed class RobustnessTests : IDisposable
{
    private readonly BotHarness _harness = new();

    [Fact]
    public async Task An_empty_message_gets_a_prompt_not_an_answer()
    {
        await _harness.Flow()
            .Send("   ")
            .AssertReply(Replies.Containing("I didn't get any text"))
            .StartTestAsync();
        Assert.Empty(_harness.Fake.Questions);
    }

    [Fact]
    public async Task An_attachment_without_text_is_politely_refused()
    {
        var message = new Activity
        {
            Type = ActivityTypes.Message,
            Attachments = [new Attachment("image/png", "https://example.com/face.png", name: "face.png")],
        };
        await _harness.Flow()
            .Send(message)
            .AssertReply(Replies.Containing("I can only read text"))
            .StartTestAsync();
        Assert.Empty(_harness.Fake.Questions);
    }

    [Fact]
    public async Task A_huge_message_is_answered_with_a_request_for_a_shorter_question()
    {
        var huge = string.Concat(Enumerable.Repeat("how do I clean my pores ", 5_000));
        await _harness.Flow()
            .Send(huge)
            .AssertReply(Replies.Containing("Please ask a shorter question, under 2,000 characters."))
            .Send("How often should I deep clean my pores?")
            .AssertReply(Replies.Containing("once or twice a week", "Tell me more", "Helpful", "Not helpful"))
            .StartTestAsync();
        Assert.Equal(["How often should I deep clean my pores?"], _harness.Fake.Questions);
    }

    [Fact]
    public async Task An_error_is_logged_apologised_for_traced_on_a_local_emulator_and_the_conversation_goes_on_with_fresh_state()
    {
        _harness.Fake.Throws("boom");
        var adapter = _harness.CreateAdapter("emulator", sendTraceActivity: true);

        // What the host does for a request from a local Emulator with authentication off.
        await new TestFlow(adapter, (turn, cancellationToken) =>
            {
                FaqBotTurnErrorHandler.AllowErrorTrace(turn);
                return _harness.Bot.OnTurnAsync(turn, cancellationToken);
            })
            .Send("How often should I deep clean my pores?")
            .AssertReply(Replies.Containing("once or twice a week", "Tell me more", "Helpful", "Not helpful"))
            .Send("boom")
            .AssertReply(Replies.Containing(FaqBotTurnErrorHandler.Apology))
            .AssertReply(activity =>
            {
                Assert.Equal(ActivityTypes.Trace, activity.Type);
                Assert.Equal("TurnError", ((Activity)activity).Label);
            })
            .Send("Tell me more")
            .AssertReply(Replies.Containing("Ask me a question first", "How often should I deep clean my pores?", "Can pore strips truly deep clean pores?", "Is steaming good for deep cleaning pores?"))
            .Send("Is steaming good for deep cleaning pores?")
            .AssertReply(Replies.Containing("steaming is very beneficial", "Tell me more", "Helpful", "Not helpful"))
            .StartTestAsync();

        Assert.Contains(_harness.Logs.Entries, e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException && e.Category.EndsWith(nameof(FaqBotTurnErrorHandler), StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_the_emulator_channel_the_error_handler_sends_no_trace_unless_the_host_allows_it()
    {
        _harness.Fake.Throws("boom");
        await _harness.Flow(_harness.CreateAdapter("emulator", sendTraceActivity: true))
            .Send("boom")
            .AssertReply(Replies.Containing(FaqBotTurnErrorHandler.Apology))
            .AssertNoReply("no trace for an unverified emulator", 1)
            .StartTestAsync();
    }

    [Fact]
    public async Task Outside_the_emulator_the_error_handler_sends_no_trace()
    {
        _harness.Fake.Throws("boom");
        await _harness.Flow(_harness.CreateAdapter("msteams", sendTraceActivity: true))
            .Send("boom")
            .AssertReply(Replies.Containing(FaqBotTurnErrorHandler.Apology))
            .AssertNoReply("no trace on Teams", 1)
            .StartTestAsync();
    }

    [Fact]
    public async Task A_broken_feedback_database_does_not_cost_the_user_their_conversation()
    {
        // A file where the data folder should be: the database cannot be created.
        Directory.CreateDirectory(Path.GetDirectoryName(_harness.DataDirectory)!);
        await File.WriteAllTextAsync(_harness.DataDirectory, "not a folder");
        try
        {
            await _harness.Flow()
                .Send("What's the capital of France?")
                .AssertReply(Replies.Containing("I can only answer questions about", "topics", "help"))
                .Send("How often should I deep clean my pores?")
                .AssertReply(Replies.Containing("once or twice a week", "Tell me more", "Helpful", "Not helpful"))
                .Send("Helpful")
                .AssertReply(Replies.Containing("I couldn't save your feedback just now"))
                .StartTestAsync();
            Assert.Contains(_harness.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("Could not record declined feedback", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(_harness.DataDirectory);
        }
    }

    public void Dispose() => _harness.Dispose();
}
