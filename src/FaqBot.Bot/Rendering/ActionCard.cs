using FaqBot.Bot.Dialog;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FaqBot.Bot.Rendering;

/// <summary>
/// A message with buttons as an Adaptive Card (schema 1.5, the newest Teams renders), written as JSON because the
/// AdaptiveCards package is not available: the text in one TextBlock, each action an <c>Action.Submit</c> whose data
/// is a Teams <c>messageBack</c> (the click shows in the conversation as the user's words, and the bot gets the text
/// without an @mention) and also names the action in <see cref="IncomingText.ActionProperty"/> for clients that send
/// the data as the message's <c>value</c>.
/// </summary>
public static class ActionCard
{
    /// <summary>The attachment content type of an Adaptive Card.</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The Adaptive Card schema version Teams supports for bots.</summary>
    public const string Version = "1.5";

    /// <summary>The card for <paramref name="markdown"/> (already rendered for the channel) with one button per action.</summary>
    public static Attachment Create(string markdown, IReadOnlyList<string> actions)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(actions);
        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = new JArray(new JObject { ["type"] = "TextBlock", ["text"] = markdown, ["wrap"] = true }),
            ["actions"] = new JArray(actions.Select(action => new JObject
            {
                ["type"] = "Action.Submit",
                ["title"] = action,
                ["data"] = new JObject
                {
                    ["msteams"] = new JObject { ["type"] = "messageBack", ["text"] = action, ["displayText"] = action },
                    [IncomingText.ActionProperty] = action,
                },
            })),
        };
        return new Attachment { ContentType = ContentType, Content = card };
    }
}
