namespace FaqBot.Load;

/// <summary>
/// The conversation check's Direct Line users: each takes a token as the page does, starts a conversation and asks up to
/// three questions in it, each followed by "Tell me more" (checked as over <c>/api/messages</c>) and a re-read of the
/// whole history, which must still hold every activity seen so far, whichever replica stored or serves it.
/// </summary>
internal sealed partial class ConversationCheck
{
    private const int QuestionsPerDirectLineConversation = 3;

    private async Task<ConversationTally> RunDirectLineUserAsync(DirectLineClient client, int seed, CancellationToken stop)
    {
        var tally = new ConversationTally();
        var mix = new QuestionMix(settings.Questions, seed);
        var random = new Random(seed);
        while (!stop.IsCancellationRequested)
        {
            tally.Conversations++;
            DirectLineChat? chat = null;
            var started = await TurnAsync(
                tally,
                async () =>
                {
                    (var reply, chat) = await client.StartAsync(stop);
                    return reply;
                },
                stop,
                isTurn: false);
            if (started is null || chat is null)
            {
                continue;
            }

            for (var n = 0; n < QuestionsPerDirectLineConversation && !stop.IsCancellationRequested; n++)
            {
                if (!await AskAndExpandAsync(client, chat, tally, mix.Next(), random, stop))
                {
                    break;
                }
            }
        }

        return tally;
    }

    // False when a request failed: the user starts a new conversation, as after a failed turn over /api/messages.
    private async Task<bool> AskAndExpandAsync(
        DirectLineClient client, DirectLineChat chat, ConversationTally tally, string question, Random random, CancellationToken stop)
    {
        var asked = await TurnAsync(tally, () => client.SendAsync(chat, question, stop), stop);
        if (asked is null)
        {
            return false;
        }

        if (AnswerIdentity(asked) is not { } identity)
        {
            return true; // declined: nothing to expand; the next question follows
        }

        if (!await ReadAsync(random, stop))
        {
            return false;
        }

        var more = await TurnAsync(tally, () => client.SendAsync(chat, TellMeMore, stop), stop);
        if (more is null)
        {
            return false;
        }

        Check(tally, asked, more, identity);
        var kept = false;
        var history = await TurnAsync(
            tally,
            async () =>
            {
                (var reply, kept) = await client.ReadHistoryAsync(chat, stop);
                return reply;
            },
            stop,
            isTurn: false);
        if (history is null)
        {
            return false;
        }

        tally.HistoryChecked++;
        tally.HistoryKept += kept ? 1 : 0;
        return true;
    }
}
