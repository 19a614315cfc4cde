using FaqBot.Bot.Tests.Fakes;
using FaqBot.Knowledge.Model;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FaqBot.Bot.Tests.Dialog;

public sealed class TeamsTests : IDisposable
{
    private readonly BotHarness _harness = new();

    [Fact]
    public async Task On_teams_the_bot_strips_its_own_mention_before_answering()
    {
        var message = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "<at>FaqBot</at> How often should I deep clean my pores?\n",
            Entities =
            [
                new Entity("mention")
                {
                    Properties = JObject.FromObject(new
                    {
                        mentioned = new { id = BotHarness.BotId, name = "FaqBot" },
                        text = "<at>FaqBot</at>",
                    }),
                },
            ],
        };

        await _harness.Flow("msteams")
            .Send(message)
            .AssertReply(Replies.Containing("once or twice a week", "Tell me more", "Helpful", "Not helpful"))
            .StartTestAsync();
        Assert.Equal(["How often should I deep clean my pores?"], _harness.Fake.Questions);
    }

    [Fact]
    public async Task A_mention_of_the_bot_alone_is_treated_as_an_empty_message()
    {
        var message = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "<at>FaqBot</at>",
            Entities = [new Entity("mention") { Properties = JObject.FromObject(new { mentioned = new { id = BotHarness.BotId, name = "FaqBot" }, text = "<at>FaqBot</at>" }) }],
        };

        await _harness.Flow("msteams")
            .Send(message)
            .AssertReply(Replies.Containing("I didn't get any text"))
            .StartTestAsync();
        Assert.Empty(_harness.Fake.Questions);
    }

    [Fact]
    public async Task On_teams_tell_me_more_turns_headings_into_bold_lines_but_the_emulator_keeps_them()
    {
        var overview = SeedKnowledge.Id("overview");
        Assert.Contains("### Takeaway:", _harness.Engine.FindEntry(overview)!.Answer, StringComparison.Ordinal);

        foreach (var (channel, expected, unexpected) in new[] { ("msteams", "\n**Takeaway:**\n", "###"), ("emulator", "\n### Takeaway:\n", "**Takeaway:**") })
        {
            var adapter = _harness.CreateAdapter(channel);
            await _harness.Flow(adapter)
                .Send("How To Deep Clean Pores")
                .AssertReply(Replies.Containing("Do you ever look in the mirror", "Tell me more", "Helpful", "Not helpful"))
                .Send("Tell me more")
                .StartTestAsync();
            var all = string.Join("\n\n", AnswerTests.Drain(adapter).Select(Replies.Text));
            Assert.Contains(expected, all, StringComparison.Ordinal);
            Assert.DoesNotContain(unexpected, all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task On_teams_tables_and_images_in_an_entry_become_lines_and_links()
    {
        var entry = SeedKnowledge.Entry(SeedKnowledge.Id("product-comparison"), EntryKind.Section, ["Product comparison"],
            "## Products\n\n| Product | Use |\n|---|---|\n| Clay mask | Weekly |\n| BHA toner | Daily |\n\n![A clay mask](https://example.com/mask.png)",
            ["How To Deep Clean Pores", "Product comparison"], null, 1);
        var seed = SeedKnowledge.KnowledgeBase;
        using var harness = new BotHarness(new FakeAnswerEngine(seed with { Entries = [.. seed.Entries, entry] }));
        var adapter = harness.CreateAdapter("msteams");
        await harness.Flow(adapter)
            .Send("Product comparison")
            .AssertReply(activity => Assert.Equal(["Tell me more", "Helpful", "Not helpful"], Replies.Actions(activity)))
            .Send("Tell me more")
            .StartTestAsync();

        var all = string.Join("\n\n", AnswerTests.Drain(adapter).Select(Replies.Text));
        Assert.Contains("**Products**", all, StringComparison.Ordinal);
        Assert.Contains("Clay mask · Weekly", all, StringComparison.Ordinal);
        Assert.Contains("[A clay mask](https://example.com/mask.png)", all, StringComparison.Ordinal);
        Assert.DoesNotContain("|", all, StringComparison.Ordinal);
        Assert.DoesNotContain("![", all, StringComparison.Ordinal);
        Assert.DoesNotContain("#", all.Replace("#product-comparison", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    public void Dispose() => _harness.Dispose();
}
