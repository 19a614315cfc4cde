using System.Data;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace FaqBot.Bot.State;

/// <summary>
/// What FaqBot's <see cref="IStorage"/> implementations share: state as JSON text that reads back as the bot's own types,
/// and Bot Builder's ETag rule for <see cref="IStoreItem"/> values (<c>*</c> or no ETag: the write wins; a stale ETag: refused).
/// </summary>
public static class StoredState
{
    // Type names are written only where the declared type does not give them (the root and BotState's object values),
    // so a state property reads back as the object the dialog changes; the binder refuses any type but the bot's own data
    // and collections of it, as the text may come from a shared database.
    private static readonly JsonSerializerSettings Settings = new()
    {
        TypeNameHandling = TypeNameHandling.Auto,
        SerializationBinder = new StateTypesBinder(),
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
        MaxDepth = 64,
    };

    /// <summary>The JSON text stored for <paramref name="value"/>.</summary>
    public static string ToJson(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonConvert.SerializeObject(value, typeof(object), Settings);
    }

    /// <summary>The object stored as <paramref name="json"/>, carrying <paramref name="eTag"/> when it is an <see cref="IStoreItem"/>.</summary>
    public static object FromJson(string json, string eTag)
    {
        var value = JsonConvert.DeserializeObject(json, typeof(object), Settings)
            ?? throw new JsonSerializationException("Stored state is the JSON null.");
        if (value is IStoreItem item)
        {
            item.ETag = eTag;
        }

        return value;
    }

    /// <summary>The ETag a write of <paramref name="value"/> must match, or null when it overwrites whatever is stored.</summary>
    public static string? RequiredETag(string key, object value) => value switch
    {
        IStoreItem { ETag: null or "*" } => null,
        IStoreItem { ETag: "" } => throw new ArgumentException($"State '{key}' has an empty ETag: give the one it was read with, or '*' to overwrite.", nameof(value)),
        IStoreItem item => item.ETag,
        _ => null,
    };

    /// <summary>The error for a write whose ETag is no longer the stored one.</summary>
    public static DBConcurrencyException Conflict(string key, string eTag) =>
        new($"State '{key}' was changed by someone else after it was read (ETag '{eTag}' is stale); read it again and retry.");

    private sealed class StateTypesBinder : DefaultSerializationBinder
    {
        public override Type BindToType(string? assemblyName, string typeName)
        {
            var type = base.BindToType(assemblyName, typeName);
            return IsAllowed(type) ? type : throw new JsonSerializationException($"Stored state names type '{type}', which is not bot state; refusing to create it.");
        }

        private static bool IsAllowed(Type type) =>
            type.IsPrimitive || type == typeof(string) || type == typeof(object) || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
            || type.Assembly.GetName().Name is { } name && (name.StartsWith("FaqBot.", StringComparison.Ordinal) || name.StartsWith("Microsoft.Bot.", StringComparison.Ordinal))
            || type.IsArray && IsAllowed(type.GetElementType()!)
            || type.IsGenericType && type.Namespace == "System.Collections.Generic" && type.GetGenericArguments().All(IsAllowed);
    }
}
