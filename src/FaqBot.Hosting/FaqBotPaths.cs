using FaqBot.Classifier.Hosting;
using FaqBot.Knowledge;

namespace FaqBot.Hosting;

/// <summary>
/// Every folder FaqBot reads or writes, as absolute paths: the one place relative settings are resolved against the
/// content root.
/// </summary>
/// <param name="ContentRoot">The folder holding <c>appsettings.json</c>; relative settings are resolved against it.</param>
/// <param name="ArticlesDirectory">The Markdown articles (<c>Knowledge:ArticlesDirectory</c>).</param>
/// <param name="ModelDirectory">Where the trained model is stored (<c>Classifier:ModelDirectory</c>).</param>
/// <param name="ClassifierDataDirectory">The lexicon and out-of-scope questions (<c>Classifier:DataDirectory</c>).</param>
public sealed record FaqBotPaths(string ContentRoot, string ArticlesDirectory, string ModelDirectory, string ClassifierDataDirectory)
{
    /// <summary>Resolves the configured folders against <paramref name="contentRoot"/> (absolute settings are kept).</summary>
    public static FaqBotPaths Resolve(string contentRoot, KnowledgeOptions knowledge, ClassifierOptions classifier)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(classifier);
        var root = Path.GetFullPath(contentRoot);
        return new FaqBotPaths(
            root,
            Path.GetFullPath(knowledge.ArticlesDirectory, root),
            Path.GetFullPath(classifier.ModelDirectory, root),
            Path.GetFullPath(classifier.DataDirectory, root));
    }
}
