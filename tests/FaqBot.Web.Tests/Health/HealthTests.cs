using System.Net;
using FaqBot.Classifier.Answering;
using FaqBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FaqBot.Web.Tests.Health;

public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_reports_the_loaded_model_its_entries_and_the_version()
    {
        var trainedAt = new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero);
        using var factory = new FaqBotWebFactory
        {
            ConfigureServices = services =>
            {
                services.RemoveAll<IAnswerEngine>();
                services.AddSingleton<IAnswerEngine>(new FakeAnswerEngine(new AnswerEngineStatus(true, 15, "abc123", trainedAt)));
            },
        };

        var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.ReadObjectAsync(response);
        Assert.Equal("ok", body["status"]!.GetValue<string>());
        Assert.True(body["modelLoaded"]!.GetValue<bool>());
        Assert.Equal(15, body["entries"]!.GetValue<int>());
        Assert.Equal("abc123", body["knowledgeBaseHash"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(body["version"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Healthz_is_503_while_no_model_is_loaded()
    {
        using var factory = new FaqBotWebFactory
        {
            ConfigureServices = services =>
            {
                services.RemoveAll<IAnswerEngine>();
                services.AddSingleton<IAnswerEngine>(new FakeAnswerEngine(new AnswerEngineStatus(false, 0, string.Empty, null)));
            },
        };

        var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await Json.ReadObjectAsync(response);
        Assert.Equal("unavailable", body["status"]!.GetValue<string>());
        Assert.False(body["modelLoaded"]!.GetValue<bool>());
    }
}
