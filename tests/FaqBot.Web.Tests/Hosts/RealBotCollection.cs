namespace FaqBot.Web.Tests.Hosts;

/// <summary>Test classes that share one <see cref="RealBotHost"/> (training the model once).</summary>
[CollectionDefinition(Name)]
public sealed class RealBotCollection : ICollectionFixture<RealBotHost>
{
    public const string Name = "real bot host";
}
