using FaqBot.Bot.Dialog;
using FaqBot.Web.Tests.Support;
using Microsoft.Playwright;

namespace FaqBot.Web.Tests.WebChat;

/// <summary>
/// Drives the real Web Chat page in Debian's headless chromium against the real FaqBot on a loopback port: type a question,
/// see the answer and its suggested actions, click one. Saves <c>TestResults/webchat.png</c> beside the test binaries,
/// also into <c>$TEST_RESULTS_DIR</c> when set (CI keeps it with the test results), and into docs/screenshots/ when
/// FAQBOT_DOCS_SCREENSHOT=1.
/// </summary>
[Collection(RealFaqBotCollection.Name)]
public sealed class WebChatBrowserTests(RealFaqBotHost host)
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 30_000 };

    [Fact]
    public async Task A_question_typed_into_Web_Chat_is_answered_and_a_suggested_action_can_be_clicked()
    {
        Assert.True(
            File.Exists(ChromiumPath),
            $"The browser test needs Debian's chromium at {ChromiumPath}: run `apt-get install -y chromium` (Playwright's own browser download is not used).");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1000 } });
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);
        const string Question = "How often should I deep clean my pores?";

        try
        {
            await ChatAsync(page, Question);
        }
        catch (PlaywrightException)
        {
            // What the page showed when it failed, beside the test results, to see why.
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "TestResults", "webchat-failure.png"), FullPage = true });
            throw;
        }

        await SaveScreenshotAsync(page);
        Assert.Empty(pageErrors);
        Assert.Equal(0, await page.GetByText("Send failed").CountAsync());
    }

    private async Task ChatAsync(IPage page, string question)
    {
        await page.GotoAsync(host.BaseAddress.ToString());
        await Assertions.Expect(Bubble(page, "I answer questions about")).ToBeVisibleAsync(Patiently);
        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync(question);
        await sendBox.PressAsync("Enter");
        await Assertions.Expect(Bubble(page, "generally recommended once or twice a week")).ToBeVisibleAsync(Patiently);
        var suggestions = page.GetByRole(AriaRole.Toolbar, new PageGetByRoleOptions { Name = "Suggested actions" });
        foreach (var action in new[] { FaqDialog.TellMeMore, FaqDialog.Helpful, FaqDialog.NotHelpful })
        {
            await Assertions.Expect(SuggestedAction(suggestions, action)).ToBeVisibleAsync(Patiently);
        }

        await SuggestedAction(suggestions, FaqDialog.TellMeMore).ClickAsync();
        await Assertions.Expect(Bubble(page, "That was the whole answer")).ToBeVisibleAsync(Patiently);
    }

    // Strict: exactly one paragraph may hold the text, so a duplicated activity fails the test. (Markdown turns ' into ’.)
    private static ILocator Bubble(IPage page, string text) =>
        page.GetByRole(AriaRole.Paragraph).Filter(new LocatorFilterOptions { HasTextString = text });

    private static ILocator SuggestedAction(ILocator toolbar, string title) =>
        toolbar.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = title, Exact = true });

    private static async Task SaveScreenshotAsync(IPage page)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestResults", "webchat.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        if (Environment.GetEnvironmentVariable("TEST_RESULTS_DIR") is { Length: > 0 } results)
        {
            Directory.CreateDirectory(results);
            File.Copy(path, Path.Combine(results, "webchat.png"), overwrite: true);
        }

        if (Environment.GetEnvironmentVariable("FAQBOT_DOCS_SCREENSHOT") == "1")
        {
            var docs = Path.Combine(RepositoryRoot.Path, "docs", "screenshots", "webchat.png");
            Directory.CreateDirectory(Path.GetDirectoryName(docs)!);
            File.Copy(path, docs, overwrite: true);
        }
    }
}
