using System.ComponentModel.DataAnnotations;

namespace FaqBot.Web.Hosting;

/// <summary>Limits on the bot's in-memory conversation and user state (section <c>State</c>).</summary>
public sealed class StateOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "State";

    /// <summary>State not read or written for this long is dropped (the bot then only forgets "Tell me more" context).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromDays(1);

    /// <summary>State entries kept at most; the least recently used are dropped beyond it.</summary>
    [Range(100, 10_000_000)]
    public int MaxEntries { get; set; } = 100_000;
}
