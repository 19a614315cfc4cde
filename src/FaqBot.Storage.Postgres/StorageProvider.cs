namespace FaqBot.Storage.Postgres;

/// <summary>Where conversation state and feedback are kept.</summary>
public enum StorageProvider
{
    /// <summary>This process's memory for state, SQLite under <c>Bot:DataDirectory</c> for feedback: one machine, nothing to install.</summary>
    Memory,

    /// <summary>A PostgreSQL database (<c>ConnectionStrings:FaqBot</c>) for both, shared by every replica behind a load balancer.</summary>
    Postgres,
}
