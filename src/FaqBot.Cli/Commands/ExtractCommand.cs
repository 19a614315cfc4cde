using System.CommandLine;
using FaqBot.Knowledge;
using FaqBot.Knowledge.Extraction;
using FaqBot.Knowledge.Lint;
using FaqBot.Knowledge.Model;
using FaqBot.Knowledge.Serialization;
using FaqBot.Knowledge.Storage;

namespace FaqBot.Cli.Commands;

/// <summary><c>extract</c>: Markdown articles → knowledge base JSON (or QnA Maker TSV), with lint on stderr.</summary>
public static class ExtractCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Article files or folders to read (default: the articles folder).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        // Unknown options would otherwise be taken as article paths and reported as missing files.
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-') && !File.Exists(t.Value)))
            {
                result.AddError($"Unrecognized option '{token.Value}'.");
            }
        });
        var articles = new Option<string?>("--articles")
        {
            Description = "Folder of *.md articles (default: Knowledge:ArticlesDirectory from appsettings.json, else data/articles).",
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Write to this file (atomically: never half-written) instead of stdout.",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "json: the knowledge base; tsv: QnA Maker's Question/Answer/Source/Metadata layout.",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "tsv");

        var command = new Command("extract", "Extract a knowledge base (questions, answers, passages, links) from Markdown articles.\n"
            + "Exit codes: 0 done, 1 bad input (the message names the file and line), 2 bad command line.")
        {
            paths, articles, output, format,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(paths) ?? [],
            parseResult.GetValue(articles),
            parseResult.GetValue(output),
            parseResult.GetValue(format) ?? "json",
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, string? articlesOption, string? outputPath, string format,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var articlesDirectory = articlesOption ?? ConfiguredArticlesDirectory();
        KnowledgeBase knowledgeBase;
        try
        {
            if (paths.Length == 0 && !Directory.Exists(articlesDirectory))
            {
                await stderr.WriteLineAsync($"error: articles folder '{articlesDirectory}' not found; run from the repository root, "
                    + "pass --articles DIR, or name the article files.");
                return ExitCodes.BadInput;
            }

            knowledgeBase = paths.Length == 0
                ? KnowledgeExtractor.ExtractDirectory(articlesDirectory)
                : KnowledgeExtractor.Extract(paths, articlesDirectory);
        }
        catch (ArticleFormatException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }

        foreach (var finding in KnowledgeBaseLinter.Lint(knowledgeBase))
        {
            await stderr.WriteLineAsync(finding.ToString());
        }

        var text = format == "tsv" ? QnaMakerTsv.Write(knowledgeBase) : KnowledgeBaseJson.Serialize(knowledgeBase) + "\n";
        if (outputPath is null)
        {
            await stdout.WriteAsync(text);
            await stdout.FlushAsync(cancellationToken);
        }
        else
        {
            try
            {
                await AtomicFile.WriteAllTextAsync(outputPath, text, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"error: cannot write '{outputPath}': {ex.Message}");
                return ExitCodes.BadInput;
            }

            await stderr.WriteLineAsync($"wrote {knowledgeBase.Entries.Count} entries from {knowledgeBase.Articles.Count} article(s) to {outputPath}");
        }

        return ExitCodes.Ok;
    }

    private static string ConfiguredArticlesDirectory() => CliHost.Build().Paths().ArticlesDirectory;
}
