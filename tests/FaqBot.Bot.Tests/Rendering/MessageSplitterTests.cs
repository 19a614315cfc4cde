using FaqBot.Bot.Rendering;
using CsCheck;

namespace FaqBot.Bot.Tests.Rendering;

public sealed class MessageSplitterTests
{
    [Fact]
    public void Short_text_is_one_message() =>
        Assert.Equal(["one\n\ntwo"], MessageSplitter.Split("one\n\ntwo", 100));

    [Fact]
    public void Blocks_are_packed_in_order_and_split_only_at_blank_lines_when_they_fit()
    {
        var blocks = Enumerable.Range(1, 6).Select(i => new string((char)('a' + i), 30)).ToList();
        var chunks = MessageSplitter.Split(string.Join("\n\n", blocks), 70);

        Assert.Equal([$"{blocks[0]}\n\n{blocks[1]}", $"{blocks[2]}\n\n{blocks[3]}", $"{blocks[4]}\n\n{blocks[5]}"], chunks);
    }

    [Fact]
    public void A_block_longer_than_the_limit_is_split_at_sentence_ends()
    {
        var chunks = MessageSplitter.Split("First sentence is here. Second sentence is here. Third one.", 50);

        Assert.Equal(["First sentence is here. Second sentence is here.", "Third one."], chunks);
    }

    [Fact]
    public void Every_chunk_fits_and_no_word_is_lost() =>
        Gen.Select(Gen.String[Gen.Char["ab .\n"], 0, 3000], Gen.Int[20, 500]).Sample((text, limit) =>
        {
            var chunks = MessageSplitter.Split(text, limit);
            Assert.All(chunks, c => Assert.InRange(c.Length, 1, limit));
            Assert.Equal(Words(text), Words(string.Concat(chunks)));
        });

    private static string Words(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
