using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace FaqBot.Bot.Dialog;

/// <summary>
/// Removes the "&lt;at&gt;Bot&lt;/at&gt;" Teams puts in channel and group messages. Unlike the SDK's
/// <c>RemoveRecipientMention</c>, it takes the mention text literally (not as a regular expression) and skips what a
/// malformed activity lacks (no recipient, a mention without text or without a mentioned account) instead of throwing.
/// </summary>
public static class RecipientMention
{
    /// <summary>Removes every mention of the activity's recipient from its text; anything unusable is left alone.</summary>
    public static void Remove(IMessageActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var botId = activity.Recipient?.Id;
        if (string.IsNullOrEmpty(botId) || string.IsNullOrEmpty(activity.Text) || activity.Entities is not { Count: > 0 } entities)
        {
            return;
        }

        foreach (var entity in entities)
        {
            if (entity is null
                || !string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
                || Read(entity) is not { Text.Length: > 0 } mention
                || mention.Mentioned?.Id != botId)
            {
                continue;
            }

            activity.Text = activity.Text.Replace(mention.Text, string.Empty, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static Mention? Read(Entity entity)
    {
        try
        {
            return entity.GetAs<Mention>();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
