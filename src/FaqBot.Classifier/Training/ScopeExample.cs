using FaqBot.Classifier.Answering;
using Microsoft.ML.Data;

namespace FaqBot.Classifier.Training;

/// <summary>One row the scope model learns from or scores: a candidate answer's features and whether it answers.</summary>
public sealed class ScopeExample
{
    /// <summary>True when the question is one the candidate answers.</summary>
    public bool Label { get; set; }

    /// <summary>The candidate's <see cref="Ranking.Features"/>.</summary>
    [VectorType(Ranking.FeatureCount)]
    public float[] Features { get; set; } = [];

    /// <summary>Training weight, so both classes weigh the same.</summary>
    public float Weight { get; set; } = 1;
}
