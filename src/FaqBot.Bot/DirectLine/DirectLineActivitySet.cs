using System.Globalization;
using System.Text;

namespace FaqBot.Bot.DirectLine;

/// <summary>A page of a conversation's activities (as stored JSON) and the watermark to ask from next time.</summary>
/// <param name="Activities">Each activity's JSON, oldest first.</param>
/// <param name="Watermark">The sequence number of the last activity the client now has.</param>
public sealed record DirectLineActivitySet(IReadOnlyList<string> Activities, long Watermark)
{
    /// <summary>Direct Line's wire shape: <c>{"activities":[…],"watermark":"N"}</c>, the watermark as a string.</summary>
    public string ToJson()
    {
        var json = new StringBuilder("{\"activities\":[");
        for (var i = 0; i < Activities.Count; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            json.Append(Activities[i]);
        }

        return json.Append("],\"watermark\":\"")
            .Append(Watermark.ToString(CultureInfo.InvariantCulture))
            .Append("\"}")
            .ToString();
    }
}
