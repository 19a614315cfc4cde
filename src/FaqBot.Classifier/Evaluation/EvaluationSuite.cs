using FaqBot.Classifier.Answering;
using FaqBot.Classifier.Hosting;
using FaqBot.Knowledge.Extraction;
using FaqBot.Knowledge.Model;

namespace FaqBot.Classifier.Evaluation;

/// <summary>
/// A folder of evaluation sets, as in <c>tests/EvalSets</c>: each sub-folder with <c>articles/</c> and
/// <c>questions.tsv</c> is one set judged on its own articles as the whole knowledge base; a sub-folder with only
/// <c>questions.tsv</c> (such as <c>combined/</c>) is judged on one knowledge base holding every set's articles.
/// </summary>
public static class EvaluationSuite
{
    /// <summary>The name under which the shared knowledge base's results are reported.</summary>
    public const string AllArticles = "all articles in one knowledge base";

    /// <summary>Evaluates every set; <paramref name="loaderFor"/> gives the loader (and so the model folder) of a set.</summary>
    /// <param name="folder">The folder of sets.</param>
    /// <param name="loaderFor">A loader for a set's name; one model folder per set keeps reruns quick.</param>
    /// <param name="combined">Also judge every question on one knowledge base of all articles.</param>
    /// <param name="progress">What is being trained or evaluated.</param>
    /// <param name="settings">Answer with these settings instead of the trained model's (e.g. <see cref="Baseline"/>).</param>
    public static IReadOnlyList<(string Set, EvaluationReport Report)> Run(
        string folder, Func<string, AnswerEngineLoader> loaderFor, bool combined, IProgress<string>? progress = null, AnswerSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(loaderFor);
        var sets = Directory.GetDirectories(folder)
            .Where(d => File.Exists(Path.Combine(d, "questions.tsv")))
            .OrderBy(d => d, StringComparer.Ordinal)
            .ToList();
        if (sets.Count == 0)
        {
            throw new FileNotFoundException($"{folder} holds no evaluation sets (sub-folders with questions.tsv).");
        }

        var withArticles = sets.Where(d => Directory.Exists(Path.Combine(d, "articles"))).ToList();
        var results = new List<(string, EvaluationReport)>();
        foreach (var set in withArticles)
        {
            var name = Path.GetFileName(set);
            progress?.Report($"Evaluating {name}…");
            var knowledgeBase = KnowledgeExtractor.ExtractDirectory(Path.Combine(set, "articles"));
            results.Add((name, Evaluate(loaderFor(name), knowledgeBase, EvaluationSet.Load(Path.Combine(set, "questions.tsv")), settings)));
        }

        if (combined && withArticles.Count > 0)
        {
            progress?.Report("Evaluating every question on one knowledge base of all articles…");
            var files = withArticles.SelectMany(d => Directory.GetFiles(Path.Combine(d, "articles"), "*.md", SearchOption.AllDirectories)).ToList();
            var questions = sets.SelectMany(d => EvaluationSet.Load(Path.Combine(d, "questions.tsv"))).ToList();
            results.Add((AllArticles, Evaluate(loaderFor("all-articles"), KnowledgeExtractor.Extract(files), questions, settings)));
        }

        return results;
    }

    /// <summary>
    /// The plain baseline the engine is compared with: the embedding's cosine over "heading: passage" plus 0.1 × BM25
    /// relative to the best, one passage shown, nothing declined, no training used.
    /// </summary>
    public static AnswerSettings Baseline { get; } = new(DeclineThreshold: 0, ClarificationMargin: 0, LexicalWeight: 0.1f, SentenceWeight: 0, MaxShownLength: 0);

    private static EvaluationReport Evaluate(AnswerEngineLoader loader, KnowledgeBase knowledgeBase, IReadOnlyList<Training.LabelledQuestion> questions, AnswerSettings? settings)
    {
        var answerer = loader.LoadOrTrain(knowledgeBase, out _);
        return Evaluator.Evaluate(new AnswerEngine(settings is null ? answerer : answerer.WithSettings(settings)), questions);
    }
}
