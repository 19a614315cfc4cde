using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FaqBot.Bot.Dialog;

/// <summary>
/// The plain text of a user's message, as every later step (commands, the engine, feedback) must see it: the bot's own
/// @mention removed and, on Teams, which sends message text as HTML, entities decoded and tags stripped; whitespace
/// (non-breaking spaces included) collapsed. A card button's press (a message with only a <c>value</c>) yields the
/// button's action text.
/// </summary>
public static partial class IncomingText
{
    /// <summary>The property of a card button's data that carries the text the button stands for.</summary>
    public const string ActionProperty = "faqbotAction";

    /// <summary>Returns the normalised text of <paramref name="activity"/> (empty when there is none).</summary>
    public static string Of(IMessageActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        // In channels and group chats Teams includes "<at>Bot</at>" in the text; it is not part of the question.
        RecipientMention.Remove(activity);
        var text = activity.Text;

        // A card button (Action.Submit, or messageBack whose text we set) names its action in its data.
        if (ActionOf(activity.Value) is { } action)
        {
            text = action;
        }

        text ??= string.Empty;
        if (activity.ChannelId == Channels.Msteams)
        {
            text = WebUtility.HtmlDecode(BlockTag().Replace(text, " "));
            text = Tag().Replace(text, string.Empty);
        }

        return Whitespace().Replace(text, " ").Trim();
    }

    private static string? ActionOf(object? value) => value switch
    {
        JObject data when data[ActionProperty] is JValue { Type: JTokenType.String } action => (string?)action,
        _ => null,
    };

    // Tags that end a line or paragraph become a space, so "<p>a</p><p>b</p>" does not run "ab" together.
    [GeneratedRegex(@"<\s*(br|/p|/div|/li)\b[^<>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    // An HTML tag: "<" right before a name or "/", so "2 < 3 and 4 > 1" is left alone.
    [GeneratedRegex(@"</?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?/?>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
