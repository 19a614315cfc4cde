using FaqBot.Bot.Rendering;

namespace FaqBot.Bot.Tests.Rendering;

public sealed class TeamsMarkdownTests
{
    [Theory]
    [InlineData("### Takeaway:\n\n* one", "**Takeaway:**\n\n* one")]
    [InlineData("# Title #", "**Title**")]
    [InlineData("Title\n=====\ntext", "**Title**\ntext")]
    [InlineData("Intro\n\n---\n\nMore", "Intro\n\n\nMore")]
    [InlineData("See ![a clay mask](https://x.test/m.png \"Mask\") here", "See [a clay mask](https://x.test/m.png) here")]
    [InlineData("![](https://x.test/m.png)", "[image](https://x.test/m.png)")]
    [InlineData("| Product | Use |\n| --- | :---: |\n| Clay | Weekly |", "Product · Use  \nClay · Weekly  ")]
    [InlineData("**bold** _it_ [link](https://x.test) `code`\n\n> quote\n\n1. one\n2. two", "**bold** _it_ [link](https://x.test) `code`\n\n> quote\n\n1. one\n2. two")]
    [InlineData("```\n# not a heading\n| not | a table |\n```", "```\n# not a heading\n| not | a table |\n```")]
    [InlineData("a | b is not a table", "a | b is not a table")]
    public void Teams_safe_markdown_rewrites_only_what_teams_cannot_show(string markdown, string expected) =>
        Assert.Equal(expected, TeamsMarkdown.MakeSafe(markdown));

    [Fact]
    public void Only_teams_gets_the_rewrite()
    {
        Assert.Equal("**H**", ChannelProfile.For("msteams").Render("## H"));
        Assert.Equal("## H", ChannelProfile.For("emulator").Render("## H"));
        Assert.Equal("## H", ChannelProfile.For("directline").Render("## H"));
        Assert.Equal("## H", ChannelProfile.For("webchat").Render("## H"));
    }
}
