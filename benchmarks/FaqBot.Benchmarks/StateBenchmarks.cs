using BenchmarkDotNet.Attributes;
using FaqBot.Bot.Dialog;
using FaqBot.Bot.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace FaqBot.Benchmarks;

/// <summary>
/// What conversation state costs a turn: load the conversation's <see cref="FaqConversationData"/> through
/// <see cref="ConversationState"/>, change the last answer as an answered question does, and save it, on the
/// expiring in-memory storage the host uses, over many conversations.
/// </summary>
[MemoryDiagnoser]
public class StateBenchmarks
{
    private const int Conversations = 500;

    private ConversationState _state = null!;
    private IStatePropertyAccessor<FaqConversationData> _data = null!;
    private TestAdapter _adapter = null!;
    private int _turn;

    [GlobalSetup]
    public void Setup()
    {
        var storage = new ExpiringMemoryStorage(new ExpiringStorageOptions { IdleTimeout = TimeSpan.FromHours(1), MaxEntries = 100_000 }, TimeProvider.System);
        _state = new ConversationState(storage);
        _data = _state.CreateProperty<FaqConversationData>(nameof(FaqConversationData));
        _adapter = new TestAdapter();
    }

    // Returns the stage, not a Bot Builder type: BenchmarkDotNet's generated project cannot see the Bot Builder DLLs.
    [Benchmark]
    public async Task<int> LoadChangeSave()
    {
        var conversation = "conversation-" + (_turn++ % Conversations);
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = "directline",
            Conversation = new ConversationAccount(id: conversation),
            From = new ChannelAccount("user-" + conversation),
            Recipient = new ChannelAccount("bot"),
            Text = "which clays are used in masks",
        };
        using var context = new TurnContext(_adapter, activity);
        var data = await _data.GetAsync(context, () => new FaqConversationData());
        data.LastAnswer = new AnsweredQuestion(activity.Text, "how-to-deep-clean-pores/targeted-treatments-masks-and-extraction", 0.5f + (_turn % 7 / 100f), Rated: false);
        await _state.SaveChangesAsync(context);
        return (int)data.Stage;
    }
}
