namespace FaqBot.Testing;

/// <summary>Test classes that share one <see cref="PostgresServer"/>, started once per test assembly.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL server";
}
