namespace FaqBot.Classifier.Hosting;

/// <summary>The <c>Classifier</c> section of <c>appsettings.json</c>.</summary>
public sealed class ClassifierOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Classifier";

    /// <summary>Where the model is stored (relative paths resolve against the content root).</summary>
    public string ModelDirectory { get; set; } = "data/model";

    /// <summary>Where the lexicon and out-of-scope questions live; the built-in copies are used for missing files.</summary>
    public string DataDirectory { get; set; } = "data/classifier";

    /// <summary>Overrides the calibrated decline threshold (in-scope probability below which questions are declined).</summary>
    public float? DeclineThreshold { get; set; }

    /// <summary>Overrides the calibrated top-2 margin under which "did you mean" is offered.</summary>
    public float? ClarificationMargin { get; set; }

    /// <summary>Weight of BM25 against the classifier when choosing the passage inside an entry.</summary>
    public float LexicalWeight { get; set; } = 4f;

    /// <summary>Weight of the match between the question and an entry's own questions and headings.</summary>
    public float QuestionWeight { get; set; } = 4f;

    /// <summary>The training seed.</summary>
    public int Seed { get; set; } = 1;
}
