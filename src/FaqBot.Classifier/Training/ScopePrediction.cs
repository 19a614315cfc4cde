namespace FaqBot.Classifier.Training;

/// <summary>The scope model's output.</summary>
public sealed class ScopePrediction
{
    /// <summary>Calibrated probability that the candidate answers the question.</summary>
    public float Probability { get; set; }
}
