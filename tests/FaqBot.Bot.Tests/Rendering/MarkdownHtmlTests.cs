using FaqBot.Bot.Rendering;
using FaqBot.Bot.Tests.Fakes;

namespace FaqBot.Bot.Tests.Rendering;

public sealed class MarkdownHtmlTests : IDisposable
{
    private const string Img = "<img src=x onerror=alert(document.cookie)>";
    private const string Script = "<script>alert(1)</script>";

    private readonly BotHarness _harness = new();

    [Theory]
    [InlineData("Hi " + Img + " there", "Hi &lt;img src=x onerror=alert(document.cookie)> there")]
    [InlineData(Script, "&lt;script>alert(1)&lt;/script>")]
    [InlineData("<!-- c --><?php ?><IFRAME src=//x>", "&lt;!-- c -->&lt;?php ?>&lt;IFRAME src=//x>")]
    [InlineData("a < b and 3 <5 > 2", "a < b and 3 <5 > 2")]
    [InlineData("keep `<b>code</b>` and ``a ` <i>``", "keep `<b>code</b>` and ``a ` <i>``")]
    [InlineData("```html\n<script>x</script>\n```\n<script>", "```html\n<script>x</script>\n```\n&lt;script>")]
    [InlineData("see <https://x.test/a?b=1> or <mailto:a@x.test>", "see <https://x.test/a?b=1> or <mailto:a@x.test>")]
    [InlineData("<javascript:alert(1)> \\<b>", "&lt;javascript:alert(1)> \\<b>")]
    [InlineData("unclosed `<b> tick", "unclosed `&lt;b> tick")]
    public void Raw_html_is_escaped_outside_code_and_autolinks(string markdown, string expected) =>
        Assert.Equal(expected, MarkdownHtml.Escape(markdown));

    [Theory]
    [InlineData("emulator")]
    [InlineData("directline")]
    [InlineData("webchat")]
    [InlineData("msteams")]
    public void Text_a_user_typed_reaches_no_channel_as_html(string channel)
    {
        var rendered = ChannelProfile.For(channel).Render($"You asked: **{Img} {Script}**");

        Assert.DoesNotContain("<img", rendered, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", rendered, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;img src=x", rendered, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("emulator")]
    [InlineData("directline")]
    [InlineData("msteams")]
    public async Task An_answer_carrying_html_from_an_article_is_sent_escaped(string channel)
    {
        var entry = SeedKnowledge.Id("how-often-should-i-deep-clean-my-pores");
        _harness.Fake.Answers("how often?", entry, 0.9f, answer: $"Twice a week. {Img}\n\n{Script}");

        await _harness.Flow(channel)
            .Send("how often?")
            .AssertReply(activity =>
            {
                var text = Replies.Text(activity);
                Assert.StartsWith("Twice a week. &lt;img src=x onerror=alert(document.cookie)>\n\n&lt;script>alert(1)&lt;/script>", text, StringComparison.Ordinal);
                Assert.DoesNotContain("<img", text, StringComparison.Ordinal);
                Assert.DoesNotContain("<script", text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public void The_terminal_gets_text_as_typed() =>
        Assert.Equal(Script, ChannelProfile.For("console").Render(Script));

    public void Dispose() => _harness.Dispose();
}
