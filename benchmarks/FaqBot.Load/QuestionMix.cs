namespace FaqBot.Load;

/// <summary>
/// Questions as a crowd asks them: half are a few common questions that recur word for word, half are unique (a question
/// from the file with two words from other questions added), so neither one repeated string nor a cache sets the pace.
/// One per virtual user: it holds a <see cref="Random"/>.
/// </summary>
internal sealed class QuestionMix
{
    /// <summary>How many questions of the file, spread over it, make the common set.</summary>
    public const int CommonCount = 16;

    private readonly IReadOnlyList<string> _questions;
    private readonly string[] _common;
    private readonly string[] _words;
    private readonly Random _random;

    public QuestionMix(IReadOnlyList<string> questions, int seed)
    {
        _questions = questions;
        var step = Math.Max(1, questions.Count / CommonCount);
        _common = [.. questions.Where((_, i) => i % step == 0).Take(CommonCount)];
        _words = [.. questions.SelectMany(q => q.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal)];
        _random = new Random(seed);
    }

    public string Next()
    {
        if (_random.Next(2) == 0)
        {
            return _common[_random.Next(_common.Length)];
        }

        var question = _questions[_random.Next(_questions.Count)];
        return $"{question} {_words[_random.Next(_words.Length)]} {_words[_random.Next(_words.Length)]}";
    }
}
