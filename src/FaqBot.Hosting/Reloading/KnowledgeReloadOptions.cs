namespace FaqBot.Hosting.Reloading;

/// <summary>Hot reload of the articles (configuration section <c>Knowledge:Reload</c>).</summary>
public sealed class KnowledgeReloadOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Knowledge:Reload";

    /// <summary>Watch <c>Knowledge:ArticlesDirectory</c> and retrain when an article changes.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long the folder must stay quiet before reloading (editors save in several steps).</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often the folder is also compared with what was last seen: catches what file events miss (the folder deleted
    /// and recreated, swapped through a symlink, or on a mount that sends no events).
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
