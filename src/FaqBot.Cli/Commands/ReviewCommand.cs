using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FaqBot.Bot;
using FaqBot.Bot.Feedback;
using FaqBot.Storage.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Spectre.Console;

namespace FaqBot.Cli.Commands;

/// <summary><c>review</c>: the questions the articles did not serve (declined, none of these, unhelpful), most frequent first.</summary>
public static class ReviewCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var data = new Option<string?>("--data")
        {
            Description = $"Folder holding {BotOptions.DatabaseFileName} (default: Bot:DataDirectory from appsettings.json, else data).",
        };
        var kinds = new Option<string[]>("--kind")
        {
            Description = "Kinds to list: declined, none_of_these, unhelpful, helpful (repeatable; default: the first three).",
            AllowMultipleArgumentsPerToken = true,
        };
        var top = new Option<int>("--top")
        {
            Description = "List at most this many questions.",
            DefaultValueFactory = _ => 20,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "table (for people) or json (for scripts).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json");

        var command = new Command("review", "List the questions the bot declined, could not pin down (\"None of these\") or answered unhelpfully, "
            + "grouped by normalised question, most frequent first: what to add to the articles next.\n"
            + "Exit codes: 0 done, 1 bad input (missing folder or unreadable database), 2 bad command line.")
        {
            data, kinds, top, format,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(data),
            parseResult.GetValue(kinds) ?? [],
            parseResult.GetValue(top),
            parseResult.GetValue(format) ?? "table",
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? dataOption, string[] kindNames, int top, string format,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (top < 1)
        {
            await stderr.WriteLineAsync("error: --top must be at least 1.");
            return ExitCodes.Usage;
        }

        var kinds = new List<FeedbackKind>();
        foreach (var name in kindNames.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!FeedbackKinds.TryParse(name, out var kind))
            {
                await stderr.WriteLineAsync($"error: unknown --kind '{name}'; use declined, none_of_these, unhelpful or helpful.");
                return ExitCodes.Usage;
            }

            kinds.Add(kind);
        }

        using var host = CliHost.Build();
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        if (dataOption is null && storage.Provider == StorageProvider.Postgres)
        {
            return await ReviewPostgresAsync(configuration.GetConnectionString(StorageOptions.ConnectionStringName), new FeedbackReviewQuery(kinds, top), format, stdout, stderr, cancellationToken);
        }

        string databasePath;
        if (dataOption is not null)
        {
            if (!Directory.Exists(dataOption))
            {
                await stderr.WriteLineAsync($"error: data folder '{dataOption}' not found.");
                return ExitCodes.BadInput;
            }

            databasePath = Path.GetFullPath(Path.Combine(dataOption, BotOptions.DatabaseFileName));
        }
        else
        {
            databasePath = host.BotOptions().GetDatabasePath();
        }

        IReadOnlyList<FeedbackReviewItem>? items;
        try
        {
            items = await SqliteFeedbackStore.ReviewAsync(databasePath, new FeedbackReviewQuery(kinds, top), cancellationToken);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            await stderr.WriteLineAsync($"error: cannot read the feedback database '{databasePath}': {ex.Message}");
            return ExitCodes.BadInput;
        }

        if (items is null)
        {
            await stderr.WriteLineAsync($"No feedback recorded yet: '{databasePath}' does not exist (the bot creates it on the first event).");
            items = [];
        }

        return await WriteAsync(items, databasePath, format, stdout);
    }

    // Storage:Provider=Postgres: the rows every replica stored, read from ConnectionStrings:FaqBot (schema migrated first).
    private static async Task<int> ReviewPostgresAsync(string? connectionString, FeedbackReviewQuery query, string format,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        NpgsqlConnectionStringBuilder target;
        try
        {
            target = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            await stderr.WriteLineAsync($"error: ConnectionStrings:FaqBot is not a PostgreSQL connection string: {ex.Message}");
            return ExitCodes.BadInput;
        }

        var source = $"PostgreSQL {target.Host}:{target.Port}/{target.Database}";
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(target.ConnectionString);
            await PostgresSchema.MigrateAsync(dataSource, cancellationToken);
            var items = await new PostgresFeedbackStore(dataSource).ReviewAsync(query, cancellationToken);
            return await WriteAsync(items, source, format, stdout);
        }
        catch (NpgsqlException ex)
        {
            await stderr.WriteLineAsync($"error: cannot read feedback from {source}: {ex.Message}");
            return ExitCodes.BadInput;
        }
    }

    private static async Task<int> WriteAsync(IReadOnlyList<FeedbackReviewItem> items, string source, string format, TextWriter stdout)
    {
        // Rows stored before questions were cleaned on the way in may still hold escape sequences meant for this terminal.
        items = [.. items.Select(item => item with { Question = ControlCharacters.Strip(item.Question) })];
        if (format == "json")
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(items, Json));
            return ExitCodes.Ok;
        }

        WriteTable(stdout, items, source);
        return ExitCodes.Ok;
    }

    private static void WriteTable(TextWriter stdout, IReadOnlyList<FeedbackReviewItem> items, string source)
    {
        var piped = !ReferenceEquals(stdout, Console.Out) || Console.IsOutputRedirected;

        // Piped or captured output gets plain text: no colour codes for a file or a pager to show raw.
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = piped ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = piped ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        if (piped)
        {
            // No terminal width to respect, so do not wrap questions mid-word.
            console.Profile.Width = 200;
        }

        if (items.Count == 0)
        {
            console.MarkupLine($"[green]Nothing to review[/] in {Markup.Escape(source)}.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"Questions to review ({source})"));
        table.AddColumn(new TableColumn("#").RightAligned());
        table.AddColumn(new TableColumn("Count").RightAligned());
        table.AddColumn("Kinds");
        table.AddColumn("Question (latest wording)");
        table.AddColumn("Entry");
        table.AddColumn("Last seen (UTC)");
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            table.AddRow(
                (i + 1).ToString(CultureInfo.InvariantCulture),
                item.Count.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(", ", item.CountsByKind.Select(k => $"{k.Key} {k.Value}"))),
                Markup.Escape(item.Question),
                Markup.Escape(string.Join(", ", item.EntryIds.Select(ShortEntryId))),
                item.LastSeen.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }

    // Entry ids repeat the article slug; the part after "--" is what tells entries apart in a narrow column.
    private static string ShortEntryId(string id) => id.Contains("--", StringComparison.Ordinal) ? id[(id.IndexOf("--", StringComparison.Ordinal) + 2)..] : id;
}
