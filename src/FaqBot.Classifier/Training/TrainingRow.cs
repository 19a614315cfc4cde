namespace FaqBot.Classifier.Training;

/// <summary>A training row: normalised text, class label and example weight (classes are balanced by weight).</summary>
public sealed class TrainingRow
{
    /// <summary>Normalised text.</summary>
    public string Text { get; set; } = "";

    /// <summary>Passage id or out-of-scope.</summary>
    public string Label { get; set; } = "";

    /// <summary>Example weight.</summary>
    public float Weight { get; set; } = 1;
}
