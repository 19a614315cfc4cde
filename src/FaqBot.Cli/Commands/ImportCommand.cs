using System.CommandLine;
using FaqBot.Knowledge.Serialization;
using FaqBot.Knowledge.Storage;

namespace FaqBot.Cli.Commands;

/// <summary><c>import</c>: a QnA Maker knowledge-base export (TSV or JSON) → Markdown articles that <c>extract</c> reads back.</summary>
public static class ImportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var export = new Argument<string>("export") { Description = "The QnA Maker export: its TSV (Question, Answer, Source, Metadata, ...) or its JSON (qnaDocuments)." };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Folder to write the articles to (one per source); created if missing.",
            Required = true,
        };
        var force = new Option<bool>("--force") { Description = "Overwrite articles of the same name already in the folder." };
        var command = new Command("import", "Import a QnA Maker knowledge base as Markdown articles: one article per source, its questions as an FAQ.\n"
            + "Exit codes: 0 done, 1 bad input (the message names the file and line), 2 bad command line.")
        {
            export, output, force,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(export)!, parseResult.GetValue(output)!, parseResult.GetValue(force),
            parseResult.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string exportPath, string folder, bool force, TextWriter stderr, CancellationToken cancellationToken)
    {
        IReadOnlyList<(string FileName, string Markdown)> articles;
        int pairs;
        try
        {
            var read = QnaMakerExport.Read(await File.ReadAllTextAsync(exportPath, cancellationToken), exportPath);
            pairs = read.Count;
            articles = QnaMakerArticles.Write(read);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }

        var existing = articles.Select(a => Path.Combine(folder, a.FileName)).Where(File.Exists).ToList();
        if (existing.Count > 0 && !force)
        {
            await stderr.WriteLineAsync($"error: {string.Join(", ", existing)} already exist(s); pass --force to overwrite, or import into another folder.");
            return ExitCodes.BadInput;
        }

        try
        {
            foreach (var (fileName, markdown) in articles)
            {
                await AtomicFile.WriteAllTextAsync(Path.Combine(folder, fileName), markdown, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"error: cannot write to '{folder}': {ex.Message}");
            return ExitCodes.BadInput;
        }

        await stderr.WriteLineAsync($"imported {pairs} question/answer pair(s) into {articles.Count} article(s) in {folder}");
        return ExitCodes.Ok;
    }
}
