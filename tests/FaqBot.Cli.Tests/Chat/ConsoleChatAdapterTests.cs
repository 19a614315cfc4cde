using FaqBot.Bot;
using FaqBot.Cli.Chat;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;

namespace FaqBot.Cli.Tests.Chat;

public sealed class ConsoleChatAdapterTests
{
    private readonly StringWriter _screen = new();
    private readonly IAnsiConsole _console;

    public ConsoleChatAdapterTests()
    {
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(_screen),
        });
    }

    [Fact]
    public async Task The_conversation_opens_like_the_emulator_and_numbers_pick_suggested_actions()
    {
        var bot = new ScriptedBot();
        var adapter = new ConsoleChatAdapter(_console);

        await adapter.RunAsync(bot, new StringReader("2\nhello there\n/quit\nnever read\n"), CancellationToken.None);

        var update = bot.Received[0];
        Assert.Equal(ActivityTypes.ConversationUpdate, update.Type);
        Assert.Equal([update.Recipient.Id, update.From.Id], update.MembersAdded.Select(m => m.Id));
        Assert.Equal(["Not helpful", "hello there"], bot.Received.Skip(1).Select(a => a.Text));
        Assert.All(bot.Received, a => Assert.Equal("console", a.ChannelId));
        var screen = _screen.ToString();
        Assert.Contains("bot> Welcome, pick one:", screen, StringComparison.Ordinal);
        Assert.Contains("1 Tell me more   2 Not helpful", screen, StringComparison.Ordinal);
        Assert.Contains("(Not helpful)", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("never read", string.Join(",", bot.Received.Select(a => a.Text)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bye")]
    [InlineData("Bye!")]
    [InlineData("goodbye")]
    [InlineData("quit")]
    [InlineData("exit")]
    [InlineData("/quit")]
    public async Task Saying_goodbye_ends_the_chat(string goodbye)
    {
        var bot = new ScriptedBot();

        await new ConsoleChatAdapter(_console).RunAsync(bot, new StringReader($"hello there\n{goodbye}\nnever read\n"), CancellationToken.None);

        Assert.Equal(["hello there"], bot.Received.Skip(1).Select(a => a.Text));
    }

    [Fact]
    public async Task End_of_input_ends_the_conversation_and_a_number_without_choices_is_sent_as_text()
    {
        var bot = new ScriptedBot { Actions = [] };
        await new ConsoleChatAdapter(_console).RunAsync(bot, new StringReader("7"), CancellationToken.None);

        Assert.Equal("7", bot.Received[^1].Text);
        Assert.EndsWith("Bye.", _screen.ToString().TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_is_rendered_readably()
    {
        var bot = new ScriptedBot { Reply = "**Bold** and _Source: [Section › A](https://x.test/a_b)_\n\n* item [x]" };
        await new ConsoleChatAdapter(_console).RunAsync(bot, new StringReader("hi\n"), CancellationToken.None);

        var screen = _screen.ToString();
        Assert.Contains("Bold and Source: Section › A <https://x.test/a_b>", screen, StringComparison.Ordinal);
        Assert.Contains("  • item [x]", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("**", screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_turn_that_throws_is_apologised_for_and_the_chat_goes_on()
    {
        var adapter = new ConsoleChatAdapter(_console);
        var handler = new FaqBotTurnErrorHandler(new ConversationState(new MemoryStorage()), NullLogger<FaqBotTurnErrorHandler>.Instance);
        adapter.OnTurnError = handler.HandleAsync;
        var bot = new ScriptedBot { ThrowOn = "boom" };

        await adapter.RunAsync(bot, new StringReader("boom\nstill there?\n"), CancellationToken.None);

        Assert.Contains("Sorry, something went wrong on my side.", _screen.ToString(), StringComparison.Ordinal);
        Assert.Equal("still there?", bot.Received[^1].Text);
    }

    private sealed class ScriptedBot : IBot
    {
        public List<Activity> Received { get; } = [];

        public string Reply { get; init; } = "Welcome, pick one:";

        public IList<string> Actions { get; init; } = ["Tell me more", "Not helpful"];

        public string? ThrowOn { get; init; }

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            Received.Add(turnContext.Activity);
            if (turnContext.Activity.Text == ThrowOn && ThrowOn is not null)
            {
                throw new InvalidOperationException("scripted failure");
            }

            var reply = MessageFactory.Text(Reply);
            if (Actions.Count > 0)
            {
                reply.SuggestedActions = new SuggestedActions { Actions = [.. Actions.Select(a => new CardAction(ActionTypes.ImBack, a, value: a))] };
            }

            await turnContext.SendActivityAsync(reply, cancellationToken);
        }
    }
}
