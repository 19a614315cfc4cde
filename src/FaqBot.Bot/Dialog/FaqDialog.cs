using System.Globalization;
using System.Net;
using System.Text;
using FaqBot.Bot.Feedback;
using FaqBot.Bot.Rendering;
using FaqBot.Classifier.Answering;
using FaqBot.Knowledge.Model;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace FaqBot.Bot.Dialog;

/// <summary>
/// The FAQ conversation as an explicit state machine over <see cref="FaqConversationData"/> (two stages: idle and
/// clarifying). One method per turn kind; replies are built here and rendered for the channel.
/// </summary>
public sealed class FaqDialog
{
    /// <summary>Suggested action: expand the last answer to its whole entry.</summary>
    public const string TellMeMore = "Tell me more";

    /// <summary>Suggested action: the last answer helped.</summary>
    public const string Helpful = "Helpful";

    /// <summary>Suggested action: the last answer did not help.</summary>
    public const string NotHelpful = "Not helpful";

    /// <summary>Suggested action: none of the "Did you mean…?" candidates.</summary>
    public const string NoneOfThese = "None of these";

    // "topics" lists at most this many titles: 30 lines of about 60 characters fit one 2,000-character Teams message, and
    // past that a list is scrolled, not read (asking a question finds the article better than browsing hundreds).
    private const int TopicsTitleCap = 30;

    // Stands for the installing user when a personal install arrives without a sender.
    private const string InstallerKey = "(installer)";

    private readonly IAnswerEngine _engine;
    private readonly IFeedbackStore _feedback;
    private readonly FeedbackHealth _feedbackHealth;
    private readonly ConversationState _conversationState;
    private readonly IStatePropertyAccessor<FaqConversationData> _data;
    private readonly BotOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<FaqDialog> _logger;
    private volatile CachedSummary? _summary;

    /// <summary>Creates the dialog.</summary>
    public FaqDialog(
        IAnswerEngine engine,
        IFeedbackStore feedback,
        FeedbackHealth feedbackHealth,
        ConversationState conversationState,
        IOptions<BotOptions> options,
        TimeProvider time,
        ILogger<FaqDialog> logger)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        ArgumentNullException.ThrowIfNull(options);
        _engine = engine;
        _feedback = feedback;
        _feedbackHealth = feedbackHealth;
        _conversationState = conversationState;
        _data = conversationState.CreateProperty<FaqConversationData>(nameof(FaqConversationData));
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Welcomes each user (never the bot) who joins a one-to-one conversation, once; when the bot itself is added (a
    /// personal install sends only the bot) the installing user is welcomed. In a Teams channel or group chat the bot
    /// introduces itself once, when it is added, instead of greeting every person who joins the team.
    /// </summary>
    public async Task OnMembersAddedAsync(IEnumerable<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membersAdded);
        ArgumentNullException.ThrowIfNull(turnContext);
        var data = await _data.GetAsync(turnContext, () => new FaqConversationData(), cancellationToken);
        var botId = turnContext.Activity.Recipient?.Id;
        var added = membersAdded.Where(m => !string.IsNullOrEmpty(m?.Id)).Select(m => m.Id).ToList();
        var botAdded = !string.IsNullOrEmpty(botId) && added.Contains(botId);
        if (ChannelProfile.For(turnContext.Activity).CardButtons)
        {
            if (botAdded)
            {
                await IntroduceAsync(turnContext, data, cancellationToken);
            }

            return;
        }

        var newUsers = added.Where(id => id != botId && !data.GreetedUserIds.Contains(id)).Distinct().ToList();
        if (botAdded && newUsers.Count == 0)
        {
            await WelcomeInstallerAsync(turnContext, data, cancellationToken);
            return;
        }

        if (newUsers.Count == 0)
        {
            return;
        }

        foreach (var id in newUsers)
        {
            Remember(data, id);
        }

        await SendWelcomeAsync(turnContext, greeting: "Hi! I'm FaqBot.", cancellationToken);
    }

    /// <summary>
    /// Teams' <c>installationUpdate</c> with action <c>add</c>: the same welcome (personal) or introduction (team, group
    /// chat) as the conversationUpdate that usually comes with it, and never twice.
    /// </summary>
    public async Task OnInstalledAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var data = await _data.GetAsync(turnContext, () => new FaqConversationData(), cancellationToken);
        if (ChannelProfile.For(turnContext.Activity).CardButtons)
        {
            await IntroduceAsync(turnContext, data, cancellationToken);
            return;
        }

        await WelcomeInstallerAsync(turnContext, data, cancellationToken);
    }

    /// <summary>
    /// A press of an Adaptive Card button sent as an <c>adaptiveCard/action</c> invoke (Action.Execute, or a client that
    /// turns Action.Submit into one): handled as if its action had been typed; the invoke response acknowledges it.
    /// </summary>
    public async Task<AdaptiveCardInvokeResponse> OnCardActionAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var action = invokeValue?.Action?.Data is JObject data && data[IncomingText.ActionProperty] is JValue { Type: JTokenType.String } value
            ? ((string?)value)?.Trim()
            : null;
        if (string.IsNullOrEmpty(action))
        {
            return new AdaptiveCardInvokeResponse
            {
                StatusCode = (int)HttpStatusCode.BadRequest,
                Type = "application/vnd.microsoft.error",
                Value = new Error("BadRequest", $"The card action has no '{IncomingText.ActionProperty}' text."),
            };
        }

        await HandleTextAsync(turnContext, action, cancellationToken);
        return new AdaptiveCardInvokeResponse { StatusCode = (int)HttpStatusCode.OK, Type = "application/vnd.microsoft.activity.message", Value = action };
    }

    /// <summary>Handles one message: commands, feedback, small talk, clarification picks and questions.</summary>
    public async Task OnMessageAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;

        // Everything after this (commands, the engine, feedback) sees the plain text only.
        activity.Text = IncomingText.Of(activity);
        await HandleTextAsync(turnContext, activity.Text, cancellationToken);
    }

    private async Task HandleTextAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var channel = ChannelProfile.For(activity);
        if (text.Length == 0)
        {
            var reply = activity.Attachments is { Count: > 0 }
                ? "I can only read text, so I can't look at attachments. Please type your question."
                : "I didn't get any text. Type a question, or **help** to see what I can do.";
            await SendAsync(turnContext, channel, reply, [], cancellationToken);
            return;
        }

        if (text.Length > _options.MaxQuestionLength)
        {
            await SendAsync(turnContext, channel, string.Create(CultureInfo.InvariantCulture,
                $"That message is too long for me ({text.Length:N0} characters). Please ask a shorter question, under {_options.MaxQuestionLength:N0} characters."),
                [], cancellationToken);
            return;
        }

        var data = await _data.GetAsync(turnContext, () => new FaqConversationData(), cancellationToken);
        var kind = InputRecognizer.Recognize(text);

        if (data.Stage == DialogStage.Clarifying)
        {
            var pending = data.PendingQuestion ?? string.Empty;
            var candidates = data.Candidates;
            data.Stage = DialogStage.Idle;
            data.PendingQuestion = null;
            data.Candidates = [];

            if (kind == InputKind.NoneOfThese)
            {
                await OnNoneOfTheseAsync(turnContext, channel, pending, candidates, cancellationToken);
                return;
            }

            var picked = Pick(text, candidates);
            if (picked is not null)
            {
                await AnswerPickAsync(turnContext, channel, data, pending, picked, cancellationToken);
                return;
            }

            // Anything else ends the clarification and is handled as a fresh message.
        }

        switch (kind)
        {
            case InputKind.Help:
                await SendHelpAsync(turnContext, channel, cancellationToken);
                return;
            case InputKind.Topics:
                await SendTopicsAsync(turnContext, channel, cancellationToken);
                return;
            case InputKind.Restart:
                await _conversationState.ClearStateAsync(turnContext, cancellationToken);
                var fresh = await _data.GetAsync(turnContext, () => new FaqConversationData(), cancellationToken);
                Remember(fresh, activity.From?.Id);
                await SendWelcomeAsync(turnContext, "OK, let's start over. I've forgotten our conversation.", cancellationToken);
                return;
            case InputKind.TellMeMore:
                await TellMoreAsync(turnContext, channel, data, cancellationToken);
                return;
            case InputKind.Helpful:
            case InputKind.NotHelpful:
                await RateAsync(turnContext, channel, data, kind == InputKind.Helpful, cancellationToken);
                return;
            case InputKind.NoneOfThese:
                await SendAsync(turnContext, channel, "No problem. Ask me a question whenever you're ready.", [], cancellationToken);
                return;
            case InputKind.Hello:
                await SendAsync(turnContext, channel, $"Hello! Ask me anything {Summary.Scope}.", Summary.ExampleQuestions, cancellationToken);
                return;
            case InputKind.Thanks:
                await SendAsync(turnContext, channel, "You're welcome! Anything else you'd like to know?", [], cancellationToken);
                return;
            case InputKind.Bye:
                await SendAsync(turnContext, channel, "Goodbye! Come back any time you have a question.", [], cancellationToken);
                return;
            default:
                await AskAsync(turnContext, channel, data, text, cancellationToken);
                return;
        }
    }

    private KnowledgeSummary Summary
    {
        get
        {
            // The engine may swap its knowledge base on reload; summarise again only when it changed.
            var knowledgeBase = _engine.KnowledgeBase;
            var cached = _summary;
            if (cached is not null && ReferenceEquals(cached.Source, knowledgeBase))
            {
                return cached.Summary;
            }

            var summary = KnowledgeSummary.From(knowledgeBase);
            _summary = new CachedSummary(knowledgeBase, summary);
            return summary;
        }
    }

    private async Task AskAsync(ITurnContext turnContext, ChannelProfile channel, FaqConversationData data, string question, CancellationToken cancellationToken)
    {
        switch (_engine.Ask(question))
        {
            case Clarify clarify when channel.MaxSuggestedActions >= 3:
                // A close call still shows the best answer first (most close calls are right, and a bare "Did you mean…?"
                // makes every user click), then offers the candidates; picking one answers it. One action is kept for
                // "None of these", so Teams (3 visible actions) offers 2 candidates and others 3.
                var candidates = clarify.Candidates.Take(Math.Min(3, channel.MaxSuggestedActions - 1)).Select(ToCandidate).ToList();
                data.Stage = DialogStage.Clarifying;
                data.PendingQuestion = question;
                data.Candidates = candidates;
                data.LastAnswer = new AnsweredQuestion(question, clarify.Best.EntryId, clarify.Best.Confidence, Rated: false);
                await turnContext.SendActivitiesAsync(
                    [
                        Message(channel, channel.Render(AnswerText(clarify.Best.Text, clarify.Best.Source, clarify.Best.Link)), []),
                        Message(channel, channel.Render("I'm not sure that is what you asked. Did you mean…?"), [.. candidates.Select(c => c.Question), NoneOfThese]),
                    ],
                    cancellationToken);
                return;
            case { Shown: { } answer }:
                await SendAnswerAsync(turnContext, channel, data, question, ToCandidate(answer), cancellationToken);
                return;
            case var declined:
                var closest = declined.Alternatives.Count > 0 ? declined.Alternatives[0] : null;
                var noted = await RecordAsync(turnContext, question, closest?.EntryId, declined.Confidence, FeedbackKind.Declined, cancellationToken);
                await SendAsync(turnContext, channel, DeclineText(noted), ["topics", "help"], cancellationToken);
                return;
        }
    }

    private Task AnswerPickAsync(
        ITurnContext turnContext, ChannelProfile channel, FaqConversationData data, string pending, ClarificationCandidate picked, CancellationToken cancellationToken) =>
        SendAnswerAsync(turnContext, channel, data, pending.Length > 0 ? pending : picked.Question, picked, cancellationToken);

    private async Task SendAnswerAsync(
        ITurnContext turnContext, ChannelProfile channel, FaqConversationData data, string question, ClarificationCandidate answer, CancellationToken cancellationToken)
    {
        data.LastAnswer = new AnsweredQuestion(question, answer.EntryId, answer.Confidence, Rated: false);

        // Teams shows only the first 3 suggested actions: at most these 3, most useful first. "Tell me more" only when
        // there is more: the rest of the entry, or the section a one-paragraph answer belongs with.
        var entry = _engine.FindEntry(answer.EntryId);
        IReadOnlyList<string> actions = entry is not null && More(entry) is null ? [Helpful, NotHelpful] : [TellMeMore, Helpful, NotHelpful];
        await SendAsync(turnContext, channel, AnswerText(answer.Text, answer.Source, answer.Link), actions, cancellationToken);
    }

    // What "Tell me more" shows after an answer from this entry: the whole entry when it has more than one paragraph,
    // else the section of its article it belongs with, else nothing.
    private FaqEntry? More(FaqEntry entry) => entry.Passages.Count > 1 ? entry : RelatedSection.For(entry, _engine.KnowledgeBase);

    private static ClarificationCandidate ToCandidate(Answer answer) =>
        new(answer.EntryId, answer.Title, answer.Confidence, answer.Text, answer.Source, answer.Link);

    private static string AnswerText(string text, string source, string? link) => $"{text.Trim()}\n\n{SourceLine(source, link)}";

    private async Task TellMoreAsync(ITurnContext turnContext, ChannelProfile channel, FaqConversationData data, CancellationToken cancellationToken)
    {
        var entry = data.LastAnswer is { } last ? _engine.FindEntry(last.EntryId) : null;
        if (entry is null)
        {
            await SendAsync(turnContext, channel, data.LastAnswer is null
                ? "Ask me a question first, then I can tell you more about the answer."
                : "Sorry, I can't find that answer any more (the article may have changed). Please ask again.",
                Summary.ExampleQuestions, cancellationToken);
            return;
        }

        IReadOnlyList<string> rating = data.LastAnswer!.Rated ? [] : [Helpful, NotHelpful];
        var more = More(entry);
        if (more is null)
        {
            // A one-paragraph entry (most FAQ answers) was already shown whole, and no section adds to it: say so.
            var where = entry.Link is null ? string.Empty : $" You can read it in context [in the article]({entry.Link}).";
            await SendAsync(turnContext, channel, $"That was the whole answer; the article says no more about it.{where}", rating, cancellationToken);
            return;
        }

        // A one-paragraph answer was shown whole: the section it belongs with is the more the article has to say.
        var intro = ReferenceEquals(more, entry) ? string.Empty : "That was the whole answer; the article goes into it in this section:\n\n";
        var whole = $"{intro}**{Heading(more)}**\n\n{more.Answer.Trim()}\n\n{SourceLine(string.Join(" › ", more.HeadingPath), more.Link)}";
        var chunks = MessageSplitter.Split(channel.Render(whole), channel.MaxMessageLength);
        var activities = new List<IActivity>(chunks.Count);
        for (var i = 0; i < chunks.Count; i++)
        {
            var isLast = i == chunks.Count - 1;
            activities.Add(Message(channel, chunks[i], isLast ? rating : []));
        }

        await turnContext.SendActivitiesAsync([.. activities], cancellationToken);
    }

    private async Task RateAsync(ITurnContext turnContext, ChannelProfile channel, FaqConversationData data, bool helpful, CancellationToken cancellationToken)
    {
        if (data.LastAnswer is not { } last)
        {
            await SendAsync(turnContext, channel, "Thanks, but I haven't answered anything yet. Ask me a question first.", Summary.ExampleQuestions, cancellationToken);
            return;
        }

        if (last.Rated)
        {
            await SendAsync(turnContext, channel, "You've already rated that answer. Thanks!", [], cancellationToken);
            return;
        }

        var saved = await RecordAsync(turnContext, last.Question, last.EntryId, last.Confidence, helpful ? FeedbackKind.Helpful : FeedbackKind.Unhelpful, cancellationToken);
        data.LastAnswer = last with { Rated = true };
        var reply = (saved, helpful) switch
        {
            (false, _) => "Thanks. I couldn't save your feedback just now, sorry.",
            (true, true) => "Glad it helped! Ask me anything else.",
            (true, false) => "Sorry it didn't help. I've noted your question so the article can be improved. You could try asking it differently, or type **topics** to see what I cover.",
        };
        await SendAsync(turnContext, channel, reply, helpful ? [] : ["topics"], cancellationToken);
    }

    private async Task OnNoneOfTheseAsync(
        ITurnContext turnContext, ChannelProfile channel, string pending, IReadOnlyList<ClarificationCandidate> candidates, CancellationToken cancellationToken)
    {
        var best = candidates.Count > 0 ? candidates[0] : null;
        var noted = await RecordAsync(turnContext, pending, best?.EntryId, best?.Confidence, FeedbackKind.NoneOfThese, cancellationToken);
        await SendAsync(turnContext, channel,
            noted
                ? "Thanks, I've noted that question so the article can be improved. Could you rephrase it, with a few more details?"
                : "Sorry about that. Could you rephrase your question, with a few more details?",
            ["topics"], cancellationToken);
    }

    private async Task SendWelcomeAsync(ITurnContext turnContext, string greeting, CancellationToken cancellationToken)
    {
        var channel = ChannelProfile.For(turnContext.Activity);
        var text = $"{greeting} I answer questions {Summary.Scope}, with the section each answer comes from. " +
            (Summary.NamesEveryArticle
                ? "Ask in your own words, or try one of these. Type **help** for more."
                : "Ask in your own words, or try one of these. Type **topics** to see them all, or **help** for more.");
        await SendAsync(turnContext, channel, text, Summary.ExampleQuestions, cancellationToken);
    }

    // A personal install: Teams sends only the bot in membersAdded (and an installationUpdate); the user is the sender.
    private async Task WelcomeInstallerAsync(ITurnContext turnContext, FaqConversationData data, CancellationToken cancellationToken)
    {
        var botId = turnContext.Activity.Recipient?.Id;
        var userId = turnContext.Activity.From?.Id is { Length: > 0 } from && from != botId ? from : InstallerKey;
        if (data.GreetedUserIds.Contains(userId))
        {
            return;
        }

        Remember(data, userId);
        await SendWelcomeAsync(turnContext, greeting: "Hi! I'm FaqBot.", cancellationToken);
    }

    // Added to a team or group chat: one short introduction for everyone, once per conversation.
    private async Task IntroduceAsync(ITurnContext turnContext, FaqConversationData data, CancellationToken cancellationToken)
    {
        if (data.Introduced)
        {
            return;
        }

        data.Introduced = true;
        var channel = ChannelProfile.For(turnContext.Activity);
        var text = $"Hi everyone! I'm FaqBot. I answer questions {Summary.Scope}, with the section each answer comes from. " +
            (Summary.NamesEveryArticle
                ? "@mention me with your question, or try one of these."
                : "@mention me with your question (or **topics** to see them all), or try one of these.");
        await SendAsync(turnContext, channel, text, Summary.ExampleQuestions, cancellationToken);
    }

    private async Task SendHelpAsync(ITurnContext turnContext, ChannelProfile channel, CancellationToken cancellationToken)
    {
        var text = $"""
            Ask me a question in your own words {(Summary.NamesEveryArticle ? string.Empty : "about anything ")}{Summary.Scope}. I answer from the article and show the section the answer comes from.

            * **{TellMeMore}**: the rest of the section behind my last answer, or the section it belongs with
            * **{Helpful}** / **{NotHelpful}**: rate my last answer (it helps improve the article)
            * **topics**: what I know about
            * **restart**: forget our conversation and start over
            """;
        await SendAsync(turnContext, channel, text, Summary.ExampleQuestions, cancellationToken);
    }

    private async Task SendTopicsAsync(ITurnContext turnContext, ChannelProfile channel, CancellationToken cancellationToken)
    {
        var text = Summary.NamesEveryArticle ? TopicsInDetail() : TopicsByTitle();
        var chunks = MessageSplitter.Split(channel.Render(text), channel.MaxMessageLength);
        var activities = chunks.Select((chunk, i) => Message(channel, chunk, i == chunks.Count - 1 ? Summary.ExampleQuestions : [])).ToArray<IActivity>();
        await turnContext.SendActivitiesAsync(activities, cancellationToken);
    }

    // A few articles: each with its sections and FAQ questions.
    private string TopicsInDetail()
    {
        var text = new StringBuilder("Here is what I know about.");
        foreach (var article in Summary.Topics)
        {
            text.Append("\n\n**").Append(article.Title).Append("**");
            foreach (var section in article.Sections)
            {
                text.Append("\n* ").Append(section);
            }

            if (article.Faqs.Count > 0)
            {
                text.Append("\n\nQuestions people often ask:");
                foreach (var faq in article.Faqs)
                {
                    text.Append("\n* ").Append(faq);
                }
            }
        }

        return text.ToString();
    }

    // Many articles: one line per title, at most TopicsTitleCap of them, then how many more. Titles, not articles, are
    // counted: articles sharing a title (a page kept in two places) are one line, so the counts add up for the reader.
    private string TopicsByTitle()
    {
        var titles = Summary.Titles.Distinct(StringComparer.Ordinal).ToList();
        var shown = titles.Take(TopicsTitleCap).ToList();
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"I answer from {Summary.ArticleCountText}"))
            .Append(shown.Count < titles.Count ? string.Create(CultureInfo.InvariantCulture, $". Here are the first {shown.Count} titles:") : ":")
            .Append("\n");
        foreach (var title in shown)
        {
            text.Append("\n* ").Append(title);
        }

        text.Append("\n\n").Append(shown.Count < titles.Count
            ? string.Create(CultureInfo.InvariantCulture, $"…and {titles.Count - shown.Count:N0} more titles. Ask me a question in your own words and I'll find the article that answers it, or try one of these.")
            : "Ask me a question in your own words, or try one of these.");
        return text.ToString();
    }

    private string DeclineText(bool noted)
    {
        if (!Summary.NamesEveryArticle)
        {
            // A few sections of the first article would mislead about what the others cover: the named titles say enough.
            return $"Sorry, I can only answer questions {Summary.Scope}. " +
                (noted ? "I've noted your question. " : string.Empty) + "Type **topics** to see them all.";
        }

        var sections = Summary.Topics.SelectMany(t => t.Sections).Take(4).Select(s => s.ToLowerInvariant()).ToList();
        var examples = sections.Count > 0 ? $" (for example {string.Join("; ", sections)})" : string.Empty;
        return $"Sorry, I can only answer questions about {Summary.TitlesText}{examples}. " +
            (noted ? "I've noted your question. " : string.Empty) + "Type **topics** to see everything I cover.";
    }

    private static ClarificationCandidate? Pick(string text, IReadOnlyList<ClarificationCandidate> candidates)
    {
        var normalized = QuestionNormalizer.Normalize(text);
        if (int.TryParse(normalized, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= candidates.Count)
        {
            return candidates[number - 1];
        }

        return candidates.FirstOrDefault(c => QuestionNormalizer.Normalize(c.Question) == normalized || c.EntryId == text);
    }

    // True when the event is in the store: stored now, or already there as a repeat. False when it was dropped by the
    // rate limit or could not be saved, so the reply does not claim it was noted.
    private async Task<bool> RecordAsync(
        ITurnContext turnContext, string question, string? entryId, float? confidence, FeedbackKind kind, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var feedbackEvent = new FeedbackEvent(
            _time.GetUtcNow(), activity.ChannelId ?? "unknown", activity.Conversation?.Id ?? "unknown", question, entryId, confidence, kind);
        try
        {
            var recorded = await _feedback.RecordAsync(feedbackEvent, cancellationToken);
            _feedbackHealth.Worked();
            return recorded is not FeedbackRecorded.RateLimited;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Losing one feedback row must not cost the user their answer: log it, say so in /healthz and carry on.
            _logger.LogError(ex, "Could not record {Kind} feedback for conversation {Conversation}.", kind.ToName(), feedbackEvent.Conversation);
            _feedbackHealth.Failed(ex.Message, _time.GetUtcNow());
            return false;
        }
    }

    private static void Remember(FaqConversationData data, string? userId)
    {
        if (string.IsNullOrEmpty(userId) || data.GreetedUserIds.Contains(userId))
        {
            return;
        }

        data.GreetedUserIds.Add(userId);
        if (data.GreetedUserIds.Count > FaqConversationData.MaxGreetedUsers)
        {
            data.GreetedUserIds.RemoveAt(0);
        }
    }

    private static string Heading(FaqEntry entry) =>
        entry.Kind == EntryKind.Faq || entry.HeadingPath.Count == 0 ? entry.Question : entry.HeadingPath[^1];

    private static string SourceLine(string source, string? link)
    {
        var label = source.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
        return string.IsNullOrWhiteSpace(link) ? $"_Source: {label}_" : $"_Source: [{label}]({link})_";
    }

    private static Task SendAsync(
        ITurnContext turnContext, ChannelProfile channel, string markdown, IReadOnlyList<string> actions, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(Message(channel, channel.Render(markdown), actions), cancellationToken);

    private static IMessageActivity Message(ChannelProfile channel, string markdown, IReadOnlyList<string> actions)
    {
        if (channel.CardButtons && actions.Count > 0)
        {
            // Suggested actions cannot reach the bot here (see ChannelProfile.CardButtons): the text and its buttons go
            // in one card, since Teams would split text plus an attachment into two messages.
            var card = MessageFactory.Attachment(ActionCard.Create(markdown, actions));
            card.TextFormat = TextFormatTypes.Markdown;
            return card;
        }

        var message = MessageFactory.Text(markdown);
        message.TextFormat = TextFormatTypes.Markdown;
        if (actions.Count > 0)
        {
            message.SuggestedActions = new SuggestedActions
            {
                Actions = [.. actions.Select(a => new CardAction(ActionTypes.ImBack, title: a, value: a))],
            };
        }

        return message;
    }

    private sealed record CachedSummary(KnowledgeBase Source, KnowledgeSummary Summary);
}
