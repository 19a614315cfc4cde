using FaqBot.Bot.Feedback;

namespace FaqBot.Bot.Tests.Feedback;

public sealed class ControlCharactersTests
{
    [Theory]
    [InlineData("plain question?", "plain question?")]
    [InlineData("\u001b[2J\u001b[31mred\u001b[0m text", "red text")]
    [InlineData("title\u001b]0;pwned\u0007 set", "title set")]
    [InlineData("link \u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\ here", "link click here")]
    [InlineData("c1 \u009b31mcsi\u009d0;t\u009c end", "c1 csi end")]
    [InlineData("nul\0 bell\u0007 del\u007f bs\b", "nul bell del bs")]
    [InlineData("tab\tnew\nline\r\n", "tab new line  ")]
    [InlineData("abc\u202egnp.exe \u2066iso\u2069 \u200fmark", "abcgnp.exe iso mark")]
    [InlineData("unterminated \u001b]0;title", "unterminated ")]
    [InlineData("esc at end \u001b", "esc at end ")]
    [InlineData("pores 🧼 毛穴 café", "pores 🧼 毛穴 café")]
    public void Terminal_controls_and_bidi_overrides_are_removed_and_the_words_kept(string typed, string expected) =>
        Assert.Equal(expected, ControlCharacters.Strip(typed));

    [Fact]
    public void Nothing_unsafe_is_left_whatever_the_input()
    {
        var random = new Random(17);
        for (var n = 0; n < 2_000; n++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(0, 0x2100))]);
            Assert.DoesNotContain(ControlCharacters.Strip(text), ControlCharacters.IsUnsafe);
        }
    }
}
