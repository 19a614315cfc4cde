using Microsoft.Bot.Schema;

namespace FaqBot.Bot.Tests.Fakes;

/// <summary>Small assertions on bot replies, for <c>TestFlow.AssertReply(Action&lt;IActivity&gt;)</c>.</summary>
public static class Replies
{
    public static IReadOnlyList<string> Actions(IActivity activity) =>
        activity.AsMessageActivity()?.SuggestedActions?.Actions?.Select(a => a.Title).ToList() ?? [];

    public static string Text(IActivity activity) => activity.AsMessageActivity()?.Text ?? string.Empty;

    public static Action<IActivity> Containing(string text, params string[] actions) => activity =>
    {
        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Contains(text, Text(activity), StringComparison.Ordinal);
        Assert.Equal(actions, Actions(activity));
    };

    /// <summary>Every suggested action is an imBack whose value is its title (so typing the title does the same).</summary>
    public static void AssertImBacks(IActivity activity)
    {
        foreach (var action in activity.AsMessageActivity()!.SuggestedActions!.Actions)
        {
            Assert.Equal(ActionTypes.ImBack, action.Type);
            Assert.Equal(action.Title, action.Value as string);
        }
    }
}
