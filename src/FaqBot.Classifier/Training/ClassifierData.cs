using System.Reflection;
using FaqBot.Classifier.Text;

namespace FaqBot.Classifier.Training;

/// <summary>
/// The article-independent data the classifier ships with: the slang/synonym lexicon and the generic out-of-scope
/// questions. Read from <c>data/classifier</c> when present (so they can be edited), else from the copies built into
/// the assembly.
/// </summary>
/// <param name="LexiconText">Raw <c>lexicon.tsv</c>.</param>
/// <param name="NegativesText">Raw <c>out-of-scope.txt</c>.</param>
public sealed record ClassifierData(string LexiconText, string NegativesText)
{
    /// <summary>File name of the lexicon.</summary>
    public const string LexiconFile = "lexicon.tsv";

    /// <summary>File name of the out-of-scope questions.</summary>
    public const string NegativesFile = "out-of-scope.txt";

    /// <summary>The parsed lexicon.</summary>
    public Lexicon Lexicon => Lexicon.Parse(LexiconText, LexiconFile);

    /// <summary>The out-of-scope questions, one a line, comments dropped.</summary>
    public IReadOnlyList<string> Negatives => NegativesText.Split('\n')
        .Select(l => l.Trim())
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .ToList();

    /// <summary>Loads the files from <paramref name="directory"/>, falling back per file to the built-in copies.</summary>
    public static ClassifierData Load(string? directory)
    {
        return new ClassifierData(Read(directory, LexiconFile), Read(directory, NegativesFile));
    }

    /// <summary>The built-in copies.</summary>
    public static ClassifierData BuiltIn() => Load(null);

    private static string Read(string? directory, string file)
    {
        if (directory is not null)
        {
            var path = Path.Combine(directory, file);
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        var name = "FaqBot.Classifier.Data." + file;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Built-in resource '{name}' is missing from FaqBot.Classifier.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
