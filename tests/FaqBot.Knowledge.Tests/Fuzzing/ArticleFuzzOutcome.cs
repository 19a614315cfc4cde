using System.Text.RegularExpressions;
using FaqBot.Knowledge.Extraction;

namespace FaqBot.Knowledge.Tests.Fuzzing;

/// <summary>What one fuzzed article file did to the extractor: accepted, rejected with a clear message, or crashed.</summary>
/// <param name="Kind">"accepted", "rejected" or "crash".</param>
/// <param name="Detail">For a rejection, the message kind (the problem with numbers and quotes blanked); for a crash, the exception.</param>
public sealed partial record ArticleFuzzOutcome(string Kind, string Detail)
{
    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> and parses it as the host and CLI would.</summary>
    public static ArticleFuzzOutcome Run(byte[] bytes, string path)
    {
        File.WriteAllBytes(path, bytes);
        try
        {
            var parsed = ArticleParser.ParseFile(path);
            return new ArticleFuzzOutcome("accepted", $"{parsed.Entries.Count} entries");
        }
        catch (ArticleFormatException ex)
        {
            return ex.Message.Length > 0 && ex.Problem.Trim().Length > 0 && ex.FilePath == path
                ? new ArticleFuzzOutcome("rejected", KindOf(ex.Problem))
                : new ArticleFuzzOutcome("crash", $"unclear ArticleFormatException: '{ex.Message}'");
        }
#pragma warning disable CA1031 // The point of a fuzzer is to catch anything else and report it as a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new ArticleFuzzOutcome("crash", ex.ToString());
        }
    }

    /// <summary>"front matter is not valid YAML: (Line: 3 ...)" → "front matter is not valid YAML".</summary>
    public static string KindOf(string problem)
    {
        var unquoted = Quoted().Replace(problem, "…");
        var cut = unquoted.IndexOfAny([';', ':', '(']);
        var head = cut > 0 ? unquoted[..cut] : unquoted;
        return Digits().Replace(head, "#").Trim();
    }

    [GeneratedRegex("\"[^\"]*\"|'[^']*'")]
    private static partial Regex Quoted();

    [GeneratedRegex("[0-9][0-9,]*")]
    private static partial Regex Digits();
}
