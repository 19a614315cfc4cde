using BenchmarkDotNet.Attributes;
using FaqBot.Bot.Dialog;
using FaqBot.Bot.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace FaqBot.Benchmarks;

/// <summary>
/// What conversation state costs a turn: load the conversation's <see cref="FaqConversationData"/>, change the last
/// answer as an answered question does, and save it, over many conversations on the expiring in-memory storage. The
/// baseline is Bot Builder's own <see cref="ConversationState"/> (hashes for change detection, Json.NET with type
/// names); the host runs <see cref="ExpiringConversationState"/> (one read, one write, typed JSON).
/// </summary>
[MemoryDiagnoser]
public class StateBenchmarks
{
    private const int Conversations = 500;

    private ConversationState _botBuilderState = null!;
    private IStatePropertyAccessor<FaqConversationData> _botBuilderData = null!;
    private ConversationState _hostState = null!;
    private IStatePropertyAccessor<FaqConversationData> _hostData = null!;
    private TestAdapter _adapter = null!;
    private int _turn;

    [GlobalSetup]
    public void Setup()
    {
        _botBuilderState = new ConversationState(NewStorage());
        _botBuilderData = _botBuilderState.CreateProperty<FaqConversationData>(nameof(FaqConversationData));
        _hostState = new ExpiringConversationState(NewStorage(), [FaqConversationDataJson.Default.FaqConversationData]);
        _hostData = _hostState.CreateProperty<FaqConversationData>(nameof(FaqConversationData));
        _adapter = new TestAdapter();
    }

    // Return the stage, not a Bot Builder type: BenchmarkDotNet's generated project cannot see the Bot Builder DLLs.
    [Benchmark(Baseline = true)]
    public Task<int> BotBuilderConversationState() => LoadChangeSave(_botBuilderState, _botBuilderData);

    [Benchmark]
    public Task<int> HostConversationState() => LoadChangeSave(_hostState, _hostData);

    private static ExpiringMemoryStorage NewStorage() =>
        new(new ExpiringStorageOptions { IdleTimeout = TimeSpan.FromHours(1), MaxEntries = 100_000 }, TimeProvider.System);

    private async Task<int> LoadChangeSave(ConversationState state, IStatePropertyAccessor<FaqConversationData> accessor)
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
        var data = await accessor.GetAsync(context, () => new FaqConversationData());
        data.LastAnswer = new AnsweredQuestion(activity.Text, "how-to-deep-clean-pores/targeted-treatments-masks-and-extraction", 0.5f + (_turn % 7 / 100f), Rated: false);
        await state.SaveChangesAsync(context);
        return (int)data.Stage;
    }
}
