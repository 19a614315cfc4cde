using System.Net;
using FaqBot.Web.Tests.DirectLine;
using FaqBot.Web.Tests.Hosts;

namespace FaqBot.Web.Tests.Fuzzing;

/// <summary>
/// Short fuzz of both channels against the real bot: a few hundred hostile bodies each. Zero 5xx, and every 4xx says
/// why. The long run is <c>benchmarks/FaqBot.Fuzz -- http</c> (counts in docs/reliability.md).
/// </summary>
[Collection(RealBotCollection.Name)]
public sealed class ChannelFuzzTests(RealBotHost host)
{
    private const int Cases = 300;

    [Fact]
    public async Task Hostile_bodies_on_api_messages_never_get_a_5xx_and_every_refusal_says_why()
    {
        var outcomes = new FuzzOutcomes();

        for (var seed = 0; seed < Cases; seed++)
        {
            await outcomes.SendAsync(host.Client, "/api/messages", seed);
        }

        Assert.Empty(outcomes.Failures);
        Assert.Contains(outcomes.Counts.Keys, k => k.StartsWith('2'));
        Assert.Contains(outcomes.Counts.Keys, k => k.StartsWith('4'));
    }

    [Fact]
    public async Task Hostile_bodies_posted_to_a_Direct_Line_conversation_never_get_a_5xx_and_every_refusal_says_why()
    {
        var outcomes = new FuzzOutcomes();
        var client = new DirectLineClient(host.Client);
        Assert.Equal(HttpStatusCode.Created, (await client.StartAsync()).StatusCode);

        for (var seed = Cases; seed < 2 * Cases; seed++)
        {
            await outcomes.SendAsync(host.Client, $"/v3/directline/conversations/{client.ConversationId}/activities", seed, client.Token);
        }

        // The conversation still works after all that.
        var (activities, _) = await client.ReadAsync();
        Assert.Empty(outcomes.Failures);
        Assert.Contains(outcomes.Counts.Keys, k => k.StartsWith('4'));
        Assert.NotEmpty(activities);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(client.WebChatMessage("how often should I deep clean my pores"))).StatusCode);
    }

    [Theory]
    [InlineData("?watermark=-1")]
    [InlineData("?watermark=abc")]
    [InlineData("?watermark=99999999999999999999999")]
    [InlineData("?watermark=%00")]
    public async Task Odd_watermarks_get_a_4xx_with_a_reason_or_the_activities(string query)
    {
        var client = new DirectLineClient(host.Client);
        await client.StartAsync();

        var response = await host.Client.SendAsync(Support.Json.Get($"/v3/directline/conversations/{client.ConversationId}/activities{query}", client.Token));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} {body}");
        Assert.True(response.IsSuccessStatusCode || FuzzOutcomes.MessageOf(body) is not null, $"{(int)response.StatusCode} without a reason: '{body}'");
    }
}
