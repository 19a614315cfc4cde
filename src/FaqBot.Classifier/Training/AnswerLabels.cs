namespace FaqBot.Classifier.Training;

/// <summary>Label conventions of the classifier.</summary>
public static class AnswerLabels
{
    /// <summary>The out-of-scope class.</summary>
    public const string OutOfScope = "__oos__";
}
