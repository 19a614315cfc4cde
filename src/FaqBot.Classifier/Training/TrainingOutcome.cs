using FaqBot.Classifier.Answering;

namespace FaqBot.Classifier.Training;

/// <summary>A trained model, the index it was trained over, and the answerer serving it.</summary>
public sealed class TrainingOutcome
{
    private readonly Lazy<Answerer> _answerer;

    /// <summary>Creates an outcome; <paramref name="answerer"/> is called on first use of <see cref="Answerer"/>.</summary>
    public TrainingOutcome(AnswerModel model, KnowledgeIndex index, IReadOnlyList<string> generatedQuestions, Func<Answerer> answerer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(generatedQuestions);
        ArgumentNullException.ThrowIfNull(answerer);
        Model = model;
        Index = index;
        GeneratedQuestions = generatedQuestions;
        _answerer = new Lazy<Answerer>(answerer);
    }

    /// <summary>The model with its metadata.</summary>
    public AnswerModel Model { get; }

    /// <summary>The knowledge base's index over the model's vectors.</summary>
    public KnowledgeIndex Index { get; }

    /// <summary>The questions generated from the articles.</summary>
    public IReadOnlyList<string> GeneratedQuestions { get; }

    /// <summary>
    /// Answers from the model with its thresholds; built on first use, since answering needs the embedding model, which
    /// a retrain that embeds nothing new never loads.
    /// </summary>
    public Answerer Answerer => _answerer.Value;
}
