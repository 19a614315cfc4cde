namespace FaqBot.Web.Tests.Support;

/// <summary>End-to-end tests share one real host (one model training) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class RealFaqBotCollection : ICollectionFixture<RealFaqBotHost>
{
    public const string Name = "Real FaqBot host";
}
