using System.Net;
using FaqBot.Classifier.Answering;
using FaqBot.Hosting;
using FaqBot.Knowledge.Extraction;
using FaqBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.Health;

public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_reports_the_loaded_model_its_entries_the_knowledge_base_hash_and_the_version()
    {
        var trainedAt = new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero);
        using var factory = new FaqBotWebFactory
        {
            ConfigureServices = services => FaqBotWebFactory.Serve(services, new FakeAnswerEngine(new AnswerEngineStatus(true, 15, "abc123", trainedAt))),
        };

        var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.ReadObjectAsync(response);
        Assert.Equal("ok", body["status"]!.GetValue<string>());
        Assert.True(body["modelLoaded"]!.GetValue<bool>());
        Assert.Equal(15, body["entries"]!.GetValue<int>());
        Assert.Equal("abc123", body["knowledgeBaseHash"]!.GetValue<string>());
        Assert.Empty(body["pagesSkipped"]!.AsArray());
        Assert.Null(body["lastReloadError"]);
        Assert.False(string.IsNullOrWhiteSpace(body["version"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Healthz_is_503_starting_while_the_first_model_loads()
    {
        using var factory = new FaqBotWebFactory { ConfigureServices = FaqBotWebFactory.NeverReady };

        var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await Json.ReadObjectAsync(response);
        Assert.Equal("starting", body["status"]!.GetValue<string>());
        Assert.False(body["modelLoaded"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Healthz_is_degraded_but_200_with_the_skipped_pages_and_the_last_reload_error_while_a_model_serves()
    {
        using var factory = new FaqBotWebFactory();
        var http = factory.CreateClient();
        var engines = factory.Services.GetRequiredService<AnswerEngineHost>();
        var failedAt = new DateTimeOffset(2026, 2, 1, 9, 30, 0, TimeSpan.Zero);
        engines.Loaded([new SkippedPage("faq/tea.md", 3, "front matter is never closed")]);
        engines.Failed("data/articles/faq.md:3: front matter is never closed", failedAt);

        var response = await http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.ReadObjectAsync(response);
        Assert.Equal("degraded", body["status"]!.GetValue<string>());
        var skipped = Assert.Single(body["pagesSkipped"]!.AsArray())!;
        Assert.Equal("faq/tea.md", skipped["filePath"]!.GetValue<string>());
        Assert.Equal(3, skipped["line"]!.GetValue<int>());
        Assert.Equal("front matter is never closed", skipped["reason"]!.GetValue<string>());
        Assert.Equal("data/articles/faq.md:3: front matter is never closed", body["lastReloadError"]!.GetValue<string>());
        Assert.Equal(failedAt, body["lastReloadErrorAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("test", body["knowledgeBaseHash"]!.GetValue<string>());
    }
}
