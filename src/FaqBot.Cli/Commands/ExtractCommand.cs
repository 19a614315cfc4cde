using System.CommandLine;
using FaqBot.Knowledge;
using FaqBot.Knowledge.Extraction;
using FaqBot.Knowledge.Lint;
using FaqBot.Knowledge.Serialization;
using FaqBot.Knowledge.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
        var strict = new Option<bool>("--strict")
        {
            Description = "Fail on the first page that cannot be used (for a CI that checks articles) instead of skipping it.",
        };
        var baseUrl = new Option<string?>("--base-url")
        {
            Description = "Public address of the articles folder; relative links resolve against it (default: Knowledge:BaseUrl).",
        };

        var command = new Command("extract", "Extract a knowledge base (questions, answers, passages, links) from Markdown articles.\n"
            + "A page that cannot be used is skipped with a warning naming its file and line (--strict fails instead); "
            + "a summary of pages, snippets, entries and passages goes to stderr.\n"
            + "Exit codes: 0 done, 1 bad input (the message names the file and line), 2 bad command line.")
        {
            paths, articles, output, format, strict, baseUrl,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new ExtractRequest(
                parseResult.GetValue(paths) ?? [],
                parseResult.GetValue(articles),
                parseResult.GetValue(output),
                parseResult.GetValue(format) ?? "json",
                parseResult.GetValue(strict),
                parseResult.GetValue(baseUrl)),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ExtractRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var outputPath = request.OutputPath;
        ExtractionResult result;
        try
        {
            var configured = ConfiguredKnowledge();
            var articlesDirectory = request.Articles ?? configured.ArticlesDirectory;
            if (request.Paths.Length == 0 && !Directory.Exists(articlesDirectory))
            {
                await stderr.WriteLineAsync($"error: articles folder '{articlesDirectory}' not found; run from the repository root, "
                    + "pass --articles DIR, or name the article files.");
                return ExitCodes.BadInput;
            }

            configured.BaseUrl = request.BaseUrl ?? configured.BaseUrl;
            var options = configured.ToExtractionOptions(request.Strict);
            result = KnowledgeExtractor.ExtractPaths(request.Paths.Length == 0 ? [articlesDirectory] : request.Paths, articlesDirectory, options);
        }
        catch (Exception ex) when (ex is ArticleFormatException or FormatException or CommandException)
        {
            // A page (when strict), --base-url, or a setting that fails validation: one line naming it, no stack trace.
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }

        await ExtractionSummary.WriteAsync(result, stderr);
        var knowledgeBase = result.KnowledgeBase;
        if (knowledgeBase.Entries.Count == 0)
        {
            await stderr.WriteLineAsync("error: no page could be used, so there is nothing to answer with; fix the pages listed above.");
            return ExitCodes.BadInput;
        }

        foreach (var finding in KnowledgeBaseLinter.Lint(knowledgeBase))
        {
            await stderr.WriteLineAsync(finding.ToString());
        }

        var text = request.Format == "tsv" ? QnaMakerTsv.Write(knowledgeBase) : KnowledgeBaseJson.Serialize(knowledgeBase) + "\n";
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

    // The Knowledge section as the hosts read it, with the articles folder resolved against the content root.
    private static KnowledgeOptions ConfiguredKnowledge()
    {
        using var host = CliHost.Build();
        var options = CliHost.Valid(() => host.Services.GetRequiredService<IOptions<KnowledgeOptions>>().Value);
        options.ArticlesDirectory = host.Paths().ArticlesDirectory;
        return options;
    }

    private sealed record ExtractRequest(string[] Paths, string? Articles, string? OutputPath, string Format, bool Strict, string? BaseUrl);
}
