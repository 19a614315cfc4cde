using System.Collections.Concurrent;
using Microsoft.Bot.Schema;

namespace FaqBot.Web.Tests.Support;

/// <summary>Records every activity that reached the test bot, to prove refused requests never did.</summary>
internal sealed class TurnLog
{
    private readonly ConcurrentQueue<IActivity> _activities = new();

    public IReadOnlyList<IActivity> Activities => [.. _activities];

    public void Add(IActivity activity) => _activities.Enqueue(activity);
}
