namespace FaqBot.Classifier.Reloading;

/// <summary>Hot reload of the articles (configuration section <c>Knowledge:Reload</c>).</summary>
public sealed class KnowledgeReloadOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Knowledge:Reload";

    /// <summary>Watch <c>Knowledge:ArticlesDirectory</c> and retrain when an article changes.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long the folder must stay quiet before reloading (editors save in several steps).</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(1);
}
