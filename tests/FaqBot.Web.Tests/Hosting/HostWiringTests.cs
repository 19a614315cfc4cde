using FaqBot.Bot.State;
using FaqBot.Web.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.Hosting;

public sealed class HostWiringTests
{
    [Fact]
    public void The_host_gives_the_bot_bounded_expiring_state_storage()
    {
        using var factory = new FaqBotWebFactory();

        var storage = factory.Services.GetRequiredService<IStorage>();

        Assert.IsType<MemoryCacheStorage>(storage);
    }
}
