namespace FaqBot.Classifier.Training;

/// <summary>The classifier's input row: normalised content stems.</summary>
public sealed class QueryRow
{
    /// <summary>Normalised text (see <see cref="Text.QueryNormalizer.Featurize(string?)"/>).</summary>
    public string Text { get; set; } = "";
}
