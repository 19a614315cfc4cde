using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using FaqBot.Bot.Feedback;
using Microsoft.Data.Sqlite;

namespace FaqBot.Cli.Tests.Faults;

/// <summary>
/// The bot in a process of its own (<c>faqbot chat</c>, the real bot, engine and SQLite store), killed with SIGKILL
/// right after it told the user it noted their questions: every question it said it noted is in the database.
/// </summary>
public sealed partial class FeedbackSurvivesKillTests : IDisposable
{
    private const string Prompt = "you>";
    private const string Noted = "I've noted your question";

    private readonly string _folder = Directory.CreateTempSubdirectory("faqbot-kill-").FullName;

    [Fact]
    public async Task Every_question_the_bot_said_it_noted_is_stored_after_the_process_is_killed()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var data = Path.Combine(_folder, "data");
        using var bot = StartChat(data);
        var output = new StringBuilder();
        var reader = ReadAllAsync(bot.StandardOutput, output, timeout.Token);

        // The first prompt comes once the model is trained and the welcome shown; each later one once a turn is done.
        await WaitForPromptsAsync(output, 1, reader, timeout.Token);
        string[] questions = [.. Enumerable.Range(1, 12).Select(i => $"How do I replace the clutch on a 19{70 + i} diesel tractor?")];
        for (var i = 0; i < questions.Length; i++)
        {
            await bot.StandardInput.WriteLineAsync(questions[i]);
            await bot.StandardInput.FlushAsync();
            await WaitForPromptsAsync(output, i + 2, reader, timeout.Token);
        }

        bot.Kill(); // SIGKILL: no shutdown, no flush, no dispose
        await bot.WaitForExitAsync(timeout.Token);
        var noted = Count(output, Noted);

        Assert.True(noted >= questions.Length / 2, $"the bot declined only {noted} of {questions.Length} off-topic questions:\n{output}");
        var stored = await StoredQuestionsAsync(Path.Combine(data, "feedback.db"));
        Assert.Equal(noted, stored.Count);
        Assert.All(stored, question => Assert.Contains(question, questions));
    }

    private Process StartChat(string data)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "faqbot.dll"), "chat", "--data", data])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Knowledge__ArticlesDirectory"] = Path.Combine(CliRunner.RepoRoot, "data", "articles");
        start.Environment["Classifier__ModelDirectory"] = Path.Combine(_folder, "model");
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task ReadAllAsync(StreamReader stdout, StringBuilder output, CancellationToken cancellationToken)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await stdout.ReadAsync(buffer, cancellationToken)) > 0)
        {
            lock (output)
            {
                output.Append(buffer, 0, read);
                Monitor.PulseAll(output);
            }
        }
    }

    private static async Task WaitForPromptsAsync(StringBuilder output, int prompts, Task reader, CancellationToken cancellationToken)
    {
        while (Count(output, Prompt) < prompts)
        {
            if (reader.IsCompleted)
            {
                throw new InvalidOperationException($"faqbot chat stopped before prompt {prompts}:\n{output}");
            }

            await Task.Run(() =>
            {
                lock (output)
                {
                    // Woken by the reader on new output; the timeout only re-checks whether the reader ended.
                    Monitor.Wait(output, TimeSpan.FromSeconds(1));
                }
            }, cancellationToken);
        }
    }

    private static int Count(StringBuilder output, string text)
    {
        string all;
        lock (output)
        {
            all = output.ToString();
        }

        // Replies are wrapped to the terminal's width: compare with every run of whitespace as one space.
        return Regex.Matches(Whitespace().Replace(all, " "), Regex.Escape(text)).Count;
    }

    private static async Task<List<string>> StoredQuestionsAsync(string databasePath)
    {
        var items = await SqliteFeedbackStore.ReviewAsync(databasePath, new FeedbackReviewQuery([FeedbackKind.Declined], 100), CancellationToken.None);
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", (string?)await check.ExecuteScalarAsync());
        return [.. items!.SelectMany(item => Enumerable.Repeat(item.Question, item.Count))];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
