using FaqBot.Bot.Feedback;

namespace FaqBot.Bot.Dialog;

/// <summary>
/// Recognises commands, suggested-action replies and small talk. Only a message that is entirely one of these is
/// recognised: "thanks! also, can I exfoliate every day?" has words outside the small-talk vocabulary, so it is a question.
/// </summary>
public static class InputRecognizer
{
    private static readonly Dictionary<string, InputKind> Phrases = new(StringComparer.Ordinal)
    {
        ["help"] = InputKind.Help,
        ["menu"] = InputKind.Help,
        ["what can you do"] = InputKind.Help,
        ["topics"] = InputKind.Topics,
        ["topic"] = InputKind.Topics,
        ["what do you know"] = InputKind.Topics,
        ["what do you know about"] = InputKind.Topics,
        ["restart"] = InputKind.Restart,
        ["start over"] = InputKind.Restart,
        ["reset"] = InputKind.Restart,
        ["tell me more"] = InputKind.TellMeMore,
        ["more"] = InputKind.TellMeMore,
        ["helpful"] = InputKind.Helpful,
        ["that was helpful"] = InputKind.Helpful,
        ["not helpful"] = InputKind.NotHelpful,
        ["that was not helpful"] = InputKind.NotHelpful,
        ["unhelpful"] = InputKind.NotHelpful,
        ["none of these"] = InputKind.NoneOfThese,
        ["none of them"] = InputKind.NoneOfThese,
        ["none"] = InputKind.NoneOfThese,
    };

    private static readonly HashSet<string> HelloWords = ["hi", "hello", "hey", "hiya", "howdy", "greetings", "yo", "morning", "afternoon", "evening"];
    private static readonly HashSet<string> ThanksWords = ["thanks", "thank", "thx", "ty", "cheers", "thankyou", "great", "awesome", "perfect", "cool", "nice", "ok", "okay"];
    private static readonly HashSet<string> ByeWords = ["bye", "goodbye", "cya", "later", "farewell", "night", "goodnight", "see", "ya"];

    // Words that may accompany small talk without making it a question ("thank you so much", "hi there bot").
    private static readonly HashSet<string> Fillers = ["there", "you", "so", "much", "a", "lot", "very", "again", "bot", "faqbot", "all", "good", "for", "that", "the", "help", "oh", "and", "then", "now", "soon"];

    /// <summary>Classifies <paramref name="text"/> (already trimmed of the bot's @mention).</summary>
    public static InputKind Recognize(string text)
    {
        var normalized = QuestionNormalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return InputKind.Question;
        }

        if (Phrases.TryGetValue(normalized, out var kind))
        {
            return kind;
        }

        return RecognizeSmallTalk(normalized.Split(' '));
    }

    private static InputKind RecognizeSmallTalk(string[] words)
    {
        var hello = 0;
        var thanks = 0;
        var bye = 0;
        foreach (var word in words)
        {
            if (HelloWords.Contains(word))
            {
                hello++;
            }
            else if (ThanksWords.Contains(word))
            {
                thanks++;
            }
            else if (ByeWords.Contains(word))
            {
                bye++;
            }
            else if (!Fillers.Contains(word))
            {
                // A content word: this is a question (or something only the engine can judge).
                return InputKind.Question;
            }
        }

        // "thanks, bye" is a goodbye; "hi, thanks" is thanks; fillers alone ("so much") are nothing.
        return bye > 0 ? InputKind.Bye
            : thanks > 0 ? InputKind.Thanks
            : hello > 0 ? InputKind.Hello
            : InputKind.Question;
    }
}
