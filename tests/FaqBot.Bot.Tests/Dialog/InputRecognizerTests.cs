using FaqBot.Bot.Dialog;

namespace FaqBot.Bot.Tests.Dialog;

public sealed class InputRecognizerTests
{
    [Theory]
    [InlineData("help", InputKind.Help)]
    [InlineData("/help", InputKind.Help)]
    [InlineData("Topics?", InputKind.Topics)]
    [InlineData("restart", InputKind.Restart)]
    [InlineData("Start over", InputKind.Restart)]
    [InlineData("Tell me more", InputKind.TellMeMore)]
    [InlineData("Helpful", InputKind.Helpful)]
    [InlineData("Not helpful", InputKind.NotHelpful)]
    [InlineData("None of these", InputKind.NoneOfThese)]
    [InlineData("hi", InputKind.Hello)]
    [InlineData("Good morning!", InputKind.Hello)]
    [InlineData("hey there bot", InputKind.Hello)]
    [InlineData("thanks!", InputKind.Thanks)]
    [InlineData("Thank you so much", InputKind.Thanks)]
    [InlineData("thanks for the help", InputKind.Thanks)]
    [InlineData("bye", InputKind.Bye)]
    [InlineData("see you later", InputKind.Bye)]
    [InlineData("thanks! also, can I exfoliate every day?", InputKind.Question)]
    [InlineData("hi, how often should I steam my face?", InputKind.Question)]
    [InlineData("help me clean my pores", InputKind.Question)]
    [InlineData("tell me more about clay masks", InputKind.Question)]
    [InlineData("so much", InputKind.Question)]
    [InlineData("", InputKind.Question)]
    public void Only_whole_messages_are_commands_or_small_talk(string text, InputKind expected) =>
        Assert.Equal(expected, InputRecognizer.Recognize(text));
}
