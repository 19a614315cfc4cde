namespace FaqBot.Bot.Tests.Fakes;

/// <summary>Test classes in this collection share one trained seed model (training takes seconds; once is enough).</summary>
[CollectionDefinition(Name)]
public sealed class SeedModelCollection : ICollectionFixture<SeedModelFixture>
{
    public const string Name = "Seed model";
}
