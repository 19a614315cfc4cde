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

    /// <summary>Overrides the decline threshold (the confidence below which questions are declined).</summary>
    public float? DeclineThreshold { get; set; }

    /// <summary>Overrides the lead of the best entry over the next under which "Did you mean…?" is offered.</summary>
    public float? ClarificationMargin { get; set; }

    /// <summary>The training seed.</summary>
    public int Seed { get; set; } = 1;
}
