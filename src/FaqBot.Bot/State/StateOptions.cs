namespace FaqBot.Bot.State;

/// <summary>Bounds on conversation state (configuration section <c>Bot:State</c>).</summary>
public sealed class StateOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Bot:State";

    /// <summary>State not read or written for this long is dropped; the next turn starts a fresh conversation state.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>At most this many keys are kept in memory; when full, the least recently used are dropped first.</summary>
    public int MaxEntries { get; set; } = 100_000;

    /// <summary>How often the in-memory entry count is logged; zero turns the log off.</summary>
    public TimeSpan MonitorInterval { get; set; } = TimeSpan.FromMinutes(5);
}
