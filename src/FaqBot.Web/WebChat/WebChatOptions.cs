using System.ComponentModel.DataAnnotations;

namespace FaqBot.Web.WebChat;

/// <summary>Whether this host serves the Web Chat page and the built-in Direct Line endpoint (section <c>WebChat</c>).</summary>
public sealed class WebChatOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "WebChat";

    /// <summary>
    /// True: the page at <c>/</c>, <c>POST /api/directline/token</c> and <c>/v3/directline</c> are served, to anyone who can
    /// reach the host. Unset: on in local mode, off when <c>MicrosoftAppId</c> is set (a host registered for Teams does
    /// not open an anonymous chat unless asked to).
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// Page tokens (<c>POST /api/directline/token</c>, one per page load) one client may get per minute; beyond it, 429. A
    /// budget of its own, so a client opening conversations by script cannot lock the page out for everyone at its address.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxTokensPerMinute { get; set; } = 60;

    /// <summary>True when the page and the built-in Direct Line are served (after <see cref="Enabled"/> is resolved at start).</summary>
    public bool IsEnabled => Enabled == true;
}
