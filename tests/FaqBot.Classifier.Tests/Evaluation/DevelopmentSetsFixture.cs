using FaqBot.Classifier.Answering;
using FaqBot.Classifier.Evaluation;
using FaqBot.Classifier.Hosting;
using FaqBot.Classifier.Training;
using FaqBot.Knowledge.Extraction;

namespace FaqBot.Classifier.Tests.Evaluation;

/// <summary>One engine per development set in <c>tests/EvalSets/dev</c>, each trained on its own articles only.</summary>
public sealed class DevelopmentSetsFixture : IDisposable
{
    private readonly string _models = Directory.CreateTempSubdirectory("faqbot-eval-tests-").FullName;

    public DevelopmentSetsFixture()
    {
        Sets = [.. Directory.GetDirectories(RepoPaths.EvaluationSets("dev"))
            .Where(d => Directory.Exists(Path.Combine(d, "articles")))
            .Order(StringComparer.Ordinal)
            .Select(d =>
            {
                var name = Path.GetFileName(d);
                var loader = new AnswerEngineLoader(
                    new ClassifierOptions { ModelDirectory = Path.Combine(_models, name), DataDirectory = RepoPaths.ClassifierData }, RepoPaths.Root);
                var engine = new AnswerEngine(loader.LoadOrTrain(KnowledgeExtractor.ExtractDirectory(Path.Combine(d, "articles")), out _));
                return new DevelopmentSet(name, engine, EvaluationSet.Load(Path.Combine(d, "questions.tsv")));
            })];
    }

    public IReadOnlyList<DevelopmentSet> Sets { get; }

    public void Dispose() => Directory.Delete(_models, recursive: true);
}

/// <summary>A development set: its name, an engine trained on its articles, and its questions.</summary>
public sealed record DevelopmentSet(string Name, IAnswerEngine Engine, IReadOnlyList<LabelledQuestion> Questions);
