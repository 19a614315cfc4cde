namespace FaqBot.Storage.Postgres;

/// <summary>Which storage the bot uses (section <c>Storage</c>, plus <c>ConnectionStrings:FaqBot</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Storage";

    /// <summary>The name of the connection string under <c>ConnectionStrings</c>.</summary>
    public const string ConnectionStringName = "FaqBot";

    /// <summary><see cref="StorageProvider.Memory"/> (the default) or <see cref="StorageProvider.Postgres"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Memory;

    /// <summary>The PostgreSQL connection string, from <c>ConnectionStrings:FaqBot</c>; needed for <see cref="StorageProvider.Postgres"/>.</summary>
    public string? ConnectionString { get; set; }
}
