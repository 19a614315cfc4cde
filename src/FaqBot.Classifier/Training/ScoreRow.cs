using Microsoft.ML.Data;

namespace FaqBot.Classifier.Training;

/// <summary>The classifier's output row: one probability per class, in the model's class order.</summary>
public sealed class ScoreRow
{
    /// <summary>Class probabilities.</summary>
    [ColumnName("Score")]
    public float[] Score { get; set; } = [];
}
