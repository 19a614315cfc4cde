using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace FaqBot.Web.DirectLine;

/// <summary>Activity (de)serialization the way Bot Framework channels do it: Newtonsoft, nulls left out.</summary>
internal static class DirectLineJson
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        Formatting = Formatting.None,
        MaxDepth = 64,
    };

    public static string Serialize(Activity activity) => JsonConvert.SerializeObject(activity, Settings);

    public static Activity? Deserialize(string json) => JsonConvert.DeserializeObject<Activity>(json, Settings);
}
