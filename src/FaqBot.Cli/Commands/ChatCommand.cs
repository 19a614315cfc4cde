using System.CommandLine;
using FaqBot.Bot;
using FaqBot.Classifier.Answering;
using FaqBot.Cli.Chat;
using FaqBot.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FaqBot.Cli.Commands;

/// <summary><c>chat</c>: talk to the FAQ bot in the terminal, through the same bot the web host serves.</summary>
public static class ChatCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var data = new Option<string?>("--data")
        {
            Description = $"Folder for {BotOptions.DatabaseFileName}, where feedback is recorded (default: Bot:DataDirectory from appsettings.json, else data).",
        };
        var command = new Command("chat", "Chat with the FAQ bot in this terminal. Suggested actions are numbered: type the number to pick one. "
            + "bye, quit (or /quit) or Ctrl-D ends the chat. Trains the answer model first if none is current.\n"
            + "Exit codes: 0 done, 1 bad input (no articles, bad configuration).")
        {
            data,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult.GetValue(data), parseResult.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? dataDirectory, TextWriter stderr, CancellationToken cancellationToken)
    {
        using var host = CliHost.Build(configuration =>
        {
            if (dataDirectory is not null)
            {
                configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:DataDirectory"] = Path.GetFullPath(dataDirectory) });
            }
        });
        var console = AnsiConsole.Console;
        IBot bot;
        try
        {
            var options = host.BotOptions();
            var loading = host.Services.GetRequiredService<AnswerEngineService>();
            var loaded = await console.Status().StartAsync("Loading the answer model (training it if the articles changed)…", _ =>
                loading.ReloadNowAsync(cancellationToken));
            if (loaded.Error is not null)
            {
                await stderr.WriteLineAsync($"error: cannot start the bot: {loaded.Error}");
                return ExitCodes.BadInput;
            }

            KnowledgeSource.WarnSkipped(host.Paths().ArticlesDirectory, host.Services.GetRequiredService<AnswerEngineHost>().Status.SkippedPages, stderr);
            var engine = host.Services.GetRequiredService<IAnswerEngine>();
            bot = host.Services.GetRequiredService<IBot>();
            console.MarkupLine($"[dim]{engine.Status.Entries} entries from {engine.KnowledgeBase.Articles.Count} article(s); "
                + $"feedback goes to {Markup.Escape(options.GetDatabasePath())}. Type bye or press Ctrl-D to leave.[/]");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await stderr.WriteLineAsync($"error: cannot start the bot: {ex.Message}");
            return ExitCodes.BadInput;
        }

        var adapter = new ConsoleChatAdapter(console)
        {
            OnTurnError = host.Services.GetRequiredService<FaqBotTurnErrorHandler>().HandleAsync,
        };
        await adapter.RunAsync(bot, Console.In, cancellationToken);
        return ExitCodes.Ok;
    }
}
