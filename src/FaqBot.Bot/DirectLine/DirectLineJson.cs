using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace FaqBot.Bot.DirectLine;

/// <summary>Activity (de)serialization the way Bot Framework channels do it: Newtonsoft, nulls left out.</summary>
public static class DirectLineJson
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        Formatting = Formatting.None,
        MaxDepth = 64,
    };

    /// <summary>The activity as compact JSON, nulls left out.</summary>
    public static string Serialize(Activity activity) => JsonConvert.SerializeObject(activity, Settings);

    /// <summary>An activity from JSON; throws <see cref="JsonException"/> when it is not one.</summary>
    public static Activity? Deserialize(string json) => JsonConvert.DeserializeObject<Activity>(json, Settings);
}
