using System.Globalization;
using FaqBot.Bot.Rendering;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace FaqBot.Cli.Chat;

/// <summary>
/// An in-process adapter that runs the bot in a terminal: the conversation opens like the Emulator's (one
/// conversationUpdate with bot and user), each line typed is a message, replies are rendered from Markdown, and
/// suggested actions are shown as numbered choices (typing the number sends that choice). <c>bye</c>, <c>quit</c> or end of
/// input (Ctrl-D) ends the conversation.
/// </summary>
public sealed class ConsoleChatAdapter : BotAdapter
{
    /// <summary>The channel id the bot sees: full Markdown, like the Emulator.</summary>
    public const string ChannelId = ChannelProfile.Console;

    private readonly IAnsiConsole _console;
    private readonly ChannelAccount _user = new("console-user", "You", RoleTypes.User);
    private readonly ChannelAccount _bot = new("faqbot", "FaqBot", RoleTypes.Bot);
    private readonly ConversationAccount _conversation = new(id: $"console-{Guid.NewGuid():n}");
    private List<CardAction> _choices = [];

    /// <summary>Creates the adapter, writing to <paramref name="console"/>.</summary>
    public ConsoleChatAdapter(IAnsiConsole console)
    {
        _console = console;
    }

    /// <summary>The conversation id this session uses (feedback rows carry it).</summary>
    public string ConversationId => _conversation.Id;

    /// <summary>Runs the conversation until <c>/quit</c> or end of input.</summary>
    public async Task RunAsync(IBot bot, TextReader input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(input);
        var update = NewActivity(ActivityTypes.ConversationUpdate);
        update.MembersAdded = [_bot, _user];
        update.MembersRemoved = [];
        await ProcessAsync(update, bot, cancellationToken);

        while (!cancellationToken.IsCancellationRequested)
        {
            _console.Markup("[bold green]you>[/] ");
            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                _console.WriteLine();
                break;
            }

            var text = line.Trim();
            if (IsGoodbye(text))
            {
                break;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= _choices.Count)
            {
                text = _choices[number - 1].Value as string ?? _choices[number - 1].Title;
                _console.MarkupLine($"[dim]     ({Markup.Escape(text)})[/]");
            }

            var message = NewActivity(ActivityTypes.Message);
            message.Text = text;
            message.TextFormat = TextFormatTypes.Plain;
            await ProcessAsync(message, bot, cancellationToken);
        }

        _console.MarkupLine("[dim]Bye.[/]");
    }

    /// <inheritdoc />
    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            if (activity.Type == ActivityTypes.Message)
            {
                Render(activity);
            }

            // Trace activities are for the Emulator's inspector; a terminal user does not need them.
            responses[i] = new ResourceResponse(Guid.NewGuid().ToString("n"));
        }

        return Task.FromResult(responses);
    }

    /// <inheritdoc />
    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The console cannot update a message it has printed.");

    /// <inheritdoc />
    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The console cannot delete a message it has printed.");

    private async Task ProcessAsync(Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        // Choices belong to the last bot message; a new turn replaces them.
        _choices = [];
        using var context = new TurnContext(this, activity);
        await RunPipelineAsync(context, bot.OnTurnAsync, cancellationToken);
    }

    private void Render(Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        IRenderable body;
        try
        {
            body = new Markup(ConsoleMarkdown.ToMarkup(text));
        }
        catch (InvalidOperationException)
        {
            // Markup we could not balance: show the text as typed rather than nothing.
            body = new Text(text);
        }

        // A two-column grid keeps wrapped lines indented under the message, not under "bot>".
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(1)).AddColumn();
        grid.AddRow(new Markup("[bold blue]bot>[/]"), body);
        var actions = activity.SuggestedActions?.Actions;
        _choices = actions is { Count: > 0 } ? [.. actions] : [];
        if (actions is { Count: > 0 })
        {
            var numbered = actions.Select((a, i) => $"[yellow]{i + 1}[/] {Markup.Escape(a.Title ?? a.Value as string ?? string.Empty)}");
            grid.AddRow(new Text(string.Empty), new Markup(string.Join("   ", numbered)));
        }

        _console.Write(grid);
    }

    private Activity NewActivity(string type) => new()
    {
        Type = type,
        Id = Guid.NewGuid().ToString("n"),
        ChannelId = ChannelId,
        ServiceUrl = "console://local",
        Conversation = _conversation,
        From = _user,
        Recipient = _bot,
        Timestamp = DateTimeOffset.UtcNow,
        LocalTimestamp = DateTimeOffset.Now,
        Locale = CultureInfo.CurrentCulture.Name is { Length: > 0 } name ? name : "en-US",
    };

    // What people type to leave a chat; only the whole line counts, so "how do I exit safely?" is still a question.
    private static bool IsGoodbye(string text) =>
        text.TrimEnd('!', '.').ToLowerInvariant() is "/quit" or "/exit" or "quit" or "exit" or "bye" or "goodbye" or "bye bye";
}
