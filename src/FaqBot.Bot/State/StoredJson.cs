namespace FaqBot.Bot.State;

/// <summary>What <see cref="ExpiringMemoryStorage.ReadJson"/> found under a key.</summary>
public enum StoredJson
{
    /// <summary>Nothing is stored under the key (or it expired).</summary>
    Missing,

    /// <summary>JSON stored by <see cref="ExpiringMemoryStorage.WriteJson"/>, now copied to the caller.</summary>
    Json,

    /// <summary>An object stored by <see cref="ExpiringMemoryStorage.WriteAsync"/>: read it with <see cref="ExpiringMemoryStorage.ReadAsync"/>.</summary>
    Object,
}
